import CallboardCore
import Foundation
import Testing

/// Imports trim every cell; the plain-Swift trim must cut exactly what Foundation's does,
/// or a name with a no-break space or a trailing line break would change on import.
@Suite struct TrimmingTests {
    static let samples = [
        "", " ", "\t\u{00A0}Anna\u{3000} ", "\r\nJan\n", "\u{2028}x\u{2029}", "\u{85}a b\u{0B}\u{0C}",
        "  Zoë 東京  ", "\u{200B}zero width stays\u{200B}", "a\u{00A0}\u{00A0}b",
    ]

    @Test func trimsWhatFoundationTrims() {
        for text in Self.samples {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmed(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }
}
