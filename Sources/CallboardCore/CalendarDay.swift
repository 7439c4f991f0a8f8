import Foundation

/// A date on the calendar with no time and no zone: "2026-11-29".
///
/// Due dates and review days are calendar days in the seller's own time zone, so they
/// are stored as such rather than as instants that would shift with the zone.
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        let candidate = CalendarDay(year: y, month: m, day: d)
        // Round-trip through the calendar to reject 2026-02-30 and friends.
        guard let start = candidate.start(in: .gmt),
            CalendarDay(containing: start, in: .gmt) == candidate
        else { return nil }
        self = candidate
    }

    /// The calendar day that contains `instant` in `zone`.
    public init(containing instant: Date, in zone: TimeZone) {
        let parts = Self.calendar(zone).dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Midnight at the start of this day in `zone`.
    public func start(in zone: TimeZone) -> Date? {
        Self.calendar(zone).date(from: DateComponents(year: year, month: month, day: day))
    }

    /// The instant of `hour:minute` on this day in `zone`. A wall time skipped by a DST
    /// change resolves to the next valid time, as clocks do.
    public func at(hour: Int, minute: Int, in zone: TimeZone) -> Date? {
        Self.calendar(zone).date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    public func adding(days: Int) -> CalendarDay {
        let cal = Self.calendar(.gmt)
        guard let start = start(in: .gmt),
            let moved = cal.date(byAdding: .day, value: days, to: start)
        else { return self }
        return CalendarDay(containing: moved, in: .gmt)
    }

    /// 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        guard let start = start(in: .gmt) else { return 1 }
        let weekday = Self.calendar(.gmt).component(.weekday, from: start)  // 1 = Sunday
        return (weekday + 5) % 7 + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The next Monday-to-Friday day after this one.
    public var nextBusinessDay: CalendarDay {
        var next = adding(days: 1)
        while next.isWeekend { next = next.adding(days: 1) }
        return next
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int {
        guard let a = start(in: .gmt), let b = other.start(in: .gmt) else { return 0 }
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }
}
