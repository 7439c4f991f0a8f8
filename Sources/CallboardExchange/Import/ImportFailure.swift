import CallboardCore
import Foundation

/// Why a CSV file could not be imported at all (as opposed to a bad row, which is an
/// ``ImportProblem``).
public enum ImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case badMapping(String)
    case empty
    case notText
    case malformed(String)
    case noNameColumn(headers: [String])
    case noContactColumn(headers: [String])
    /// A file that is UTF-8 but for a bad byte here.
    case badUTF8(line: Int, column: Int)
    /// The file is not text in the encoding given with --encoding.
    case notInEncoding(String)
    /// Two columns with one name: which one a field comes from would be a guess.
    case duplicateHeader(name: String, line: Int)
    /// The input is not a plain file (a pipe, a device).
    case notAFile(String)

    public var description: String {
        switch self {
        case .badMapping(let why):
            return "The --map option is wrong: \(why)."
        case .empty:
            return "The file is empty: a CSV export starts with a header line."
        case .notText:
            return "The file is not text. Export it from your CRM or spreadsheet as CSV (UTF-8)."
        case .malformed(let why):
            return "The file is not valid CSV: \(why)."
        case .noNameColumn(let headers):
            return "No column holds a name (found: \(Self.list(headers))). "
                + "Map one with --map COLUMN=name, or COLUMN=firstName and COLUMN=lastName."
        case .badUTF8(let line, let column):
            return "The file is UTF-8 text but for a byte on line \(line), column \(column) that is not. "
                + "Fix that spot, or give the encoding it was saved in, e.g. --encoding windows-1252."
        case .notInEncoding(let name):
            return "The file is not \(name) text. Leave out --encoding to let callboard tell, or give another."
        case .duplicateHeader(let name, let line):
            return "Line \(line): two columns are named \"\(StoredText.line(name))\". Rename one so it is clear which to import."
        case .notAFile(let what):
            return what
        case .noContactColumn(let headers):
            return "No column holds a phone number or an email (found: \(Self.list(headers))). "
                + "Map one with --map COLUMN=phone or --map COLUMN=email."
        }
    }

    private static func list(_ headers: [String]) -> String {
        headers.isEmpty ? "no headers" : headers.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

/// One bad row: the line it starts on, the field, and what is wrong.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the file where the row starts (the header is line 1).
    public var line: Int
    public var field: String
    public var message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "line \(line), \(field): \(message)" }
}
