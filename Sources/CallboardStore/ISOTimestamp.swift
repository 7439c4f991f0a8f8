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
        let day = Int((whole / 86_400).rounded(.down))
        let (year, month, dayOfMonth) = civil(fromDays: day)
        let second = Int(whole) - day * 86_400
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2)
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
            year >= 1600, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
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
        let whole = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        // Counted from 2001 as Date counts, so the sum rounds as the format style's does.
        return Date(timeIntervalSinceReferenceDate: Double(whole - 978_307_200) + fraction)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
