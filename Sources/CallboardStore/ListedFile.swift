import Foundation

/// Writes a document with one long list (a bucket's prospects, the working set, the
/// contact cards) one element at a time, in the bytes `VersionedFile.write` gives for the
/// whole document: so 100,000 prospects never become one tree of encoder values, nor one
/// buffer of the whole file.
///
/// Foundation's pretty printer indents each level by two spaces and never puts a raw
/// line break inside a string, so an element encoded alone is the same text as inside
/// the list once every line of it is indented two levels; the one exception is the blank
/// line it writes inside an empty list, which stays blank.
extension VersionedFile {
    /// - Parameters:
    ///   - document: the document with its list under `key` empty; `key` is a top-level key.
    ///   - elements: the list, in the order the file holds it.
    static func write<Element: Encodable>(
        _ document: some Encodable, list key: String, elements: some Sequence<Element>, to url: URL
    ) throws(StoreError) {
        let encoder = StoreCoding.encoder()
        let frame: [UInt8]
        do {
            frame = Array(try encoder.encode(document))
        } catch {
            throw .io(path: url.path, operation: "Encoding", reason: "\(error)")
        }
        let empty = Array("\n  \"\(key)\" : [\n\n  ]".utf8)
        guard let at = frame.firstRange(of: empty) else {
            throw .io(path: url.path, operation: "Encoding", reason: "the list \"\(key)\" is not empty in the frame")
        }
        var elementsIterator = elements.makeIterator()
        guard var element = elementsIterator.next() else {
            try AtomicFile.write(Data(frame + [0x0A]), to: url)
            return
        }
        let opening = at.lowerBound + empty.count - 5  // through "[", before "\n\n  ]"
        try AtomicFile.write(to: url) { (sink: inout AtomicFile.Sink) throws(StoreError) in
            try sink.write(frame[..<opening])
            var first = true
            while true {
                let encoded: [UInt8]
                do {
                    encoded = Array(try encoder.encode(element))
                } catch {
                    throw .io(path: url.path, operation: "Encoding", reason: "\(error)")
                }
                try sink.write(first ? Self.openElement : Self.nextElement)
                first = false
                // Whole lines at a time: a byte-wise append cost more than the encoding.
                var start = encoded.startIndex
                while let newline = encoded[start...].firstIndex(of: 0x0A) {
                    try sink.write(encoded[start...newline])
                    start = newline + 1
                    if start < encoded.endIndex, encoded[start] != 0x0A { try sink.write(Self.indent) }
                }
                try sink.write(encoded[start...])
                guard let following = elementsIterator.next() else { break }
                element = following
            }
            try sink.write(frame[(opening + 1)...])  // "\n  ]" and the rest
            try sink.write(CollectionOfOne(0x0A))
        }
    }

    private static let indent: [UInt8] = Array("    ".utf8)
    private static let openElement: [UInt8] = Array("\n    ".utf8)
    private static let nextElement: [UInt8] = Array(",\n    ".utf8)
}
