import Foundation

/// When someone picks up most, from counted dials (``ReachCounts``).
///
/// The rule: each local hour (and each weekday) that picked up at least once scores
/// (picked up + 1) / (dials + 2) — the share picked up, pulled towards one half while
/// there are few dials, so one lucky call does not outweigh four out of six. The best
/// hour scores highest (ties: more pick-ups, then the earlier hour); the best weekday
/// likewise. With too few dials or pick-ups there is no best time, and the brief says so
/// rather than guess.
public struct BestTime: Hashable, Sendable {
    public var hour: Int
    public var hourTally: ReachCounts.Tally
    public var weekday: Int?
    public var weekdayTally: ReachCounts.Tally?

    /// How much history is enough: for one prospect, and for everyone in a zone.
    public struct Minimum: Hashable, Sendable {
        public var dials: Int
        public var pickedUp: Int

        public static let prospect = Minimum(dials: 4, pickedUp: 2)
        public static let zone = Minimum(dials: 20, pickedUp: 5)
    }

    /// The best time in `counts`, or nil when there is too little history to tell.
    public static func find(in counts: ReachCounts, minimum: Minimum) -> BestTime? {
        let total = counts.total
        guard total.dials >= minimum.dials, total.pickedUp >= minimum.pickedUp,
            let hour = best(counts.hours)
        else { return nil }
        let weekday = best(counts.weekdays)
        return BestTime(
            hour: hour.slot, hourTally: hour.tally, weekday: weekday?.slot, weekdayTally: weekday?.tally)
    }

    private static func best(_ tallies: [Int: ReachCounts.Tally]) -> (slot: Int, tally: ReachCounts.Tally)? {
        func score(_ t: ReachCounts.Tally) -> Double { Double(t.pickedUp + 1) / Double(t.dials + 2) }
        return tallies.filter { $0.value.pickedUp > 0 }.min { a, b in
            if score(a.value) != score(b.value) { return score(a.value) > score(b.value) }
            if a.value.pickedUp != b.value.pickedUp { return a.value.pickedUp > b.value.pickedUp }
            return a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    /// Whether `hour` (their local hour now) is the best hour.
    public func isGood(hour: Int) -> Bool { hour == self.hour }

    /// "10:00–11:00 (3 of 4 picked up), Tuesdays (2 of 2)".
    public var text: String {
        func two(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }
        var out = "\(two(hour)):00–\(two((hour + 1) % 24)):00 (\(hourTally.pickedUp) of \(hourTally.dials) picked up)"
        if let weekday, let t = weekdayTally {
            out += ", \(Self.weekdayNames[weekday - 1])s (\(t.pickedUp) of \(t.dials))"
        }
        return out
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The brief's lines on when to reach a prospect: their own best time, then that of
    /// everyone in their zone; with too little history, a line that says so rather than
    /// a guess. Nothing at all before anyone in their zone was called.
    public static func briefLines(for prospect: Prospect, zoneCounts: ReachCounts?) -> [String] {
        var lines: [String] = []
        let own = prospect.reach ?? ReachCounts()
        if let best = find(in: own, minimum: .prospect) {
            lines.append("They pick up most \(best.text), their time.")
        } else if !own.isEmpty {
            let t = own.total
            lines.append("Too few calls to them to tell their best time (\(t.pickedUp) of \(t.dials) picked up).")
        }
        if let zone = prospect.timeZone, let counts = zoneCounts, !counts.isEmpty {
            if let best = find(in: counts, minimum: .zone) {
                lines.append("People in \(zone) pick up most \(best.text).")
            } else {
                let t = counts.total
                lines.append("Too few calls in \(zone) to tell (\(t.pickedUp) of \(t.dials) picked up).")
            }
        }
        return lines
    }
}
