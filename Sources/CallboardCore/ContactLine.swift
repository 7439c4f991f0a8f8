import Foundation

/// Someone typed on one line: "Name, company, phone or email", the parts after the name
/// in any order. The one reader for the dashboard's add field and the referrals typed at
/// the end of a call, checked by the same rules as `callboard add` and the import, so a
/// typo is refused rather than saved as a company name.
public struct ContactLine: Hashable, Sendable {
    public var name: String
    public var company: String
    public var phone: String
    public var email: String

    public init(name: String, company: String = "", phone: String = "", email: String = "") {
        self.name = name
        self.company = company
        self.phone = phone
        self.email = email
    }

    /// The fields of `line`, or why it cannot be taken. A part with an @ is the email, one
    /// made of digits the phone, the first other part the company, and a legal form after
    /// it ("Inc.", "GmbH") part of the company; any other part is refused, since it is most
    /// likely a phone or an email gone wrong. A part in double quotes may hold commas:
    /// `Bob, "Acme, Inc.", bob@acme.example`.
    ///
    /// A referral is held to the same rules as a prospect added by hand: a name, and a
    /// phone or an email to reach them, since a referral becomes a lead to call.
    public static func read(_ line: String) -> Result<ContactLine, Refusal> {
        let parts = Self.parts(of: line)
        var read = ContactLine(name: parts.first ?? "")
        var reasons: [String] = []
        for part in parts.dropFirst() {
            if part.contains("@") {
                if read.email.isEmpty { read.email = part } else { reasons.append("two email addresses: “\(read.email)” and “\(part)”") }
            } else if Self.looksLikePhone(part) {
                if read.phone.isEmpty { read.phone = part } else { reasons.append("two phone numbers: “\(read.phone)” and “\(part)”") }
            } else if read.company.isEmpty {
                read.company = part
            } else if Self.isLegalForm(part) {
                read.company += ", " + part
            } else {
                reasons.append("“\(part)” is not a phone number or an email address (the company is “\(read.company)”)")
            }
        }
        reasons += ContactCheck.problems(name: read.name, phone: read.phone, email: read.email).map(\.description)
        return reasons.isEmpty ? .success(read) : .failure(Refusal(reasons: reasons))
    }

    /// The line as the seller would type it, which ``read(_:)`` reads back as it is: a part
    /// holding a comma goes in quotes.
    public var typed: String {
        [name, company, phone, email].filter { !$0.isEmpty }
            .map { $0.contains(",") ? "\"\($0)\"" : $0 }
            .joined(separator: ", ")
    }

    /// The referral this line names.
    public var referral: Referral { Referral(name: name, company: company, phone: phone, email: email) }

    /// The comma-separated parts, trimmed, empty ones dropped; double quotes group.
    static func parts(of line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            switch character {
            case "\"", "“", "”": quoted.toggle()
            case "," where !quoted:
                parts.append(current)
                current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Mostly digits, or only the characters phone numbers are written with.
    static func looksLikePhone(_ part: String) -> Bool {
        let digits = part.filter(\.isNumber).count
        guard digits > 0 else { return false }
        return digits * 2 >= part.count || part.allSatisfy { $0.isNumber || " +-./()".contains($0) }
    }

    /// The legal forms that follow a company's name after a comma.
    static let legalForms: Set<String> = [
        "inc", "ltd", "llc", "llp", "plc", "corp", "co", "gmbh", "ag", "bv", "nv", "sa", "sas", "sarl", "sl",
        "srl", "spa", "ab", "oy", "as", "aps", "kg", "pty", "pty ltd", "limited", "incorporated",
    ]

    static func isLegalForm(_ part: String) -> Bool {
        let key = part.lowercased().filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
        return legalForms.contains(key)
    }

    /// Why a typed line was not added, in the seller's words.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var reasons: [String]

        public init(reasons: [String]) { self.reasons = reasons }

        public var description: String { "Not added: " + reasons.joined(separator: "; ") + "." }
    }
}
