import Foundation

/// A prospect field a CSV column can fill.
public enum ImportField: String, CaseIterable, Sendable {
    case name, firstName, lastName, company, title, phone, mobilePhone, email, timeZone,
        notes, doNotCall, status, source, priority, greeting
    /// A column that is known and deliberately not imported (CRM record ids, lead status).
    case ignore

    /// The names `--map COLUMN=FIELD` accepts, as a user would type them.
    public static var mappableNames: [String] { allCases.map(\.rawValue) }

    /// The field named on the command line, matched like headers are.
    public init?(userName: String) {
        let key = ColumnMapping.normalised(userName)
        guard let field = Self.allCases.first(where: { ColumnMapping.normalised($0.rawValue) == key })
        else { return nil }
        self = field
    }

    /// Words for error messages.
    public var label: String {
        switch self {
        case .name: "name"
        case .firstName: "first name"
        case .lastName: "last name"
        case .company: "company"
        case .title: "title"
        case .phone: "phone"
        case .mobilePhone: "mobile phone"
        case .email: "email"
        case .timeZone: "time zone"
        case .notes: "notes"
        case .doNotCall: "do not call"
        case .status: "status"
        case .source: "lead source"
        case .priority: "priority"
        case .greeting: "greeting"
        case .ignore: "ignored"
        }
    }
}

/// Which column fills which field. Headers are matched case-, space- and
/// punctuation-insensitively against the names HubSpot, Salesforce, LinkedIn Sales
/// Navigator and plain spreadsheets use; `--map` overrides win.
public struct ColumnMapping: Sendable {
    /// Column index to field, for the columns that map.
    public private(set) var fields: [Int: ImportField]
    /// Headers that matched nothing, in file order.
    public private(set) var unmapped: [String]

    static let aliases: [String: ImportField] = {
        let table: [(ImportField, [String])] = [
            (.name, ["name", "full name", "contact name", "contact"]),
            (.firstName, ["first name", "firstname", "given name"]),
            (.lastName, ["last name", "lastname", "surname", "family name"]),
            (.company, ["company", "company name", "account", "account name", "organization",
                        "organisation"]),
            (.title, ["title", "job title", "jobtitle", "position", "role"]),
            (.phone, ["phone", "phone number", "telephone", "work phone", "business phone"]),
            (.mobilePhone, ["mobile phone", "mobilephone", "mobile phone number", "mobile", "cell"]),
            (.email, ["email", "e-mail", "email address", "primary email", "work email"]),
            (.timeZone, ["time zone", "timezone", "tz", "hs timezone"]),
            (.notes, ["notes", "note", "description", "comments"]),
            (.doNotCall, ["do not call", "donotcall", "dnc"]),
            // callboard's own export; a CRM's "Lead Status" is its own thing and ignored.
            (.status, ["status"]),
            (.source, ["lead source", "leadsource", "source", "original source"]),
            (.priority, ["priority"]),
            (.greeting, ["greeting", "greeting name", "preferred name", "nickname"]),
            (.ignore, ["record id", "id", "lead status", "hs object id", "owner",
                       "contact owner", "create date", "profile url", "linkedin url"]),
        ]
        var map: [String: ImportField] = [:]
        for (field, names) in table {
            for name in names { map[normalised(name)] = field }
        }
        return map
    }()

    /// "Phone Number" and "phone_number" and "PhoneNumber" are the same header.
    public static func normalised(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// - Parameter overrides: normalised header to field, from `--map`.
    public init(headers: [String], overrides: [String: ImportField] = [:]) {
        var fields: [Int: ImportField] = [:]
        var unmapped: [String] = []
        var taken: Set<ImportField> = []
        for (index, header) in headers.enumerated() {
            let key = Self.normalised(header)
            guard let field = overrides[key] ?? Self.aliases[key] else {
                if !key.isEmpty { unmapped.append(header) }
                continue
            }
            // The first column for a field wins, so "Phone" beats a later "Work Phone".
            if field != .ignore, taken.contains(field) { continue }
            taken.insert(field)
            fields[index] = field
        }
        self.fields = fields
        self.unmapped = unmapped
    }

    public func has(_ field: ImportField) -> Bool { fields.values.contains(field) }

    /// Parses `COLUMN=FIELD` pairs from the command line.
    public static func overrides(from pairs: [String]) throws(ImportFailure) -> [String: ImportField] {
        var result: [String: ImportField] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw .badMapping("\"\(pair)\" is not COLUMN=FIELD")
            }
            let column = String(pair[..<eq])
            let fieldName = String(pair[pair.index(after: eq)...])
            guard let field = ImportField(userName: fieldName) else {
                throw .badMapping(
                    "\"\(fieldName)\" is not a field; use one of "
                        + ImportField.mappableNames.joined(separator: ", "))
            }
            result[normalised(column)] = field
        }
        return result
    }
}
