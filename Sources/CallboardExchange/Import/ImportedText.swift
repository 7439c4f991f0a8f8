import CallboardCore
import Foundation

/// Text that arrives from someone else's file. What the person typed is kept, but control
/// characters never make it into the store: an escape sequence in a CRM cell must not
/// survive to reach a terminal, a calendar or an email header. The rule is core's
/// ``ControlCharacters``, the same as the screen's.
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
            if ControlCharacters.isDropped(scalar) { continue }
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
            .trimmed(newlines: true)
    }
}
