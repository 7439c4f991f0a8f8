import CallboardCore
import Foundation

/// Writes the JSON export a piece at a time, in the same bytes Foundation's encoder gives
/// for the whole document (pretty printed, sorted keys): calls first, as they are read
/// from their day files, then the prospects. Only one call or prospect is encoded at a
/// time, so memory stays flat however long the history.
///
/// Use: ``begin()``, any number of ``append(calls:)`` (in order), ``append(prospects:)``
/// after the last call, then ``finish()``.
public struct JSONExportWriter {
    /// The values beside the two lists.
    public struct Header: Sendable {
        public var exportedAt: Date
        public var seller: String?
        public var version: String?
        public var period: (from: CalendarDay, to: CalendarDay)?

        public init(
            exportedAt: Date, seller: String? = nil, version: String? = nil,
            period: (from: CalendarDay, to: CalendarDay)? = nil
        ) {
            self.exportedAt = exportedAt
            self.seller = seller.flatMap { $0.isEmpty ? nil : $0 }
            self.version = version
            self.period = period
        }
    }

    private enum Stage { case start, calls, prospects, done }

    private let sink: any ExportSink
    private let header: Header
    private let encoder: JSONEncoder
    private var stage = Stage.start
    private var first = true

    public init(to sink: any ExportSink, header: Header) {
        self.sink = sink
        self.header = header
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    public mutating func begin() throws {
        precondition(stage == .start, "begin() comes first")
        try sink.write("{\n  \"calls\" : [\n")
        stage = .calls
        first = true
    }

    /// The next calls, in the order the export lists them (by start, then id).
    public mutating func append(calls: [Call]) throws {
        precondition(stage == .calls, "calls come before prospects")
        for call in calls { try element(call) }
    }

    /// The next prospects; the first call to it closes the calls.
    public mutating func append(prospects: [Prospect]) throws {
        if stage == .calls { try closeCalls() }
        precondition(stage == .prospects, "prospects come after begin() and before finish()")
        for prospect in prospects { try element(prospect) }
    }

    public mutating func finish() throws {
        if stage == .calls { try closeCalls() }
        precondition(stage == .prospects, "finish() comes once, after begin()")
        try sink.write("\n  ]")
        // Sorted keys: after "prospects" come "seller", "to", "version".
        if let seller = header.seller { try field("seller", seller) }
        if let period = header.period { try field("to", period.to.description) }
        if let version = header.version { try field("version", version) }
        try sink.write("\n}\n")
        stage = .done
    }

    private mutating func closeCalls() throws {
        try sink.write("\n  ]")
        try field("exportedAt", header.exportedAt)
        if let period = header.period { try field("from", period.from.description) }
        try sink.write(",\n  \"prospects\" : [\n")
        stage = .prospects
        first = true
    }

    private func field(_ key: String, _ value: some Encodable) throws {
        var line = Data(",\n  \"\(key)\" : ".utf8)
        line.append(try encoder.encode(value))
        try sink.write(JSONText.escapingInvisibles(line))
    }

    /// One list element, indented two levels: a JSON string never holds a raw line break,
    /// so every line break in the encoder's output starts a line to indent, except the
    /// blank line Foundation writes inside an empty list.
    private mutating func element(_ value: some Encodable) throws {
        let encoded = try encoder.encode(value)
        // Bytes into an array, whole lines at a time: a byte-wise Data append cost more
        // than the encoding.
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 8 + 8)
        if !first { out += [0x2C, 0x0A] }  // ",\n"
        first = false
        out += Self.indent
        encoded.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = raw.startIndex
            while let newline = raw[start...].firstIndex(of: 0x0A) {
                out += raw[start...newline]
                start = newline + 1
                if start < raw.endIndex, raw[start] != 0x0A { out += Self.indent }
            }
            out += raw[start...]
        }
        try sink.write(JSONText.escapingInvisibles(Data(out)))
    }

    private static let indent: [UInt8] = Array("    ".utf8)
}
