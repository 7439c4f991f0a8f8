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
