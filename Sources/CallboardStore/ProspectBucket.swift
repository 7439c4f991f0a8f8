import CallboardCore

/// Which of the fixed number of `prospects/NN.json` files holds a prospect.
///
/// Chosen by FNV-1a over the id's UTF-8 bytes: stable across runs, machines and Swift
/// versions, unlike `hashValue`, which is seeded afresh in every process. Changing
/// `count` would strand prospects in the wrong files, so it is part of the layout.
enum ProspectBucket {
    static let count = 64

    static func index(of id: ProspectID) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in id.rawValue.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// "07.json"
    static func fileName(_ index: Int) -> String {
        index < 10 ? "0\(index).json" : "\(index).json"
    }
}
