import Foundation

/// Text on its way into the store: from someone else's file, the command line, a key
/// field or `$EDITOR`. What the person typed is kept, but control characters never make it
/// into the store: an escape sequence in a CRM cell or an edited note must not survive to
/// reach a terminal, a calendar or an email. The rule is ``ControlCharacters``, the same
/// as the screen's. Line and paragraph separators (U+2028, U+2029) are whitespace here.
public enum StoredText {
    /// One line of text: control characters removed, tabs and line breaks become spaces,
    /// runs of spaces collapse, ends trimmed.
    public static func line(_ text: String) -> String {
        // Most cells are plain printable ASCII with single spaces; they need no work.
        if isPlainLine(text) { return text }
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

    /// Printable ASCII, no space at either end nor two in a row: a line as it is.
    private static func isPlainLine(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F, byte != 0x20 || previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// Several lines (notes): line breaks kept as "\n", every other control removed.
    public static func lines(_ text: String) -> String {
        // Printable ASCII has no line break to keep: one line, cleaned as a line.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return line(text) }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Call {
    /// The call with every text cleaned as it enters the store: notes, referrals and the
    /// follow-up keep their line breaks, names lose theirs.
    public func cleaned() -> Call {
        var call = self
        call.prospectName = prospectName.map(StoredText.line)
        call.prospectCompany = prospectCompany.map(StoredText.line)
        call.notes = notes.map { note in
            var note = note
            note.text = StoredText.lines(note.text)
            return note
        }
        call.referrals = referrals.map { referral in
            var referral = referral
            referral.name = StoredText.line(referral.name)
            referral.company = StoredText.line(referral.company)
            referral.phone = StoredText.line(referral.phone)
            referral.email = StoredText.line(referral.email)
            return referral
        }
        if var followUp {
            followUp.subject = StoredText.line(followUp.subject)
            followUp.body = StoredText.body(followUp.body)
            call.followUp = followUp
        }
        return call
    }
}

extension StoredText {
    /// An email body: like ``lines(_:)``, but blank lines and each line's indentation stay.
    public static func body(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ !ControlCharacters.isDropped($0) && $0 != "\r" && !isSeparator($0) }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            if scalar == "\t" || scalar == "\n" {
                out.append(scalar)
            } else if scalar == "\r" || isSeparator(scalar) {
                out.append("\n")
            } else if !ControlCharacters.isDropped(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar.value == 0x2028 || scalar.value == 0x2029 }
}
