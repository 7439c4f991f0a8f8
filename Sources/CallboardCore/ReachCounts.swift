import Foundation

/// Dials and pick-ups counted by the local hour and weekday they happened at: one
/// prospect's (kept on their record, so the brief and the queue never read call history)
/// or everyone's in one time zone (summed by the store).
public struct ReachCounts: Hashable, Sendable {
    /// Dials made, and how many of them reached the prospect.
    public struct Tally: Hashable, Sendable {
        public var dials: Int
        public var pickedUp: Int

        public init(dials: Int = 0, pickedUp: Int = 0) {
            self.dials = dials
            self.pickedUp = pickedUp
        }
    }

    /// By local hour, 0...23.
    public var hours: [Int: Tally]
    /// By ISO weekday, 1 (Monday) ... 7 (Sunday).
    public var weekdays: [Int: Tally]

    public init(hours: [Int: Tally] = [:], weekdays: [Int: Tally] = [:]) {
        self.hours = hours
        self.weekdays = weekdays
    }

    public var isEmpty: Bool { hours.isEmpty && weekdays.isEmpty }

    /// Every dial counted, and how many were picked up.
    public var total: Tally {
        hours.values.reduce(into: Tally()) {
            $0.dials += $1.dials
            $0.pickedUp += $1.pickedUp
        }
    }

    /// The local hour and ISO weekday of `instant` in `zone`: the zone's offset at that
    /// instant, so a call in summer time counts at the hour the clock on their wall showed.
    public static func slot(of instant: Date, in zone: TimeZone) -> (hour: Int, weekday: Int) {
        let local = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))).rounded(.down))
        let hour = (local % 86_400 + 86_400) % 86_400 / 3600
        return (hour, CalendarDay(containing: instant, in: zone).isoWeekday)
    }

    /// These counts with one more dial at `instant`, in the prospect's `zone`.
    public func adding(dialAt instant: Date, in zone: TimeZone, pickedUp: Bool) -> ReachCounts {
        let (hour, weekday) = Self.slot(of: instant, in: zone)
        var counts = self
        counts.hours[hour, default: Tally()].dials += 1
        counts.weekdays[weekday, default: Tally()].dials += 1
        if pickedUp {
            counts.hours[hour, default: Tally()].pickedUp += 1
            counts.weekdays[weekday, default: Tally()].pickedUp += 1
        }
        return counts
    }

    /// Both counts together (`sign` -1 takes `other` away): a zone's sum as prospects change.
    public mutating func add(_ other: ReachCounts, sign: Int = 1) {
        func merge(_ mine: inout [Int: Tally], _ theirs: [Int: Tally]) {
            for (slot, tally) in theirs {
                var sum = mine[slot, default: Tally()]
                sum.dials = max(0, sum.dials + sign * tally.dials)
                sum.pickedUp = max(0, sum.pickedUp + sign * tally.pickedUp)
                mine[slot] = sum.dials == 0 ? nil : sum
            }
        }
        merge(&hours, other.hours)
        merge(&weekdays, other.weekdays)
    }
}

extension ReachCounts: Codable {
    /// `{"hours": {"10": [3, 1]}, "weekdays": {"2": [4, 1]}}`: slot → [dials, picked up].
    private enum CodingKeys: String, CodingKey { case hours, weekdays }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func read(_ key: CodingKeys, _ range: ClosedRange<Int>) throws -> [Int: Tally] {
            let raw = try c.decodeIfPresent([String: [Int]].self, forKey: key) ?? [:]
            var out: [Int: Tally] = [:]
            for (name, pair) in raw {
                guard let slot = Int(name), range.contains(slot), pair.count == 2, pair[0] >= pair[1], pair[1] >= 0 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: c,
                        debugDescription: "expected \"slot\": [dials, picked up] with slots \(range.lowerBound)-\(range.upperBound)")
                }
                out[slot] = Tally(dials: pair[0], pickedUp: pair[1])
            }
            return out
        }
        hours = try read(.hours, 0...23)
        weekdays = try read(.weekdays, 1...7)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func pairs(_ tallies: [Int: Tally]) -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: tallies.map { (String($0.key), [$0.value.dials, $0.value.pickedUp]) })
        }
        try c.encode(pairs(hours), forKey: .hours)
        try c.encode(pairs(weekdays), forKey: .weekdays)
    }
}

/// Everyone's dials and pick-ups by time zone: the sum of the counts on the prospects of
/// each zone (those without a known zone are left out). Kept as prospects change, so
/// nobody reads call history for it.
public enum ZoneReach {
    /// The sums over `prospects`.
    public static func sums(of prospects: some Sequence<Prospect>) -> [String: ReachCounts] {
        var sums: [String: ReachCounts] = [:]
        update(&sums, replacing: [], with: prospects)
        return sums
    }

    /// `sums` after `old` (the earlier copies, where there were any) became `new`.
    public static func update(
        _ sums: inout [String: ReachCounts], replacing old: some Sequence<Prospect>, with new: some Sequence<Prospect>
    ) {
        for (list, sign) in [(Array(old), -1), (Array(new), 1)] {
            for prospect in list {
                guard let zone = prospect.timeZone, prospect.zone != nil, let reach = prospect.reach else { continue }
                sums[zone, default: ReachCounts()].add(reach, sign: sign)
                if sums[zone]?.isEmpty == true { sums[zone] = nil }
            }
        }
    }
}
