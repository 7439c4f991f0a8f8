import CallboardCore
import Foundation

/// The days a review covers: one day, or every day from one date to another.
public enum ReviewPeriod: Hashable, Sendable {
    case day(CalendarDay)
    case range(from: CalendarDay, to: CalendarDay)

    /// Ten years of days; more is a typing mistake, not a report.
    public static let longestRange = 3660

    /// The period from the command line's `--date`, `--from` and `--to`. No date means
    /// today; `--from` alone runs to today.
    public static func parse(
        date: String?, from: String?, to: String?, today: CalendarDay
    ) throws(ReviewPeriodError) -> ReviewPeriod {
        if date != nil, from != nil || to != nil { throw .dateWithRange }
        if let date { return .day(try day(date, option: "--date", today: today)) }
        guard let from else {
            if to != nil { throw .toWithoutFrom }
            return .day(today)
        }
        let first = try day(from, option: "--from", today: today)
        let last = try to.map { text throws(ReviewPeriodError) in try day(text, option: "--to", today: today) } ?? today
        guard first <= last else { throw .backwards(from: first, to: last) }
        let length = first.days(until: last) + 1
        guard length <= longestRange else { throw .tooLong(days: length) }
        return .range(from: first, to: last)
    }

    /// A review looks back: "fri" is the last Friday, today included.
    private static func day(_ text: String, option: String, today: CalendarDay) throws(ReviewPeriodError) -> CalendarDay {
        guard let day = DayArgument.day(text, today: today, looking: .back) else {
            throw .notADate(option: option, text: text)
        }
        return day
    }

    /// Every day of the period, oldest first.
    public var days: [CalendarDay] {
        switch self {
        case .day(let day): return [day]
        case .range(let from, let to):
            return (0...max(0, from.days(until: to))).map { from.adding(days: $0) }
        }
    }
}

/// Why the dates given to the review cannot be used. Each message says what to type instead.
public enum ReviewPeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    case notADate(option: String, text: String)
    case dateWithRange
    case toWithoutFrom
    case backwards(from: CalendarDay, to: CalendarDay)
    case tooLong(days: Int)

    public var description: String {
        switch self {
        case .notADate(let option, let text):
            return DayArgument.problem(option: option, text: text)
        case .dateWithRange:
            return "--date cannot be combined with --from or --to; use --date for one day or --from and --to for several."
        case .toWithoutFrom:
            return "--to needs --from; give the first day with --from (\(DayArgument.words))."
        case .backwards(let from, let to):
            return "--from \(from) comes after --to \(to); give the earlier day first."
        case .tooLong(let days):
            return "the range covers \(days) days; a review covers at most \(ReviewPeriod.longestRange) days."
        }
    }
}
