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
        let key = email.trimmed().lowercased()
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

    /// A name as compared: its words without case, accents or punctuation, in sorted
    /// order, so "Doe, Jane", "jane doe" and "Jane  Doé" read the same.
    public static func nameKey(_ name: String) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in name.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words.sorted().joined(separator: " ")
    }

    /// An organisation's name as compared: its letters and digits without case, accents,
    /// spaces or punctuation, so "Smit B.V." and "smit bv" read the same; nil when empty.
    public static func companyKey(_ company: String) -> String? {
        var key = String.UnicodeScalarView()
        for scalar in company.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil, properties.generalCategory != .nonspacingMark {
                key.append(scalar)
            }
        }
        return key.isEmpty ? nil : String(key)
    }

    /// The key a full name at an organisation is found by: nil unless the name has at
    /// least two words (a first name alone at a big company says little) and the
    /// organisation is known.
    public static func nameAtCompanyKey(_ card: ContactCard) -> String? {
        let name = nameKey(card.name)
        guard name.contains(" "), let company = companyKey(card.company) else { return nil }
        return name + "\u{1}" + company
    }

    /// Whether two sets of contact details belong to the same person: the same email; or
    /// the same phone number under the same name, even when the emails differ (people
    /// change address; the newer one is the one to use). Where one of them has no email,
    /// a shortened name will do ("Anna" and "Anna de Vries"). Colleagues behind one
    /// switchboard share a number under different names, and stay two people. The same
    /// full name at the same organisation is the same person too when one of them has no
    /// phone to tell them apart: a referral given with a new email only is the one on file.
    public static func isSamePerson(_ a: ContactCard, _ b: ContactCard) -> Bool {
        if let aEmail = emailKey(a.email), aEmail == emailKey(b.email) { return true }
        if let key = nameAtCompanyKey(a), key == nameAtCompanyKey(b),
            phoneKey(a.phone) == nil || phoneKey(b.phone) == nil
        {
            return true
        }
        guard let aPhone = phoneKey(a.phone), aPhone == phoneKey(b.phone) else { return false }
        let aName = nameKey(a.name), bName = nameKey(b.name)
        guard !aName.isEmpty, !bName.isEmpty else { return false }
        if aName == bName { return true }
        guard emailKey(a.email) == nil || emailKey(b.email) == nil else { return false }
        let aWords = Set(aName.split(separator: " ")), bWords = Set(bName.split(separator: " "))
        return aWords.isSubset(of: bWords) || bWords.isSubset(of: aWords)
    }

    /// The first prospect who is the same person as `card`, if any (never `card` itself).
    public static func existing(_ card: ContactCard, among prospects: [Prospect]) -> Prospect? {
        prospects.first { $0.id != card.id && isSamePerson(card, $0.card) }
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

    /// Whether a message can be addressed to `email`: plausible, and plain ASCII with none
    /// of the characters that would break the header line it goes into. The one rule for
    /// "can this address receive email", for the dialog's `S` and for the sender alike.
    public static func canReceiveEmail(_ email: String) -> Bool {
        isPlausibleEmail(email)
            && email.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
            && !email.contains(where: { "<>()[],;:\\\"".contains($0) })
    }

    /// Why a follow-up from `sender` to `recipient` cannot be sent, or nil when it can:
    /// "the prospect has no email address", for the sender to finish its own sentence.
    public static func sendProblem(to recipient: String, from sender: String) -> String? {
        if !canReceiveEmail(recipient) {
            let shown = String(
                String.UnicodeScalarView(
                    recipient.unicodeScalars.filter { $0.value >= 0x20 && !ControlCharacters.isDropped($0) }))
            return recipient.isEmpty
                ? "the prospect has no email address" : "\"\(shown)\" is not a usable email address"
        }
        if !canReceiveEmail(sender) {
            return "your own email address is not set; add \"sellerEmail\" to the configuration file"
        }
        return nil
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
        let phone = phone.trimmed()
        let email = email.trimmed()
        if name.trimmed(newlines: true).isEmpty {
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
