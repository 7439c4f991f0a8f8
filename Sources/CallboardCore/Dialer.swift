import Foundation

/// How a call is placed when the seller presses `Enter` on a prospect.
public enum Dialer: String, Hashable, Codable, Sendable, CaseIterable {
    /// No phone is driven: `Enter` starts the call timer, as with a phone on the desk.
    case none
    /// A `tel:` link handed to the desktop's handler (`xdg-open`), for softphones that
    /// register for `tel:`.
    case system
    /// A configured program, with the number as its last argument.
    case command
    /// The baresip softphone, through its `ctrl_tcp` module: it dials, hangs up and says
    /// when the prospect answers and when the call ends.
    case baresip

    /// Whether `Enter` hands the number to a phone.
    public var dials: Bool { self != .none }

    /// Whether the phone reports the call's answer and end, so the call starts ringing
    /// and its timer waits for the answer.
    public var reportsCall: Bool { self == .baresip }
}

/// A phone number as a dialer takes it. People write numbers with spacing, brackets and
/// dashes ("+44 20 5555 0014", "(020) 5555-0014", "0044 20 5555 0014"); a phone wants the
/// digits. Text that is no plain number (an extension in words, a pasted note) is kept as
/// written, for a dialer program to make of it what it can: it is data, never a command.
public struct DialNumber: Hashable, Sendable {
    /// The number as written, trimmed, without control characters.
    public let written: String
    /// `+` and digits when the number is international, else the digits as written (a
    /// local number, an extension with `*`/`#`); nil when the text is not a plain number.
    public let digits: String?
    /// Whether ``digits`` is an E.164 number (`+` and 8 to 15 digits).
    public let isE164: Bool

    /// Nil when nothing is left to dial.
    public init?(_ text: String) {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { !ControlCharacters.isDropped($0) }))
            .trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { return nil }
        written = clean
        (digits, isE164) = Self.read(clean)
    }

    private static func read(_ text: String) -> (String?, Bool) {
        var rest = Substring(text)
        var international = false
        if rest.hasPrefix("+") {
            international = true
            rest = rest.dropFirst()
        }
        var digits = ""
        for character in rest {
            if let ascii = character.asciiValue, (48...57).contains(ascii) || character == "*" || character == "#" {
                digits.append(character)
            } else if !" ()-./\u{00A0}".contains(character) {
                return (nil, false)
            }
        }
        if !international, digits.hasPrefix("00"), digits.count > 2 {
            international = true
            digits.removeFirst(2)
        }
        guard !digits.isEmpty else { return (nil, false) }
        let plain = !digits.contains("*") && !digits.contains("#")
        guard international, plain else { return (digits, false) }
        return ("+" + digits, (8...15).contains(digits.count))
    }

    /// The number as a `tel:` URI (RFC 3966): global when it is E.164, else the digits,
    /// else the text as written, percent-encoded so it stays one argument of data.
    public var telURI: String {
        var allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "+-.()"))
        allowed.remove(charactersIn: "%")
        let text = digits ?? written
        return "tel:" + (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}
