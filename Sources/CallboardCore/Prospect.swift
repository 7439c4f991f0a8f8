import Foundation

/// Someone the seller phones, and what is known of their world.
public struct Prospect: Identifiable, Hashable, Codable, Sendable {
    public enum Source: String, Hashable, Codable, Sendable, CaseIterable {
        case list, referral, inbound, event, web, other
    }

    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        case active, won, lost, doNotCall
        /// Every attempt of the retry rule went unanswered.
        case unreachable

        /// Closed prospects never show in the queue.
        public var isCallable: Bool { self == .active }

        /// "on the do-not-call list", for a sentence about the prospect.
        public var phrase: String {
            switch self {
            case .active: "active"
            case .won: "a won customer"
            case .lost: "closed as lost"
            case .doNotCall: "on the do-not-call list"
            case .unreachable: "closed as unreachable"
            }
        }
    }

    /// What the seller has learned of the prospect's organization, challenges and
    /// requirements. The first call's purpose is to find the requirements.
    public struct World: Hashable, Codable, Sendable {
        public var organization: String
        public var challenges: String
        public var requirements: String

        public init(organization: String = "", challenges: String = "", requirements: String = "") {
            self.organization = organization
            self.challenges = challenges
            self.requirements = requirements
        }

        public var isEmpty: Bool {
            organization.isEmpty && challenges.isEmpty && requirements.isEmpty
        }

        enum CodingKeys: String, CodingKey { case organization, challenges, requirements }
    }

    public var id: ProspectID
    public var name: String
    public var company: String
    public var title: String
    public var phone: String
    public var email: String
    /// IANA identifier such as "Europe/Amsterdam"; nil when unknown.
    public var timeZone: String?
    /// The calling code the zone was inferred from ("+44"), when nobody gave it.
    public var timeZoneInferredFrom: String?
    /// The name to greet them by, when the seller set one; else ``greeting`` reads it
    /// from the name.
    public var greetingName: String?
    public var source: Source
    public var referredBy: ProspectID?
    /// 1 is the most important; 3 is the default.
    public var priority: Int
    public var status: Status
    /// The first day the prospect should be called again; nil means "as soon as possible".
    public var nextCallDay: CalendarDay?
    /// A callback agreed for an exact time.
    public var callbackAt: Date?
    /// A meeting agreed on a call; the calendar export lists it.
    public var meetingAt: Date?
    public var attempts: Int
    public var world: World
    /// Free notes that belong to no part of the world, e.g. from an import.
    public var notes: String
    /// When the seller first had this prospect; the queue prefers the longest waiting.
    public var createdAt: Date
    /// The newest call's outcome, time and notes, kept here so the queue and the brief
    /// never have to read call history.
    public var lastOutcome: Outcome?
    public var lastCalledAt: Date?
    public var lastCallNotes: String
    /// Dials to them and pick-ups, by their local hour and weekday: where their best time
    /// to call comes from (``BestTime``); nil before the first call counted.
    public var reach: ReachCounts?

    public init(
        id: ProspectID,
        name: String,
        company: String = "",
        title: String = "",
        phone: String = "",
        email: String = "",
        timeZone: String? = nil,
        timeZoneInferredFrom: String? = nil,
        greetingName: String? = nil,
        source: Source = .list,
        referredBy: ProspectID? = nil,
        priority: Int = 3,
        status: Status = .active,
        nextCallDay: CalendarDay? = nil,
        callbackAt: Date? = nil,
        meetingAt: Date? = nil,
        attempts: Int = 0,
        world: World = World(),
        notes: String = "",
        createdAt: Date,
        lastOutcome: Outcome? = nil,
        lastCalledAt: Date? = nil,
        lastCallNotes: String = "",
        reach: ReachCounts? = nil
    ) {
        self.id = id
        self.name = name
        self.company = company
        self.title = title
        self.phone = phone
        self.email = email
        self.timeZone = timeZone
        self.timeZoneInferredFrom = timeZoneInferredFrom
        self.greetingName = greetingName
        self.source = source
        self.referredBy = referredBy
        self.priority = priority
        self.status = status
        self.nextCallDay = nextCallDay
        self.callbackAt = callbackAt
        self.meetingAt = meetingAt
        self.attempts = attempts
        self.world = world
        self.notes = notes
        self.createdAt = createdAt
        self.lastOutcome = lastOutcome
        self.lastCalledAt = lastCalledAt
        self.lastCallNotes = lastCallNotes
        self.reach = reach
    }

    /// The prospect's zone when it is a real IANA zone.
    public var zone: TimeZone? { timeZone.flatMap(TimeZone.init(identifier:)) }

    /// The name to greet them by: the one the seller set, else read from ``name``
    /// (see ``greeting(from:)``).
    public var greeting: String {
        let set = greetingName?.trimmingCharacters(in: .whitespaces) ?? ""
        return set.isEmpty ? Self.greeting(from: name) : set
    }

    /// The name a greeting uses, from a full name as CRMs write it: a quoted nickname
    /// (`Jane "JD" Doe` → JD), the given name of "Last, First" (`Doe, Jane` → Jane, while
    /// `Jane Doe, PhD` → Jane), a title skipped (`Dr. Anna Berg` → Anna), else the first word.
    public static func greeting(from fullName: String) -> String {
        let name = fullName.trimmingCharacters(in: .whitespaces)
        let quotes: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("'", "'")]
        for (open, close) in quotes {
            guard let start = name.firstIndex(of: open) else { continue }
            let rest = name[name.index(after: start)...]
            if let end = rest.firstIndex(of: close) {
                let nickname = rest[..<end].trimmingCharacters(in: .whitespaces)
                // An apostrophe inside a name (O'Neill) is not a quote.
                if !nickname.isEmpty, open != "'" || start == name.startIndex || name[name.index(before: start)] == " " {
                    return nickname
                }
            }
        }
        var plain = name
        for (open, close) in quotes.prefix(2) {
            while let start = plain.firstIndex(of: open),
                let end = plain[plain.index(after: start)...].firstIndex(of: close)
            {
                plain.removeSubrange(start...end)
            }
        }
        func words(_ text: Substring) -> [Substring] {
            text.split(whereSeparator: { $0 == " " || $0 == "," })
                .filter { !honorifics.contains($0.lowercased().replacingOccurrences(of: ".", with: "")) }
        }
        let parts = plain.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let after = words(Substring(parts[1])).first,
            !suffixes.contains(after.lowercased().replacingOccurrences(of: ".", with: ""))
        {
            return String(after)
        }
        return words(Substring(parts.first ?? plain)).first.map(String.init) ?? name
    }

    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau", "mme", "m"]
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa", "dds", "msc", "bsc"]

    /// Older files may lack fields added later; every field but id, name and createdAt
    /// has a default so such files still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Small values are read as text and converted here: every distinct type through
        // the generic decoder costs a first-use lookup at start-up, and this is the one
        // record the first frame reads hundreds of.
        func text(_ key: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: key) }
        func value<T: RawRepresentable>(_ key: CodingKeys, as type: T.Type) throws -> T? where T.RawValue == String {
            guard let raw = try text(key) else { return nil }
            guard let value = T(rawValue: raw) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "\"\(raw)\" is not \(Self.label(of: type))")
            }
            return value
        }
        id = ProspectID(try c.decode(String.self, forKey: .id))
        name = try c.decode(String.self, forKey: .name)
        company = try text(.company) ?? ""
        title = try text(.title) ?? ""
        phone = try text(.phone) ?? ""
        email = try text(.email) ?? ""
        timeZone = try text(.timeZone)
        timeZoneInferredFrom = try text(.timeZoneInferredFrom)
        greetingName = try text(.greetingName)
        source = try value(.source, as: Source.self) ?? .list
        referredBy = try text(.referredBy).map { ProspectID($0) }
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 3
        status = try value(.status, as: Status.self) ?? .active
        if let day = try text(.nextCallDay) {
            guard let parsed = CalendarDay(day) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .nextCallDay, in: c, debugDescription: "expected a date as YYYY-MM-DD, found \"\(day)\"")
            }
            nextCallDay = parsed
        } else {
            nextCallDay = nil
        }
        callbackAt = try c.decodeIfPresent(Date.self, forKey: .callbackAt)
        meetingAt = try c.decodeIfPresent(Date.self, forKey: .meetingAt)
        attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        if c.contains(.world), try !c.decodeNil(forKey: .world) {
            let w = try c.nestedContainer(keyedBy: World.CodingKeys.self, forKey: .world)
            world = World(
                organization: try w.decodeIfPresent(String.self, forKey: .organization) ?? "",
                challenges: try w.decodeIfPresent(String.self, forKey: .challenges) ?? "",
                requirements: try w.decodeIfPresent(String.self, forKey: .requirements) ?? "")
        } else {
            world = World()
        }
        notes = try text(.notes) ?? ""
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        lastOutcome = try value(.lastOutcome, as: Outcome.self)
        lastCalledAt = try c.decodeIfPresent(Date.self, forKey: .lastCalledAt)
        lastCallNotes = try text(.lastCallNotes) ?? ""
        reach = try c.decodeIfPresent(ReachCounts.self, forKey: .reach)
    }

    /// "a status (active, won, lost, doNotCall, unreachable)" for a refused value.
    private static func label<T>(of type: T.Type) -> String {
        switch type {
        case is Status.Type: "a status (\(Status.allCases.map(\.rawValue).joined(separator: ", ")))"
        case is Source.Type: "a source (\(Source.allCases.map(\.rawValue).joined(separator: ", ")))"
        case is Outcome.Type: "an outcome (\(Outcome.builtIns.map(\.rawValue).joined(separator: ", ")))"
        default: "a known value"
        }
    }
}
