import Foundation

/// The rules for a prospect's contact details, shared by the import, `callboard add` and
/// the dashboard's add field, so every door into the store checks the same things.
public enum ContactCheck {
    /// A field a problem is about.
    public enum Field: String, Hashable, Sendable {
        case name, phone, email
    }

    /// Why contact details cannot be taken as they are.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var field: Field
        public var description: String
    }

    // MARK: Keys for recognising the same person

    /// The email as compared: lowercased; nil when empty.
    public static func emailKey(_ email: String) -> String? {
        let key = email.trimmingCharacters(in: .whitespaces).lowercased()
        return key.isEmpty ? nil : key
    }

    /// The phone number as compared: its digits and a leading `+`, once spaces, dashes,
    /// dots and parentheses are gone; nil when it has too few digits to be a number.
    public static func phoneKey(_ phone: String) -> String? {
        var key = String.UnicodeScalarView()
        var digits = 0
        for scalar in phone.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                key.append(scalar)
                digits += 1
            } else if scalar == "+", key.isEmpty {
                key.append(scalar)
            }
        }
        // A handful of digits is an extension or junk, not a number to match on.
        return digits >= 5 ? String(key) : nil
    }

    /// Whether two sets of contact details belong to the same person: the same email, or
    /// the same phone when their emails do not say otherwise. Colleagues often share a
    /// switchboard number; two different addresses mean two people.
    public static func isSamePerson(email a: String, phone aPhone: String, asEmail b: String, phone bPhone: String) -> Bool {
        let aEmail = emailKey(a), bEmail = emailKey(b)
        if let aEmail, let bEmail { return aEmail == bEmail }
        guard let aKey = phoneKey(aPhone), let bKey = phoneKey(bPhone) else { return false }
        return aKey == bKey
    }

    /// The first prospect who is the same person as these details, if any.
    public static func existing(email: String, phone: String, among prospects: [Prospect]) -> Prospect? {
        prospects.first { isSamePerson(email: email, phone: phone, asEmail: $0.email, phone: $0.phone) }
    }

    /// The same check over contact cards, as read from a whole store.
    public static func existing(email: String, phone: String, among cards: [ContactCard]) -> ContactCard? {
        cards.first { isSamePerson(email: email, phone: phone, asEmail: $0.email, phone: $0.phone) }
    }

    // MARK: Plausibility

    /// A plausible address: one "@", something before it, a dot inside the domain, no spaces.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
            !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// A plausible phone number: at least five digits, and otherwise only what people put
    /// in numbers — spaces, `+`, `-`, `.`, `/`, parentheses, and an extension after `x` or
    /// `ext`.
    public static func isPlausiblePhone(_ phone: String) -> Bool {
        let lowered = phone.lowercased()
        let main = lowered.components(separatedBy: "ext").first?.components(separatedBy: "x").first ?? lowered
        guard phoneKey(main) != nil else { return false }
        let allowed = CharacterSet(charactersIn: "0123456789 +-./()\u{00A0}")
        return main.unicodeScalars.allSatisfy { allowed.contains($0) || $0.properties.numericType == .decimal }
    }

    /// Everything wrong with a new contact, empty when it can be saved: a name, and a
    /// phone or an email to reach them by, each plausible when given.
    public static func problems(name: String, phone: String, email: String) -> [Problem] {
        var found: [Problem] = []
        let phone = phone.trimmingCharacters(in: .whitespaces)
        let email = email.trimmingCharacters(in: .whitespaces)
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            found.append(Problem(field: .name, description: "a name is needed"))
        }
        if phone.isEmpty && email.isEmpty {
            found.append(Problem(field: .phone, description: "a phone number or an email address is needed to reach them"))
        }
        if !phone.isEmpty && !isPlausiblePhone(phone) {
            found.append(Problem(field: .phone, description: "“\(phone)” is not a phone number (it needs at least five digits)"))
        }
        if !email.isEmpty && !isPlausibleEmail(email) {
            found.append(Problem(field: .email, description: "“\(email)” is not an email address (expected name@example.com)"))
        }
        return found
    }
}
