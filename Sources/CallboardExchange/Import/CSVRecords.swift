/// Reads CSV one record at a time over the text's UTF-8 bytes, so an import holds one row
/// of cells at a time instead of every row of the file.
///
/// It reads as the spreadsheet exports callboard meets are written, and as the reader
/// before it did: fields are separated by `delimiter`; records end at any line break
/// (LF, CR, CRLF, and the other characters Swift calls newlines: VT, FF, NEL, U+2028,
/// U+2029); whitespace at the start of a field, and between a closing quote and what
/// follows, is left out; a quoted field may hold separators and line breaks, and a quote
/// written twice is one quote, inside quotes or out. A quote anywhere else, or a quoted
/// field the text ends in, is a ``QuoteError`` naming the line. A blank line is a record
/// of one empty field; at the end of the text, a last empty field is not a field.
///
/// This reader is the one place the quoting rule lives: an import's error comes from it.
struct CSVRecords {
    /// Why the text is not CSV, and on which line.
    struct QuoteError: Error, Equatable {
        enum Kind: Equatable {
            /// A quote inside a value that did not start with one.
            case inTheMiddle
            /// Something other than a separator or a line break after a closing quote.
            case afterClosingQuote
            /// The text ends inside quotes.
            case neverClosed
        }
        var kind: Kind
        /// The line of the quote out of place; for ``Kind/neverClosed``, the line the
        /// quoted field starts on.
        var line: Int

        /// In words, for an import's error message.
        var explanation: String {
            switch kind {
            case .inTheMiddle:
                "on line \(line), a quote appears in the middle of a value; "
                    + "put the whole value in quotes and write the quote twice (\"\")"
            case .afterClosingQuote:
                "on line \(line), a quoted value goes on after its closing quote; "
                    + "a quote inside a value is written twice (\"\")"
            case .neverClosed:
                "a quoted field on line \(line) is never closed"
            }
        }
    }

    private let bytes: [UInt8]
    private let delimiter: Unicode.Scalar
    private var position = 0
    /// The line the next record starts on.
    private(set) var line: Int
    /// How far into the text the reader is, in bytes; for a progress bar.
    var offset: Int { position }
    var count: Int { bytes.count }

    init(_ text: some StringProtocol, delimiter: Unicode.Scalar, firstLine: Int = 1) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter
        line = firstLine
    }

    /// The next record with the line it starts on, or nil at the end of the text.
    mutating func next() throws(QuoteError) -> (line: Int, cells: [String])? {
        guard position < bytes.count else { return nil }
        let start = line
        var cells: [String] = []
        var field: [UInt8] = []
        var atStart = true, unquoted = false, quoteSeen = false
        var quoteLine = line
        while position < bytes.count {
            let (scalar, length) = scalarAt(position)
            let newline = newlineLength(at: position, scalar: scalar, length: length)
            // Outside quotes (before a value, in an unquoted one, past a closing quote) a
            // separator ends the field and a line break the record.
            let outsideQuotes = atStart || unquoted != quoteSeen
            if outsideQuotes, scalar == delimiter || newline > 0 {
                cells.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atStart = true
                unquoted = false
                quoteSeen = false
                guard newline > 0 else {
                    position += length
                    continue
                }
                position += newline
                line += 1
                return (start, cells)
            }
            if atStart {
                if scalar == "\"" {
                    atStart = false
                    quoteLine = line
                } else if !Self.isWhitespace(scalar) {
                    atStart = false
                    unquoted = true
                    field.append(contentsOf: bytes[position..<position + length])
                }
            } else if unquoted {
                if quoteSeen {
                    // Only a second quote may follow a quote in an unquoted field.
                    guard scalar == "\"" else { throw QuoteError(kind: .inTheMiddle, line: line) }
                    field.append(0x22)
                    quoteSeen = false
                } else if scalar == "\"" {
                    quoteSeen = true
                } else {
                    field.append(contentsOf: bytes[position..<position + length])
                }
            } else if quoteSeen {
                // Just past a quote inside quotes: a second one is a quote, whitespace waits.
                if scalar == "\"" {
                    field.append(0x22)
                    quoteSeen = false
                } else if !Self.isWhitespace(scalar) {
                    throw QuoteError(kind: .afterClosingQuote, line: line)
                }
            } else if scalar == "\"" {
                quoteSeen = true
            } else {
                // Inside quotes: everything is the value, line breaks included.
                if newline > 0 { line += 1 }
                let taken = newline > 0 ? newline : length
                field.append(contentsOf: bytes[position..<position + taken])
                position += taken
                continue
            }
            position += length
        }
        // The end of the text: inside quotes it is an error, and so is a lone quote at the
        // end of a value that did not start with one.
        if !atStart, !unquoted, !quoteSeen { throw QuoteError(kind: .neverClosed, line: quoteLine) }
        if unquoted, quoteSeen { throw QuoteError(kind: .inTheMiddle, line: line) }
        // A field with something in it counts, an empty last one not.
        if !field.isEmpty { cells.append(String(decoding: field, as: UTF8.self)) }
        return cells.isEmpty ? nil : (start, cells)
    }

    /// The scalar starting at `index` and its length in bytes (the text is valid UTF-8).
    private func scalarAt(_ index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where index + k < bytes.count {
            value = value << 6 | UInt32(bytes[index + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, bytes.count - index))
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The bytes of the line break at `index` (2 for CRLF), or 0 when there is none.
    private func newlineLength(at index: Int, scalar: Unicode.Scalar, length: Int) -> Int {
        switch scalar.value {
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return length
        default: return 0
        }
    }
}
