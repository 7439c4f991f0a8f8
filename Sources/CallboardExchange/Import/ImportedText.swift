import Foundation

/// Text that arrives from someone else's file. What the person typed is kept, but control
/// characters never make it into the store: an escape sequence in a CRM cell must not
/// survive to reach a terminal, a calendar or an email header. Same rules as the screen's
/// own cleaner, minus the layout concerns.
public enum ImportedText {
    /// One line of text: control characters removed, tabs and line breaks become spaces,
    /// runs of spaces collapse, ends trimmed.
    public static func line(_ text: String) -> String {
        // Most cells are plain printable ASCII with single spaces; they need no work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), text.utf8.first != 0x20, text.utf8.last != 0x20,
            !text.contains("  ")
        {
            return text
        }
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if isDropped(scalar) { continue }
            let isSpace = scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { out.append(" ") }
            } else {
                out.append(scalar)
            }
            lastWasSpace = isSpace
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Several lines (notes): line breaks kept as "\n", every other control removed.
    public static func lines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// C0 controls other than whitespace, DEL, C1, and the bidirectional overrides that
    /// could reorder what is shown around them.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
