import Foundation

/// A name such as `=HYPERLINK("http://evil", "Click")` from someone else's CSV must not
/// become a live formula when the export is opened in a spreadsheet. Such cells are
/// written with a leading apostrophe (the usual spreadsheet escape) and read back
/// without it. Phone numbers ("+31 20 ...", "-") stay as they are.
public enum SpreadsheetFormula {
    public static func defused(_ cell: String) -> String {
        isFormula(cell) ? "'" + cell : cell
    }

    /// The cell as it was before ``defused(_:)``.
    public static func restored(_ cell: String) -> String {
        cell.hasPrefix("'") && isFormula(String(cell.dropFirst())) ? String(cell.dropFirst()) : cell
    }

    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-":
            // "+31 20 555 0101" and "-" are data; "+HYPERLINK(...)" and "-1+cmd|..." are not.
            let phone = CharacterSet(charactersIn: "0123456789 ()-./")
            return !cell.unicodeScalars.dropFirst().allSatisfy { phone.contains($0) }
        default: return false
        }
    }
}
