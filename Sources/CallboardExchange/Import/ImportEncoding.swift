import Foundation

/// The character encodings an import reads, and how one is chosen.
///
/// Valid UTF-8 is UTF-8. A file with a byte-order mark is what the mark says (UTF-8, or
/// UTF-16 as Excel's "Unicode text" saves it). A file that is mostly UTF-8 with a few bad
/// bytes is an error naming the first one: reading it as Windows-1252 would turn every
/// "ü" into "Ã¼" without a word. Only a file with no UTF-8 in it at all is read as
/// Windows-1252, the encoding of older spreadsheet programs. `--encoding` overrides all.
public enum ImportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// The name a seller knows it by, for the summary.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16 (little-endian)"
        case .utf16BE: "UTF-16 (big-endian)"
        case .windows1252: "Windows-1252"
        }
    }

    /// `utf-8`, `utf8`, `UTF-16LE`, `cp1252`, `latin1` (read as its superset Windows-1252)...
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1252", "cp1252", "windows1252", "latin1", "latin-1", "iso-8859-1": self = .windows1252
        default: return nil
        }
    }

    private var foundation: String.Encoding {
        switch self {
        case .utf8: .utf8
        case .utf16LE: .utf16LittleEndian
        case .utf16BE: .utf16BigEndian
        case .windows1252: .windowsCP1252
        }
    }

    /// The text of `data` and the encoding it was read in.
    public static func decode(_ data: Data, as forced: ImportEncoding? = nil) throws(ImportFailure) -> (text: String, encoding: ImportEncoding) {
        if data.isEmpty { throw .empty }
        var bytes = data
        var encoding = forced
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = data.dropFirst(3)
            encoding = encoding ?? .utf8
        } else if data.starts(with: [0xFF, 0xFE]) {
            bytes = data.dropFirst(2)
            encoding = encoding ?? .utf16LE
        } else if data.starts(with: [0xFE, 0xFF]) {
            bytes = data.dropFirst(2)
            encoding = encoding ?? .utf16BE
        }
        if let encoding {
            if encoding == .utf8, let problem = firstBadUTF8(in: bytes) { throw .badUTF8(line: problem.line, column: problem.column) }
            guard let text = String(data: bytes, encoding: encoding.foundation) else { throw .notInEncoding(encoding.displayName) }
            if encoding != .utf16LE, encoding != .utf16BE, text.utf8.prefix(4096).contains(0) { throw .notText }
            return (text, encoding)
        }
        if bytes.prefix(4096).contains(0) { throw .notText }
        guard let problem = firstBadUTF8(in: bytes) else { return (String(decoding: bytes, as: UTF8.self), .utf8) }
        // Any well-formed multi-byte character means the file is UTF-8 with damage in it.
        if problem.sawUTF8 { throw .badUTF8(line: problem.line, column: problem.column) }
        guard let text = String(data: bytes, encoding: .windowsCP1252) else { throw .notText }
        return (text, .windows1252)
    }

    /// Where `bytes` first stop being UTF-8 (line and column in characters, from 1), and
    /// whether any well-formed multi-byte character was seen anywhere; nil when all is UTF-8.
    static func firstBadUTF8(in bytes: Data) -> (line: Int, column: Int, sawUTF8: Bool)? {
        let b = [UInt8](bytes)
        var i = 0, line = 1, column = 1
        var first: (line: Int, column: Int)?
        var sawUTF8 = false
        while i < b.count {
            let byte = b[i]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= b.count
            if valid, length > 1 {
                for k in 1..<length where b[i + k] & 0xC0 != 0x80 { valid = false }
                // No overlong forms, no surrogates, nothing past U+10FFFF.
                let second = b[i + 1]
                switch byte {
                case 0xE0: valid = valid && second >= 0xA0
                case 0xED: valid = valid && second <= 0x9F
                case 0xF0: valid = valid && second >= 0x90
                case 0xF4: valid = valid && second <= 0x8F
                default: break
                }
                if valid { sawUTF8 = true }
            }
            if !valid {
                if first == nil { first = (line, column) }
                i += 1
                column += 1
                continue
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        guard let first else { return nil }
        return (first.line, first.column, sawUTF8)
    }
}
