import CallboardCore

/// Short random ids for prospects made here ("p-3f9a0c12"): easy to type on the command
/// line, and checked against the ids already taken.
struct NewProspectID {
    private var taken: Set<ProspectID>
    private var random = SystemRandomNumberGenerator()

    init(taken: some Sequence<ProspectID>) {
        self.taken = Set(taken)
    }

    mutating func next() -> ProspectID {
        while true {
            let value = UInt32.random(in: .min ... .max, using: &random)
            let hex = String(value, radix: 16)
            let id = ProspectID("p-" + String(repeating: "0", count: 8 - hex.count) + hex)
            if taken.insert(id).inserted { return id }
        }
    }
}
