import Foundation

/// Why a prospect is in today's queue.
public enum QueueReason: Hashable, Sendable {
    /// A callback agreed for this time (today, or overdue).
    case callback(at: Date)
    /// A lead someone referred; `from` is the referrer's name when known.
    case referral(from: String?)
    /// A prospect called before whose next call day has come.
    case due
    /// Never called.
    case new

    /// The reason's name in reports and scripts.
    public var name: String {
        switch self {
        case .callback: "callback"
        case .referral: "referral"
        case .due: "due"
        case .new: "new"
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
    /// Nil when the prospect's time zone is unknown.
    public var local: LocalTime?

    public var id: ProspectID { prospect.id }
}

/// Who to call now, in order: timed callbacks by time, then leads from referrals (worth
/// more than cold ones), then everyone else who is due, by priority and then by how long
/// they have waited.
public enum CallQueue {
    /// - Parameter referrerNames: names of referrers who may not be among `prospects`
    ///   (a working set holds only who can be called); a referrer among them wins.
    public static func entries(
        prospects: [Prospect], today: CalendarDay, now: Date, zone: TimeZone,
        hours: BusinessHours = BusinessHours(), referrerNames: [ProspectID: String] = [:]
    ) -> [QueueEntry] {
        var names = referrerNames
        var seen = Set<ProspectID>()
        for prospect in prospects where seen.insert(prospect.id).inserted { names[prospect.id] = prospect.name }
        // Each zone's clock is read once, not once per prospect.
        var localByZone: [String: LocalTime] = [:]
        var keyed: [(key: SortKey, entry: QueueEntry)] = []
        for prospect in prospects {
            guard let reason = reason(for: prospect, today: today, zone: zone, names: names) else { continue }
            var local: LocalTime?
            if let id = prospect.timeZone {
                if let known = localByZone[id] {
                    local = known
                } else if let prospectZone = prospect.zone {
                    let computed = LocalTime(at: now, in: prospectZone, sellerZone: zone, hours: hours)
                    localByZone[id] = computed
                    local = computed
                }
            }
            let entry = QueueEntry(prospect: prospect, reason: reason, local: local)
            keyed.append((order(entry, zone: zone), entry))
        }
        // Keys are built once per prospect; building them inside the comparison would
        // cost a calendar lookup per comparison.
        return keyed.sorted { $0.key < $1.key }.map(\.entry)
    }

    /// Why the prospect is due today, or nil when they are not.
    static func reason(
        for prospect: Prospect, today: CalendarDay, zone: TimeZone, names: [ProspectID: String]
    ) -> QueueReason? {
        guard prospect.isDue(on: today, in: zone) else { return nil }
        if let callback = prospect.callbackAt { return .callback(at: callback) }
        if prospect.source == .referral {
            return .referral(from: prospect.referredBy.flatMap { names[$0] })
        }
        return prospect.attempts == 0 ? .new : .due
    }

    /// A sort key: group, then the group's own order, then name and id so the order is total.
    private static func order(_ entry: QueueEntry, zone: TimeZone) -> SortKey {
        let p = entry.prospect
        let waitingSince = (p.nextCallDay ?? CalendarDay(containing: p.createdAt, in: zone))
        switch entry.reason {
        case .callback(let at):
            return SortKey(group: 0, time: at.timeIntervalSince1970, priority: 0, waiting: waitingSince, name: SortKey.folded(p.name), id: p.id)
        case .referral:
            return SortKey(group: 1, time: 0, priority: p.priority, waiting: waitingSince, name: SortKey.folded(p.name), id: p.id)
        case .due, .new:
            return SortKey(group: 2, time: 0, priority: p.priority, waiting: waitingSince, name: SortKey.folded(p.name), id: p.id)
        }
    }

    private struct SortKey: Comparable {
        var group: Int
        var time: Double
        var priority: Int
        var waiting: CalendarDay
        /// The name without case or accents, so "émile" sits beside "Emile". Folded once
        /// per prospect: a locale-aware comparison inside the sort cost more than reading
        /// the working set.
        var name: String
        var id: ProspectID

        /// Decomposed, accents dropped, lower case: no locale tables to load at start-up.
        static func folded(_ name: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                scalars.append(scalar)
            }
            return String(scalars).lowercased()
        }

        static func < (a: Self, b: Self) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.time != b.time { return a.time < b.time }
            if a.priority != b.priority { return a.priority < b.priority }
            if a.waiting != b.waiting { return a.waiting < b.waiting }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
    }
}
