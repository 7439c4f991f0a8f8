import CallboardCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text from CSV files and other people is hostile until made safe: an escape sequence in
/// a name must never move the cursor, set the window title or write the clipboard.
public enum SafeText {
    /// The text with every control character removed: C0 (tabs and line breaks become a
    /// space), DEL, C1, and the bidirectional overrides that could reorder a row.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !ControlCharacters.isDropped(scalar) {
            out.append(ControlCharacters.isSpacing(scalar) ? " " : scalar)
        }
        return String(out)
    }

    /// Whether the text holds nothing that `clean` would change.
    public static func isClean(_ text: String) -> Bool { clean(text) == text }

    /// The grapheme clusters of the cleaned text, each as the screen draws it.
    static func graphemes(_ text: String) -> [String] {
        _ = utf8Widths
        // Printable ASCII has nothing to clean, and each byte is a cluster of its own.
        if isPrintableASCII(text) { return text.utf8.map { String(Character(Unicode.Scalar($0))) } }
        if isPlainLatin(text) { return text.unicodeScalars.map { String(Character($0)) } }
        return clean(text).map(drawable)
    }

    /// Whether every byte is printable ASCII (space to tilde).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Whether every scalar is plain Latin ("Martínez", "Łódź"): nothing to clean, no
    /// combining marks, so each scalar is a cluster of its own and one column wide.
    static func isPlainLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isPlainLatin)
    }

    /// Printable ASCII or a precomposed Latin letter (U+00C0 to U+024F): one column wide.
    static func isPlainLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x20..<0x7F).contains(scalar.value) || (0xC0...0x24F).contains(scalar.value)
    }

    /// One grapheme cluster as the screen draws it: its first character and the marks
    /// that combine with it. Terminals disagree on how wide an emoji sequence is (tmux 3.3
    /// draws 👩‍👩‍👧 as three faces, others as one), so a joined sequence stops at its
    /// zero-width joiner, and presentation selectors, skin tones and tags are left out.
    /// What is left is as wide on every terminal as `wcwidth` says, so columns line up.
    static func drawable(_ cluster: Character) -> String {
        let scalars = cluster.unicodeScalars
        guard scalars.count > 1, let first = scalars.first else { return String(cluster) }
        var out = String.UnicodeScalarView([first])
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0x200D: return String(out)
            case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `wcwidth` answers by the C library's character type; under the plain "C" locale it
    /// knows no wide characters, so measure with a UTF-8 one when the process has none.
    private static let utf8Widths: Void = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        let upper = current.uppercased()
        if !(upper.contains("UTF-8") || upper.contains("UTF8")) {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }()
}
