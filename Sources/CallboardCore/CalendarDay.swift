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
        // 2026-02-30 and friends are refused.
        guard y >= 1, (1...12).contains(m), (1...Self.daysIn(month: m, of: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day that contains `instant` in `zone`: the zone's offset at that
    /// instant, then plain arithmetic. It runs for every prospect on every queue build, and
    /// a calendar object per call cost more than the rest of the queue.
    public init(containing instant: Date, in zone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        guard local.isFinite, abs(local) < 1e14 else {
            let parts = Self.calendar(zone).dateComponents([.year, .month, .day], from: instant)
            self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            return
        }
        self.init(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
    }

    /// The day `days` after 1970-01-01 (before it when negative), on the proleptic
    /// Gregorian calendar (Howard Hinnant's civil-from-days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    /// Days from 1970-01-01 to this day (days-from-civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
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
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let fromThursday = (daysSinceEpoch % 7 + 7) % 7
        return (fromThursday + 3) % 7 + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The next Monday-to-Friday day after this one.
    public var nextBusinessDay: CalendarDay {
        var next = adding(days: 1)
        while next.isWeekend { next = next.adding(days: 1) }
        return next
    }

    /// "3 Sep": the day and month, for a day further back than a week or two.
    public var dayAndMonth: String { String(shortText.dropFirst(4)) }

    /// "Fri 27 Nov": the day as the seller reads it, the same in every locale.
    public var shortText: String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[isoWeekday - 1]) \(day) \(months[max(0, min(11, month - 1))])"
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
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
