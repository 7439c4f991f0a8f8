import CallboardCore
import Foundation
import Testing

/// The contact rules and text cleaning take plain-ASCII shortcuts and compare cards by
/// keys worked out once. Every answer must be the one the general code gave: these tests
/// hold the earlier implementations and compare on every ASCII character, on drawn text
/// and on hostile text (controls, marks, overrides, wide and odd spaces).
@Suite struct ContactCheckKeyTests {
    // MARK: The earlier implementations, as they were

    enum Earlier {
        static func phoneKey(_ phone: String) -> String? {
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
            return digits >= 5 ? String(key) : nil
        }

        static func nameKey(_ name: String) -> String {
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

        static func companyKey(_ company: String) -> String? {
            var key = String.UnicodeScalarView()
            for scalar in company.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil, properties.generalCategory != .nonspacingMark {
                    key.append(scalar)
                }
            }
            return key.isEmpty ? nil : String(key)
        }

        static func nameAtCompanyKey(_ card: ContactCard) -> String? {
            let name = nameKey(card.name)
            guard name.contains(" "), let company = companyKey(card.company) else { return nil }
            return name + "\u{1}" + company
        }

        static func isSamePerson(_ a: ContactCard, _ b: ContactCard) -> Bool {
            let emailKey = ContactCheck.emailKey
            if let aEmail = emailKey(a.email), aEmail == emailKey(b.email) { return true }
            if let key = nameAtCompanyKey(a), key == nameAtCompanyKey(b), phoneKey(a.phone) == nil || phoneKey(b.phone) == nil {
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

        static func isPlausibleEmail(_ email: String) -> Bool {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty,
                !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
            else { return false }
            let domain = parts[1]
            return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
        }

        static func isPlausiblePhone(_ phone: String) -> Bool {
            let lowered = phone.lowercased()
            let main = lowered.components(separatedBy: "ext").first?.components(separatedBy: "x").first ?? lowered
            guard phoneKey(main) != nil else { return false }
            let allowed = CharacterSet(charactersIn: "0123456789 +-./()\u{00A0}")
            return main.unicodeScalars.allSatisfy { allowed.contains($0) || $0.properties.numericType == .decimal }
        }

        static func line(_ text: String) -> String {
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

        static func lines(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { line(String($0)) }
                .joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    // MARK: Inputs

    /// Pieces the drawn text is made of: plain ASCII above all (the shortcuts), and
    /// everything the general paths exist for.
    static let pieces: [String] = {
        var pieces: [String] = []
        pieces += ["a", "Z", "e", "x", "X", "t", "E", "T"]
        pieces += ["ext", "EXT", "x12", "0", "5", "9", " ", "  "]
        pieces += ["\t", "\n", "\r\n", "\r", "+", "-", ".", "/"]
        pieces += ["(", ")", "@", ",", ";", "\"", "'", "_"]
        pieces += ["~", "\u{7F}", "\u{0}", "\u{1B}[31m", "\u{9B}", "\u{00A0}", "\u{3000}", "\u{2028}"]
        pieces += ["\u{2029}", "\u{200B}", "\u{85}", "\u{0B}", "\u{0C}", "é", "e\u{301}", "x\u{301}"]
        pieces += ["\u{301}", "Ö", "ß", "İ", "ǅ", "東京", "٣", "４"]
        pieces += ["²", "Ⅻ", "½", "\u{202E}", "\u{2066}", "\u{200E}", "\u{061C}", "🙂"]
        pieces += ["👩‍👩‍👧", "ﬁ", "Å", "ﬀ", "\u{FEFF}", "Jansen", "Company 12 BV", "Anna"]
        pieces += ["de Vries", "anna.0@example0.com", "+31 20 0000000", "(020) 555-1234", "555.1234 x12", "ext. 44"]
        return pieces
    }()

    static func drawn(_ random: inout SeededRandom, asciiOnly: Bool) -> String {
        let ascii = pieces.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        let from = asciiOnly ? ascii : pieces
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in from.randomElement(using: &random) ?? "" }.joined()
    }

    static var everyASCII: [String] { (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) } }

    static func samples(seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        var texts = pieces + everyASCII
        for a in everyASCII {
            let digits: String = "1234" + a + "5678"
            let email: String = "a" + a + "@b.c"
            let doubled: String = a + " " + a
            texts += [digits, email, doubled, "x" + a]
        }
        for _ in 0..<3000 { texts.append(drawn(&random, asciiOnly: Bool.random(using: &random))) }
        return texts
    }

    // MARK: Tests

    @Test func everyASCIIScalarHasTheSameProperties() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            let text = String(Character(scalar))
            #expect(ContactCheck.phoneKey("1234" + text + "5") == Earlier.phoneKey("1234" + text + "5"), "\(value)")
            #expect(ContactCheck.nameKey("a" + text + "b") == Earlier.nameKey("a" + text + "b"), "\(value)")
            #expect(ContactCheck.companyKey(text) == Earlier.companyKey(text), "\(value)")
        }
    }

    @Test func keysAndChecksAnswerAsBefore() {
        let seed = TestSeed.pick("keysAndChecksAnswerAsBefore", default: 20_261_201)
        for text in Self.samples(seed: seed) {
            #expect(ContactCheck.phoneKey(text) == Earlier.phoneKey(text), "\(text.debugDescription)")
            #expect(ContactCheck.nameKey(text) == Earlier.nameKey(text), "\(text.debugDescription)")
            #expect(ContactCheck.companyKey(text) == Earlier.companyKey(text), "\(text.debugDescription)")
            #expect(ContactCheck.isPlausibleEmail(text) == Earlier.isPlausibleEmail(text), "\(text.debugDescription)")
            #expect(ContactCheck.isPlausiblePhone(text) == Earlier.isPlausiblePhone(text), "\(text.debugDescription)")
            #expect(StoredText.line(text) == Earlier.line(text), "\(text.debugDescription)")
            #expect(StoredText.lines(text) == Earlier.lines(text), "\(text.debugDescription)")
        }
    }

    @Test func sameTextsAsEmailsAndPhonesAnswerAsBefore() {
        var random = SeededRandom(seed: TestSeed.pick("sameTextsAsEmailsAndPhonesAnswerAsBefore", default: 7))
        for _ in 0..<3000 {
            let ascii = Bool.random(using: &random)
            let email = Self.drawn(&random, asciiOnly: ascii) + "@" + Self.drawn(&random, asciiOnly: ascii)
            let phone = ["", "+", "00"].randomElement(using: &random)! + Self.drawn(&random, asciiOnly: ascii)
                + String(Int.random(in: 0...9_999_999, using: &random)) + Self.drawn(&random, asciiOnly: ascii)
            #expect(ContactCheck.isPlausibleEmail(email) == Earlier.isPlausibleEmail(email), "\(email.debugDescription)")
            #expect(ContactCheck.isPlausiblePhone(phone) == Earlier.isPlausiblePhone(phone), "\(phone.debugDescription)")
            #expect(ContactCheck.phoneKey(phone) == Earlier.phoneKey(phone), "\(phone.debugDescription)")
        }
    }

    @Test func samePersonAndIndexAnswerAsBefore() {
        var random = SeededRandom(seed: TestSeed.pick("samePersonAndIndexAnswerAsBefore", default: 11))
        let names = ["Anna de Vries", "anna DE vries", "Anna", "Anna  Vries", "Zoë Ân", "Zoe\u{0308} An", "Jan", "", "Doe, Jane", "jane doe"]
        let companies = ["Smit B.V.", "smit bv", "", "Ötzi GmbH", "O\u{308}tzi gmbh", "Acme"]
        let phones = ["", "+31 20 555 1234", "020 555 1234", "0205551234", "12", "+31 (20) 555-1234 x9", "٠٢٠٥٥٥١٢٣٤"]
        let emails = ["", "anna@example.com", "ANNA@example.com ", "jan@example.com", "a@b"]
        func card(_ id: String) -> ContactCard {
            ContactCard(
                id: ProspectID(id), name: names.randomElement(using: &random)!, email: emails.randomElement(using: &random)!,
                phone: phones.randomElement(using: &random)!, company: companies.randomElement(using: &random)!)
        }
        var cards: [ContactCard] = []
        for number in 0..<400 { cards.append(card("p\(number)")) }
        for _ in 0..<4000 {
            let a = cards.randomElement(using: &random)!, b = cards.randomElement(using: &random)!
            #expect(ContactCheck.isSamePerson(a, b) == Earlier.isSamePerson(a, b), "\(a) \(b)")
            #expect(ContactCheck.nameAtCompanyKey(a) == Earlier.nameAtCompanyKey(a), "\(a)")
        }
        // The index finds the first filed who is the same person, as a scan by the earlier rule does.
        var index = ContactIndex()
        var filed: [ContactCard] = []
        for next in cards {
            // Everyone the rule matches shares a key with the card, so the index sees them all.
            let expected = filed.first { $0.id != next.id && Earlier.isSamePerson(next, $0) }
            #expect(index.match(next) == expected, "\(next)")
            index.insert(next)
            filed.append(next)
        }
    }
}
