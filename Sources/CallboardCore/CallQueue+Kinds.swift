import Foundation

/// The queue of a large working set, ordered without holding it: prospects sorted once by
/// their ``CallQueue/Standing`` and labelled with their ``CallQueue/Kind``; at a given
/// instant the order is that of ``CallQueue/entries(prospects:today:now:zone:hours:referrerNames:outcomes:zoneReach:)``
/// over the same prospects, worked out from one prospect of each kind.
extension CallQueue {
    /// Everything beyond its ``Standing`` that a due prospect's place in the queue depends
    /// on: what the call is worth (callback, last outcome, referral, never called), and
    /// what the clock does to it (their zone, their own best hour). Due prospects of one
    /// kind are moved alike by the time of day, the zones' counts and the outcomes'
    /// settings, so their order among themselves is their standing's.
    public struct Kind: Hashable, Sendable, Codable {
        public var isTimed: Bool
        public var lastOutcome: Outcome?
        public var isReferral: Bool
        public var isNew: Bool
        public var timeZone: String?
        /// Their own best hour; nil when their own history is too short and their zone's
        /// counts decide.
        public var ownBestHour: Int?

        public init(
            isTimed: Bool, lastOutcome: Outcome?, isReferral: Bool, isNew: Bool, timeZone: String?, ownBestHour: Int?
        ) {
            self.isTimed = isTimed
            self.lastOutcome = lastOutcome
            self.isReferral = isReferral
            self.isNew = isNew
            self.timeZone = timeZone
            self.ownBestHour = ownBestHour
        }

        /// A made-up prospect of this kind (`kind(of: example) == self`), whose place
        /// the clock moves as it moves every prospect of the kind.
        public var example: Prospect {
            var example = Prospect(id: "kind", name: "", timeZone: timeZone, createdAt: Date(timeIntervalSince1970: 0))
            example.callbackAt = isTimed ? Date(timeIntervalSince1970: 0) : nil
            example.lastOutcome = lastOutcome
            example.source = isReferral ? .referral : .list
            example.attempts = isNew ? 0 : 1
            let enough = max(BestTime.Minimum.prospect.dials, BestTime.Minimum.prospect.pickedUp)
            example.reach = ownBestHour.map { ReachCounts(hours: [$0: ReachCounts.Tally(dials: enough, pickedUp: enough)]) }
            return example
        }
    }

    public static func kind(of prospect: Prospect) -> Kind {
        Kind(
            isTimed: prospect.callbackAt != nil, lastOutcome: prospect.lastOutcome,
            isReferral: prospect.source == .referral, isNew: prospect.attempts == 0, timeZone: prospect.timeZone,
            ownBestHour: prospect.reach.flatMap { BestTime.find(in: $0, minimum: .prospect) }?.hour)
    }

    /// One member of a working set kept in standing order: its kind (an index into the
    /// kinds' examples), the first day the queue shows it, and its callback's time.
    public struct Place: Hashable, Sendable {
        public var kind: Int
        public var dueDay: CalendarDay?
        /// The callback's time (``Standing/time``); 0 for any other call.
        public var time: Double

        public init(kind: Int, dueDay: CalendarDay?, time: Double) {
            self.kind = kind
            self.dueDay = dueDay
            self.time = time
        }
    }

    /// The queue of `today` at `now` over `places`, which are sorted by standing: the
    /// indices into `places` in queue order, leaving out those not yet due. `examples[k]`
    /// is any prospect of kind `k` (``Kind/example``). The same order as ``entries(prospects:today:now:zone:hours:referrerNames:outcomes:zoneReach:)``
    /// gives the prospects themselves.
    public static func order(
        of places: [Place], examples: [Prospect], today: CalendarDay, now: Date, zone: TimeZone,
        hours: BusinessHours = BusinessHours(), outcomes: Outcomes = .standard, zoneReach: [String: ReachCounts] = [:]
    ) -> [Int] {
        var rows = RowMaker(today: today, now: now, zone: zone, hours: hours, zoneReach: zoneReach)
        // The clock's part of each kind's key, worked out on its example.
        let moved: [(group: Int, hours: Int, goodHour: Int)] = examples.map { example in
            let key = order(rows.entry(for: example, reason: purpose(of: example, names: [:], outcomes: outcomes)), zone: zone)
            return (key.group, key.hours, key.goodHour)
        }
        var keyed: [(group: Int, time: Double, hours: Int, goodHour: Int, at: Int)] = []
        keyed.reserveCapacity(places.count)
        for (at, place) in places.enumerated() where Prospect.isDue(dueDay: place.dueDay, on: today) {
            let m = moved[place.kind]
            keyed.append((m.group, place.time, m.hours, m.goodHour, at))
        }
        // The key of ``SortKey`` with the standing's rest replaced by its rank.
        keyed.sort { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.time != b.time { return a.time < b.time }
            if a.hours != b.hours { return a.hours < b.hours }
            if a.goodHour != b.goodHour { return a.goodHour < b.goodHour }
            return a.at < b.at
        }
        return keyed.map(\.at)
    }
}

/// Rows `offset ..< offset + entries.count` of a queue of `count`: what the dashboard
/// holds of a queue too long to hold whole.
public struct QueueWindow: Hashable, Sendable {
    public var entries: [QueueEntry]
    public var offset: Int
    public var count: Int
    /// The instant the queue's order was worked out at: the other stretches of the same
    /// queue are read in that order, so paging never skips or repeats a row when the
    /// hour moves people in or out of business hours meanwhile.
    public var orderedAt: Date?

    public init(entries: [QueueEntry], offset: Int, count: Int, orderedAt: Date? = nil) {
        self.entries = entries
        self.offset = offset
        self.count = count
        self.orderedAt = orderedAt
    }

    /// Whether these are all the rows.
    public var isWhole: Bool { offset == 0 && entries.count == count }
}
