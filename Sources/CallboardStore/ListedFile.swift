import CallboardCore
import Foundation

/// Writes a document with one long list (a bucket's prospects, the working set, the
/// contact cards) one element at a time, in the bytes `VersionedFile.write` gives for the
/// whole document: so 100,000 prospects never become one tree of encoder values, nor one
/// buffer of the whole file.
///
/// Foundation's pretty printer indents each level by two spaces and never puts a raw
/// line break inside a string, so an element encoded alone is the same text as inside
/// the list once every line of it is indented two levels; the one exception is the blank
/// line it writes inside an empty list, which stays blank. So an element encoded once
/// serves every file whose list is at the top level: a prospect's bucket and its page of
/// the queue.
extension VersionedFile {
    /// - Parameters:
    ///   - document: the document with its list under `key` empty; `key` is a top-level key.
    ///   - elements: the list, in the order the file holds it.
    static func write<Element: Encodable>(
        _ document: some Encodable, list key: String, elements: some Sequence<Element>, to url: URL, durable: Bool = true
    ) throws(StoreError) {
        let encoder = StoreCoding.encoder()
        var iterator = elements.makeIterator()
        try writeListed(document, list: key, to: url, durable: durable) { () throws(StoreError) -> ArraySlice<UInt8>? in
            guard let element = iterator.next() else { return nil }
            return try encodedElement(element, with: encoder, for: url)
        }
    }

    /// ``write(_:list:elements:to:durable:)`` with the elements already encoded, each alone
    /// (``encodedElement(_:with:for:)``): `next` gives them in order, then nil.
    static func writeListed(
        _ document: some Encodable, list key: String, to url: URL, durable: Bool = true,
        next: () throws(StoreError) -> ArraySlice<UInt8>?
    ) throws(StoreError) {
        try AtomicFile.write(to: url, durable: durable) { (sink: inout AtomicFile.Sink) throws(StoreError) in
            try listed(document, list: key, path: url.path, next: next) { (bytes: ArraySlice<UInt8>) throws(StoreError) in
                try sink.write(bytes)
            }
        }
    }

    /// The whole file's bytes in memory, for a file small enough (a page of the queue).
    static func listedBytes(
        _ document: some Encodable, list key: String, path: String, next: () throws(StoreError) -> ArraySlice<UInt8>?
    ) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        try listed(document, list: key, path: path, next: next) { (part: ArraySlice<UInt8>) in bytes += part }
        return bytes
    }

    /// One element as the encoder gives it alone.
    static func encodedElement(_ element: some Encodable, with encoder: JSONEncoder, for url: URL) throws(StoreError) -> ArraySlice<UInt8> {
        do {
            return ArraySlice(try encoder.encode(element))
        } catch {
            throw .io(path: url.path, operation: "Encoding", reason: "\(error)")
        }
    }

    private static func listed(
        _ document: some Encodable, list key: String, path: String, next: () throws(StoreError) -> ArraySlice<UInt8>?,
        emit: (ArraySlice<UInt8>) throws(StoreError) -> Void
    ) throws(StoreError) {
        let frame: [UInt8]
        do {
            frame = Array(try StoreCoding.encoder().encode(document))
        } catch {
            throw .io(path: path, operation: "Encoding", reason: "\(error)")
        }
        let empty = Array("\n  \"\(key)\" : [\n\n  ]".utf8)
        guard let at = frame.firstRange(of: empty) else {
            throw .io(path: path, operation: "Encoding", reason: "the list \"\(key)\" is not empty in the frame")
        }
        guard var encoded = try next() else {
            try emit(frame[...])
            try emit(Self.newline)
            return
        }
        let opening = at.lowerBound + empty.count - 5  // through "[", before "\n\n  ]"
        try emit(frame[..<opening])
        var first = true
        while true {
            try emit(first ? Self.openElement : Self.nextElement)
            first = false
            // Whole lines at a time: a byte-wise append cost more than the encoding.
            var start = encoded.startIndex
            while let newline = encoded[start...].firstIndex(of: 0x0A) {
                try emit(encoded[start...newline])
                start = newline + 1
                if start < encoded.endIndex, encoded[start] != 0x0A { try emit(Self.indent) }
            }
            try emit(encoded[start...])
            guard let following = try next() else { break }
            encoded = following
        }
        try emit(frame[(opening + 1)...])  // "\n  ]" and the rest
        try emit(Self.newline)
    }

    private static let indent: ArraySlice<UInt8> = ArraySlice("    ".utf8)
    private static let openElement: ArraySlice<UInt8> = ArraySlice("\n    ".utf8)
    private static let nextElement: ArraySlice<UInt8> = ArraySlice(",\n    ".utf8)
    private static let newline: ArraySlice<UInt8> = [0x0A]
}

/// Prospects encoded once each, for every file that lists them (an import writes each
/// into its bucket and into a page of the queue): in buffers of a megabyte, filled in
/// turn, not an array each nor one buffer that doubles as it grows.
struct EncodedProspects {
    private var chunks: [[UInt8]] = []
    private var spans: [ProspectID: (chunk: Int, range: Range<Int>)] = [:]
    private static let chunkSize = 1 << 20

    init(_ prospects: [Prospect], for url: URL) throws(StoreError) {
        let encoder = StoreCoding.encoder()
        spans.reserveCapacity(prospects.count)
        for prospect in prospects {
            let encoded = try VersionedFile.encodedElement(prospect, with: encoder, for: url)
            if chunks.isEmpty || chunks[chunks.count - 1].count + encoded.count > chunks[chunks.count - 1].capacity {
                var chunk: [UInt8] = []
                chunk.reserveCapacity(max(Self.chunkSize, encoded.count))
                chunks.append(chunk)
            }
            let last = chunks.count - 1
            let start = chunks[last].count
            chunks[last] += encoded
            spans[prospect.id] = (last, start..<chunks[last].count)
        }
    }

    /// The bytes of the prospect with this id, when it was encoded here.
    subscript(id: ProspectID) -> ArraySlice<UInt8>? {
        guard let span = spans[id] else { return nil }
        return chunks[span.chunk][span.range]
    }
}
