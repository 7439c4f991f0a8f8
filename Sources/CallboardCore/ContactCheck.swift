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
            if isDecimalDigit(scalar) {
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
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNameKey(name) }
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in comparable(name).unicodeScalars {
            if isNonspacingMark(scalar) { continue }
            if isLetterOrNumber(scalar) {
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
        if company.utf8.allSatisfy({ $0 < 0x80 }) {
            let key = company.utf8.filter(isASCIILetterOrDigit).map(asciiLowercased)
            return key.isEmpty ? nil : String(decoding: key, as: UTF8.self)
        }
        var key = String.UnicodeScalarView()
        for scalar in comparable(company).unicodeScalars {
            if isLetterOrNumber(scalar), !isNonspacingMark(scalar) {
                key.append(scalar)
            }
        }
        return key.isEmpty ? nil : String(key)
    }

    /// The key a full name at an organisation is found by: nil unless the name has at
    /// least two words (a first name alone at a big company says little) and the
    /// organisation is known.
    public static func nameAtCompanyKey(_ card: ContactCard) -> String? {
        nameAtCompanyKey(name: nameKey(card.name), company: card.company)
    }

    private static func nameAtCompanyKey(name: String, company: String) -> String? {
        guard name.contains(" "), let company = companyKey(company) else { return nil }
        return name + "\u{1}" + company
    }

    /// Text as the name and company keys read it: decomposed (NFD) and lowercased. Plain
    /// ASCII, most names and companies, is its own decomposition and needs only its
    /// letters lowercased, without Foundation's round trip through NSString on Linux.
    private static func comparable(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.decomposedStringWithCanonicalMapping.lowercased() }
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    // The Unicode properties the keys ask for, answered for ASCII without the property
    // tables (the same answers: `ContactCheckKeyTests` checks every ASCII scalar).

    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark
    }

    /// A card's keys, worked out once, for an index that compares one card with many.
    public struct Keys: Hashable, Sendable {
        public var email: String?
        public var phone: String?
        public var name: String
        public var nameAtCompany: String?

        public init(_ card: ContactCard) {
            email = emailKey(card.email)
            phone = phoneKey(card.phone)
            name = nameKey(card.name)
            nameAtCompany = nameAtCompanyKey(name: name, company: card.company)
        }
    }

    /// Whether two sets of contact details belong to the same person: the same email; or
    /// the same phone number under the same name, even when the emails differ (people
    /// change address; the newer one is the one to use). Where one of them has no email,
    /// a shortened name will do ("Anna" and "Anna de Vries"). Colleagues behind one
    /// switchboard share a number under different names, and stay two people. The same
    /// full name at the same organisation is the same person too when one of them has no
    /// phone to tell them apart: a referral given with a new email only is the one on file.
    public static func isSamePerson(_ a: ContactCard, _ b: ContactCard) -> Bool {
        isSamePerson(Keys(a), Keys(b))
    }

    /// ``isSamePerson(_:_:)-(ContactCard,ContactCard)`` on keys already worked out.
    public static func isSamePerson(_ a: Keys, _ b: Keys) -> Bool {
        if let aEmail = a.email, aEmail == b.email { return true }
        if let key = a.nameAtCompany, key == b.nameAtCompany, a.phone == nil || b.phone == nil {
            return true
        }
        guard let aPhone = a.phone, aPhone == b.phone else { return false }
        let aName = a.name, bName = b.name
        guard !aName.isEmpty, !bName.isEmpty else { return false }
        if aName == bName { return true }
        guard a.email == nil || b.email == nil else { return false }
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
        if email.utf8.allSatisfy({ $0 < 0x80 }) { return isPlausibleASCIIEmail(Array(email.utf8)) }
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
        if phone.utf8.allSatisfy({ $0 < 0x80 }) { return isPlausibleASCIIPhone(Array(phone.utf8)) }
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

    // MARK: Plain ASCII

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        let letter = byte | 0x20
        return (letter >= 0x61 && letter <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// ``nameKey(_:)`` of ASCII text: its words of letters and digits, lowercased, sorted
    /// byte by byte (which is how `String` sorts ASCII).
    private static func asciiNameKey(_ name: String) -> String {
        let bytes = name.utf8.map(asciiLowercased)
        var words: [ArraySlice<UInt8>] = []
        var start: Int?
        for at in bytes.indices {
            if isASCIILetterOrDigit(bytes[at]) {
                if start == nil { start = at }
            } else if let from = start {
                words.append(bytes[from..<at])
                start = nil
            }
        }
        if let from = start { words.append(bytes[from...]) }
        words.sort { $0.lexicographicallyPrecedes($1) }
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        for word in words {
            if !key.isEmpty { key.append(0x20) }
            key += word
        }
        return String(decoding: key, as: UTF8.self)
    }

    // The same answers as the general paths for text that is all ASCII, where a character
    // is a byte and no search needs Foundation (`ContactCheckKeyTests` compares both).

    /// ``isPlausibleEmail(_:)`` of ASCII bytes.
    private static func isPlausibleASCIIEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.firstIndex(of: 0x40), at > 0, bytes[(at + 1)...].firstIndex(of: 0x40) == nil,
            !bytes.contains(where: { $0 <= 0x20 })
        else { return false }
        let domain = bytes[(at + 1)...]
        return domain.contains(0x2E) && domain.first != 0x2E && domain.last != 0x2E
    }

    /// ``isPlausiblePhone(_:)`` of ASCII bytes: the number ends at the first "x" or "ext".
    private static func isPlausibleASCIIPhone(_ bytes: [UInt8]) -> Bool {
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var end = lowered.endIndex
        for at in lowered.indices {
            if lowered[at] == 0x78 { end = at; break }
            if lowered[at] == 0x65, at + 2 < lowered.endIndex, lowered[at + 1] == 0x78, lowered[at + 2] == 0x74 { end = at; break }
        }
        let main = lowered[..<end]
        guard main.count(where: { $0 >= 0x30 && $0 <= 0x39 }) >= 5 else { return false }
        return main.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x2F || $0 == 0x28 || $0 == 0x29 }
    }
}
