import CallboardCore
import Foundation

/// A prospect typed on one line in the add field: "Name, company, phone or email", the
/// parts after the name in any order. Checked by the same rules as `callboard add` and
/// the import, so a typo is refused here rather than saved as a company name.
public struct ProspectLine: Hashable, Sendable {
    public var name: String
    public var company: String
    public var phone: String
    public var email: String

    /// The fields of `line`, or why it cannot become a prospect. A part with an @ is the
    /// email, one made of digits the phone, the first other part the company; a second
    /// other part is refused, since it is most likely a phone or an email gone wrong.
    public static func read(_ line: String) -> Result<ProspectLine, Refusal> {
        let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var read = ProspectLine(name: parts.first ?? "", company: "", phone: "", email: "")
        var reasons: [String] = []
        for part in parts.dropFirst() {
            if part.contains("@") {
                if read.email.isEmpty { read.email = part } else { reasons.append("two email addresses: “\(read.email)” and “\(part)”") }
            } else if Self.looksLikePhone(part) {
                if read.phone.isEmpty { read.phone = part } else { reasons.append("two phone numbers: “\(read.phone)” and “\(part)”") }
            } else if read.company.isEmpty {
                read.company = part
            } else {
                reasons.append("“\(part)” is not a phone number or an email address (the company is “\(read.company)”)")
            }
        }
        reasons += ContactCheck.problems(name: read.name, phone: read.phone, email: read.email).map(\.description)
        return reasons.isEmpty ? .success(read) : .failure(Refusal(reasons: reasons))
    }

    /// Mostly digits, or only the characters phone numbers are written with.
    static func looksLikePhone(_ part: String) -> Bool {
        let digits = part.filter(\.isNumber).count
        guard digits > 0 else { return false }
        return digits * 2 >= part.count || part.allSatisfy { $0.isNumber || " +-./()".contains($0) }
    }

    /// Why a typed line was not added, in the seller's words.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var reasons: [String]

        public var description: String { "Not added: " + reasons.joined(separator: "; ") + "." }
    }
}

/// A prospect sent to the store from the add field, with the line it was typed as, so a
/// refusal from the store can put the text back.
public struct TypedProspect: Hashable, Sendable {
    public var id: ProspectID
    public var line: String

    public init(id: ProspectID, line: String) {
        self.id = id
        self.line = line
    }
}
