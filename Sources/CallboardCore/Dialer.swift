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

/// A phone number as a dialer takes it: the digits the seller typed, without the
/// spacing, brackets and dashes people write numbers with.
public struct DialNumber: Hashable, Sendable {
    /// The number to dial: `+` and digits when the number is international (E.164),
    /// else the digits as written (a local number, an extension).
    public let digits: String
    /// Whether ``digits`` is an E.164 number (`+` and 8 to 15 digits).
    public let isE164: Bool

    /// Reads a number as people write it: "+44 20 5555 0014", "(020) 5555-0014",
    /// "0044 20 5555 0014". Nil when nothing dialable is left, or when the text holds
    /// anything but digits, spacing, `+` in front, brackets, dots, dashes, `*` and `#`
    /// (a number is data, and odd characters are refused rather than dialled).
    public init?(_ written: String) {
        var text = written.trimmingCharacters(in: .whitespaces)
        var international = false
        if text.hasPrefix("+") {
            international = true
            text.removeFirst()
        }
        var digits = ""
        for character in text {
            if let ascii = character.asciiValue, (48...57).contains(ascii) || character == "*" || character == "#" {
                digits.append(character)
            } else if " ()-./\u{00A0}".contains(character) {
                continue
            } else {
                return nil
            }
        }
        if !international, digits.hasPrefix("00"), digits.count > 2 {
            international = true
            digits.removeFirst(2)
        }
        guard !digits.isEmpty else { return nil }
        let plain = digits.allSatisfy { $0 != "*" && $0 != "#" }
        isE164 = international && plain && (8...15).contains(digits.count)
        self.digits = international && plain ? "+" + digits : digits
    }

    /// The number as a `tel:` URI (RFC 3966): global when it is E.164, else the digits as
    /// written, for the softphone's own dial plan.
    public var telURI: String {
        "tel:" + digits.replacingOccurrences(of: "#", with: "%23")
    }
}
