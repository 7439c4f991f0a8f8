import Foundation

/// Why a prospect is in today's queue: what the next call is for.
public enum QueueReason: Hashable, Sendable {
    /// A callback agreed for this time (today, or overdue).
    case callback(at: Date)
    /// A lead someone referred; `from` is the referrer's name when known.
    case referral(from: String?)
    /// The call after a meeting, to hear how it went; `on` is the meeting when known.
    case afterMeeting(on: Date?)
    /// The follow-up of a call that ended in an opportunity.
    case opportunity
    /// Another try after a call that reached nobody: no answer, voicemail or gatekeeper.
    case retry(after: Outcome)
    /// Reached before but not ready: the stay-in-touch call of their last outcome;
    /// `lastSpoke` is that conversation.
    case stayInTouch(lastSpoke: Date?)
    /// A prospect called before whose next call day has come, for no reason above.
    case due
    /// Never called.
    case new

    /// The reason's name in reports and scripts.
    public var name: String {
        switch self {
        case .callback: "callback"
        case .referral: "referral"
        case .afterMeeting: "after_meeting"
        case .opportunity: "opportunity"
        case .retry: "retry"
        case .stayInTouch: "stay_in_touch"
        case .due: "due"
        case .new: "new"
        }
    }

    /// What the next call is worth, 0 first: timed callbacks, referrals, follow-ups of a
    /// meeting or an opportunity, retries (and anyone else called before), then new leads.
    public var worth: Int {
        switch self {
        case .callback: 0
        case .referral: 1
        case .afterMeeting, .opportunity: 2
        case .retry, .stayInTouch, .due: 3
        case .new: 4
        }
    }
}

/// The time where the prospect is.
public struct LocalTime: Hashable, Sendable {
    public var zone: TimeZone
    /// "14:05".
    public var text: String
    public var hour: Int
    /// Inside the configured business hours on a weekday.
    public var isBusinessHours: Bool
    /// The prospect's calendar day minus the seller's: -1, 0 or 1.
    public var dayOffset: Int
    /// Whether it is Saturday or Sunday where they are.
    public var isWeekend: Bool

    public init(at instant: Date, in zone: TimeZone, sellerZone: TimeZone, hours: BusinessHours) {
        // The zone's offset at the instant, then arithmetic: no calendar object per zone.
        let local = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))).rounded(.down))
        let secondOfDay = (local % 86_400 + 86_400) % 86_400
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let localDay = CalendarDay(containing: instant, in: zone)
        self.zone = zone
        self.hour = hour
        text = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        isWeekend = localDay.isWeekend
        isBusinessHours = hours.contains(hour: hour) && !isWeekend
        dayOffset = CalendarDay(containing: instant, in: sellerZone).days(until: localDay)
    }
}

/// One row of today's queue.
public struct QueueEntry: Hashable, Sendable, Identifiable {
    public var prospect: Prospect
    public var reason: QueueReason
    /// Their clock at the instant the queue was made for (now, or the start of the
    /// seller's business day for another day); nil when the prospect's zone is unknown.
    public var local: LocalTime?
    /// Their clock at the agreed time of a callback; nil for other reasons or an unknown zone.
    public var callbackLocal: LocalTime?
    /// A callback whose day is before the queue's: it was missed and still leads.
    public var isOverdue: Bool
    /// Whether their local hour now is the hour they (or, with too little of their own
    /// history, people in their zone) pick up most (``BestTime``).
    public var isGoodHour = false

    public init(
        prospect: Prospect, reason: QueueReason, local: LocalTime? = nil, callbackLocal: LocalTime? = nil,
        isOverdue: Bool = false
    ) {
        self.prospect = prospect
        self.reason = reason
        self.local = local
        self.callbackLocal = callbackLocal
        self.isOverdue = isOverdue
    }

    public var id: ProspectID { prospect.id }
}

/// Who to call now, in order: timed callbacks by time (missed ones first), then leads from
/// referrals (worth more than cold ones), then by what the next call is worth (follow-ups
/// of a meeting or an opportunity, then retries, then new leads); within each, those inside
/// their business hours now before those outside (an unknown zone between), then those
/// whose best hour to reach is now (``BestTime``), then priority, then who has waited longest.
public enum CallQueue {
    /// - Parameters:
    ///   - referrerNames: names of referrers who may not be among `prospects` (a working
    ///     set holds only who can be called); a referrer among them wins.
    ///   - outcomes: what each last outcome leads to.
    ///   - zoneReach: dials and pick-ups of everyone in each zone, for the best time of
    ///     those with too little history of their own.
    public static func entries(
        prospects: [Prospect], today: CalendarDay, now: Date, zone: TimeZone,
        hours: BusinessHours = BusinessHours(), referrerNames: [ProspectID: String] = [:],
        outcomes: Outcomes = .standard, zoneReach: [String: ReachCounts] = [:]
    ) -> [QueueEntry] {
        var names = referrerNames
        var seen = Set<ProspectID>()
        for prospect in prospects where seen.insert(prospect.id).inserted { names[prospect.id] = prospect.name }
        var rows = RowMaker(today: today, now: now, zone: zone, hours: hours, zoneReach: zoneReach)
        var keyed: [(key: SortKey, entry: QueueEntry)] = []
        for prospect in prospects {
            guard let reason = reason(for: prospect, today: today, zone: zone, names: names, outcomes: outcomes)
            else { continue }
            let entry = rows.entry(for: prospect, reason: reason)
            keyed.append((order(entry, zone: zone), entry))
        }
        // Keys are built once per prospect; building them inside the comparison would
        // cost a calendar lookup per comparison.
        return keyed.sorted { $0.key < $1.key }.map(\.entry)
    }

    /// Why the prospect is due today, or nil when they are not.
    static func reason(
        for prospect: Prospect, today: CalendarDay, zone: TimeZone, names: [ProspectID: String],
        outcomes: Outcomes = .standard
    ) -> QueueReason? {
        guard prospect.isDue(on: today, in: zone) else { return nil }
        return purpose(of: prospect, names: names, outcomes: outcomes)
    }

    /// What the next call to `prospect` is for, were they due.
    static func purpose(of prospect: Prospect, names: [ProspectID: String], outcomes: Outcomes) -> QueueReason {
        if let callback = prospect.callbackAt { return .callback(at: callback) }
        let rule = prospect.lastOutcome.map(outcomes.rule(for:))
        switch rule?.next {
        case .meeting?: return .afterMeeting(on: prospect.meetingAt)
        case .followUp?: return .opportunity
        // Before the referral: "not now" from a referred lead is what the seller must know.
        case .stayInTouch?: return .stayInTouch(lastSpoke: prospect.lastCalledAt)
        default: break
        }
        // A referred lead stays one until a conversation goes somewhere.
        if prospect.source == .referral {
            return .referral(from: prospect.referredBy.flatMap { names[$0] })
        }
        if let outcome = prospect.lastOutcome, rule?.isRetry == true { return .retry(after: outcome) }
        return prospect.attempts == 0 ? .new : .due
    }

    /// Makes the rows of one queue: each zone's clock and best time are worked out once,
    /// not once per prospect.
    struct RowMaker {
        let today: CalendarDay
        let now: Date
        let zone: TimeZone
        let hours: BusinessHours
        let zoneReach: [String: ReachCounts]
        /// Their own counts are kept in your zone when theirs is not known.
        let sellerHour: Int
        var localByZone: [String: LocalTime] = [:]
        var bestByZone: [String: BestTime?] = [:]

        init(today: CalendarDay, now: Date, zone: TimeZone, hours: BusinessHours, zoneReach: [String: ReachCounts]) {
            self.today = today
            self.now = now
            self.zone = zone
            self.hours = hours
            self.zoneReach = zoneReach
            sellerHour = ReachCounts.slot(of: now, in: zone).hour
        }

        mutating func bestTime(of prospect: Prospect) -> BestTime? {
            if let own = prospect.reach, let best = BestTime.find(in: own, minimum: .prospect) { return best }
            guard let id = prospect.timeZone, let counts = zoneReach[id] else { return nil }
            if let known = bestByZone[id] { return known }
            let best = BestTime.find(in: counts, minimum: .zone)
            bestByZone[id] = best
            return best
        }

        mutating func entry(for prospect: Prospect, reason: QueueReason) -> QueueEntry {
            var entry = QueueEntry(prospect: prospect, reason: reason)
            if let id = prospect.timeZone, let prospectZone = prospect.zone {
                if let known = localByZone[id] {
                    entry.local = known
                } else {
                    let computed = LocalTime(at: now, in: prospectZone, sellerZone: zone, hours: hours)
                    localByZone[id] = computed
                    entry.local = computed
                }
            }
            if let best = bestTime(of: prospect) {
                entry.isGoodHour = best.isGood(hour: entry.local?.hour ?? sellerHour)
            }
            if case .callback(let at) = reason {
                entry.isOverdue = CalendarDay(containing: at, in: zone) < today
                entry.callbackLocal = prospect.zone.map { LocalTime(at: at, in: $0, sellerZone: zone, hours: hours) }
            }
            return entry
        }
    }

    /// A sort key: worth, then the group's own order, then name and id so the order is total.
    static func order(_ entry: QueueEntry, zone: TimeZone) -> SortKey {
        var key = SortKey(
            group: entry.reason.worth, hours: 1, goodHour: entry.isGoodHour ? 0 : 1,
            standing: standing(of: entry.prospect, zone: zone))
        if case .callback = entry.reason {
        } else if let local = entry.local {
            key.hours = local.isBusinessHours ? 0 : 2
        }
        return key
    }

    /// The part of a prospect's place that no clock moves: a callback's time, priority,
    /// how long they have waited, name and id. A callback's priority does not count.
    public static func standing(of p: Prospect, zone: TimeZone) -> Standing {
        let waitingSince = (p.nextCallDay ?? CalendarDay(containing: p.createdAt, in: zone))
        return Standing(
            isTimed: p.callbackAt != nil, time: p.callbackAt?.timeIntervalSince1970 ?? 0, priority: p.callbackAt == nil ? p.priority : 0,
            waiting: waitingSince, name: Standing.folded(p.name), id: p.id)
    }

    /// A queue row's place as the clock leaves it: ``Standing`` is the rest.
    struct SortKey: Comparable {
        var group: Int
        /// 0 inside their business hours now, 1 zone unknown, 2 outside.
        var hours: Int
        /// 0 when their best hour to reach is now.
        var goodHour: Int
        var standing: Standing

        static func < (a: Self, b: Self) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.standing.time != b.standing.time { return a.standing.time < b.standing.time }
            if a.hours != b.hours { return a.hours < b.hours }
            if a.goodHour != b.goodHour { return a.goodHour < b.goodHour }
            return a.standing.afterTime(b.standing)
        }
    }

    /// The fixed part of a queue row's order. Sorted by it, prospects of one ``Kind`` are
    /// in their queue order at any time of any day.
    public struct Standing: Comparable, Sendable {
        /// Whether it is a callback at an agreed time.
        public var isTimed: Bool
        /// A callback's agreed time (seconds since 1970); 0 for any other call.
        public var time: Double
        public var priority: Int
        public var waiting: CalendarDay
        /// The name without case or accents, so "émile" sits beside "Emile". Folded once
        /// per prospect: a locale-aware comparison inside the sort cost more than reading
        /// the working set.
        public var name: String
        public var id: ProspectID

        public init(isTimed: Bool, time: Double, priority: Int, waiting: CalendarDay, name: String, id: ProspectID) {
            self.isTimed = isTimed
            self.time = time
            self.priority = priority
            self.waiting = waiting
            self.name = name
            self.id = id
        }

        /// Decomposed, accents dropped, lower case: no locale tables to load at start-up.
        static func folded(_ name: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                scalars.append(scalar)
            }
            return String(scalars).lowercased()
        }

        /// Callbacks first, by time; then the rest.
        public static func < (a: Self, b: Self) -> Bool {
            if a.isTimed != b.isTimed { return a.isTimed }
            if a.time != b.time { return a.time < b.time }
            return a.afterTime(b)
        }

        /// Ordered by what follows the time in the queue's key.
        func afterTime(_ b: Self) -> Bool {
            let a = self
            if a.priority != b.priority { return a.priority < b.priority }
            if a.waiting != b.waiting { return a.waiting < b.waiting }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
    }
}
