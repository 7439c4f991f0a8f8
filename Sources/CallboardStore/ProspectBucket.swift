import CallboardCore

/// Which of the fixed number of `prospects/NN.json` files holds a prospect.
///
/// Chosen by FNV-1a over the id's UTF-8 bytes: stable across runs, machines and Swift
/// versions, unlike `hashValue`, which is seeded afresh in every process. Changing
/// `count` would strand prospects in the wrong files, so it is part of the layout.
enum ProspectBucket {
    static let count = 64

    static func index(of id: ProspectID) -> Int {
        Int(FNV1a.hash32(id.rawValue.utf8) % UInt32(count))
    }

    /// "07.json"
    static func fileName(_ index: Int) -> String {
        index < 10 ? "0\(index).json" : "\(index).json"
    }
}

/// FNV-1a: a hash that is the same in every process, for bucket numbers and for telling
/// one build of a file from another.
enum FNV1a {
    static func hash32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    static func hash64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
