import CallboardCore
import Foundation

/// The store's timestamps, `2026-11-29T14:05:00Z` or `2026-11-29T14:05:00.250Z`, read and
/// written by hand. Every prospect and call holds several, and Foundation's ISO-8601 format
/// style, which reads them anyway, costs more than the rest of decoding them. Anything
/// else (an offset, a missing `Z`, a date out of range) goes to the format style, which
/// decides.
enum ISOTimestamp {
    static func parse(_ text: String) -> Date? {
        if let date = parseUTC(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// Whole seconds print without a fraction, so hand-written dates round-trip as written;
    /// anything finer keeps milliseconds.
    static func text(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= earliest, seconds < 253_402_300_800 else {
            return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: seconds != seconds.rounded()))
        }
        let whole = seconds.rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        let date = CalendarDay(daysSinceEpoch: days)
        let second = Int(whole) - days * 86_400
        var out = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        out += "T" + pad(second / 3600, 2) + ":" + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2)
        if seconds != whole {
            out += "." + pad(min(999, Int(((seconds - whole) * 1000).rounded(.down))), 3)
        }
        return out + "Z"
    }

    /// 1600-01-01: before it Foundation's calendar turns Julian, so earlier dates (and
    /// those past 9999) are left to the format style.
    static let earliest: Double = -11_676_096_000

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with every field in range, else nil.
    static func parseUTC(_ text: String) -> Date? {
        var bytes = text.utf8.makeIterator()
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = bytes.next(), (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func skip(_ expected: UInt8) -> Bool { bytes.next() == expected }
        guard let year = digits(4), skip(0x2D), let month = digits(2), skip(0x2D), let day = digits(2),
            skip(0x54), let hour = digits(2), skip(0x3A), let minute = digits(2), skip(0x3A), let second = digits(2),
            year >= 1600, (1...12).contains(month), (1...CalendarDay.daysIn(month: month, of: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0.0
        var next = bytes.next()
        if next == 0x2E {
            var digits = 0
            var count = 0
            next = bytes.next()
            while let byte = next, (0x30...0x39).contains(byte), count < 9 {
                digits = digits * 10 + Int(byte - 0x30)
                count += 1
                next = bytes.next()
            }
            guard count > 0 else { return nil }
            fraction = Double(digits) / pow(10, Double(count))
        }
        guard next == 0x5A, bytes.next() == nil else { return nil }
        let whole = CalendarDay(year: year, month: month, day: day).daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        // Counted from 2001 as Date counts, so the sum rounds as the format style's does.
        return Date(timeIntervalSinceReferenceDate: Double(whole - 978_307_200) + fraction)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
