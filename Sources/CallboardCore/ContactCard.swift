import Foundation

/// Who a prospect is and how to reach them, without the rest of their record: what the
/// checks for the same person and for a referrer's name need, read from every prospect
/// at a fraction of the cost of reading them whole.
public struct ContactCard: Hashable, Sendable, Codable {
    public var id: ProspectID
    public var name: String
    public var email: String
    public var phone: String
    /// The organisation they work for: the same name at the same one is the same person.
    public var company: String

    public init(id: ProspectID, name: String, email: String = "", phone: String = "", company: String = "") {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.company = company
    }

    private enum CodingKeys: String, CodingKey { case id, name, email, phone, company }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        if !email.isEmpty { try c.encode(email, forKey: .email) }
        if !phone.isEmpty { try c.encode(phone, forKey: .phone) }
        if !company.isEmpty { try c.encode(company, forKey: .company) }
    }

    /// Read from a stored prospect; email and phone may be absent, as `Prospect` allows.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ProspectID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        company = try c.decodeIfPresent(String.self, forKey: .company) ?? ""
    }
}

extension Prospect {
    public var card: ContactCard { ContactCard(id: id, name: name, email: email, phone: phone, company: company) }
}

extension Referral {
    /// The referral as the same-person check sees them; no id yet.
    public var card: ContactCard { ContactCard(id: "", name: name, email: email, phone: phone, company: company) }
}
