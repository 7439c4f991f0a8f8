import CallboardCore
import Foundation

/// Text from other people, made safe and measured for a report that is read on a terminal
/// or pasted into a document. A name with an escape sequence must never move the cursor
/// of whoever prints the report.
public enum SafeReportText {
    /// The text as one clean line: control characters and bidirectional overrides
    /// removed, line breaks and tabs as single spaces.
    public static func clean(_ text: String) -> String { ImportedText.line(text) }

    /// Columns a character takes on a terminal: 2 for East Asian wide and emoji, 0 for
    /// combining marks, else 1. Good enough to keep a report's columns aligned.
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    static func width(_ text: String) -> Int { text.reduce(0) { $0 + width(of: $1) } }

    /// The cleaned text cut to `columns` (with an ellipsis when cut) and padded to exactly
    /// `columns`, on the left when `right` is set.
    static func fit(_ text: String, _ columns: Int, right: Bool = false) -> String {
        guard columns > 0 else { return "" }
        let cleaned = clean(text)
        var out = ""
        var used = 0
        if width(cleaned) > columns {
            for character in cleaned {
                let w = width(of: character)
                if used + w > columns - 1 { break }
                out.append(character)
                used += w
            }
            out.append("…")
            used += 1
        } else {
            out = cleaned
            used = width(cleaned)
        }
        let padding = String(repeating: " ", count: max(0, columns - used))
        return right ? padding + out : out + padding
    }
}

/// How figures read in a report.
enum ReportFormat {
    /// "5:12", "1:02:03"; "0:00" for nothing.
    static func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// "38%", or "–" when there is no share.
    static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// "3/5"
    static func ratio(_ part: Int, _ whole: Int) -> String { "\(part)/\(whole)" }

    /// "Sunday 29 November 2026"
    static func longDay(_ day: CalendarDay) -> String {
        "\(weekdays[(day.isoWeekday - 1) % 7]) \(day.day) \(months[(day.month - 1 + 12) % 12]) \(day.year)"
    }

    /// "Sun 2026-11-29"
    static func shortDay(_ day: CalendarDay) -> String {
        "\(weekdays[(day.isoWeekday - 1) % 7].prefix(3)) \(day)"
    }

    /// "09:14" in the seller's zone.
    static func clock(_ date: Date, zone: TimeZone) -> String {
        let t = ZonedMoment(date, zone: zone)
        return pad2(t.hour) + ":" + pad2(t.minute)
    }

    /// ISO 8601 with the zone's offset at that instant: "2026-11-29T09:14:03+01:00".
    static func timestamp(_ date: Date, zone: TimeZone) -> String {
        let t = ZonedMoment(date, zone: zone)
        let sign = t.offset < 0 ? "-" : "+"
        let minutes = abs(t.offset) / 60
        let year = t.year >= 1000 ? String(t.year) : String(format: "%04d", t.year)
        return year + "-" + pad2(t.month) + "-" + pad2(t.day) + "T" + pad2(t.hour) + ":" + pad2(t.minute) + ":"
            + pad2(t.second) + sign + pad2(minutes / 60) + ":" + pad2(minutes % 60)
    }

    /// `value` with `decimals` places, as `String(format: "%.2f")` writes it (the C
    /// library's rounding), without going through a format string object per number:
    /// a report of a year writes a hundred thousand of them.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 350)
        let written = withVaList([Int32(max(0, decimals)), value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.*f", arguments) }
        }
        guard written >= 0, written < buffer.count else { return String(format: "%.\(max(0, decimals))f", value) }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func pad2(_ value: Int) -> String { value < 10 && value >= 0 ? "0" + String(value) : String(value) }

    /// A share drawn in block characters, `columns` wide, in eighths of a cell, with the
    /// target marked where the bar does not reach it: "██████▍···┆·······".
    static func shareBar(_ share: Double?, columns: Int, target: Double) -> String {
        guard columns > 0 else { return "" }
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let filled = Int(((share ?? 0).clamped * Double(columns) * 8).rounded())
        let full = min(columns, filled / 8)
        var bar = String(repeating: "█", count: full)
        if full < columns, filled % 8 > 0 { bar += eighths[filled % 8] }
        let targetColumn = Int((target.clamped * Double(columns)).rounded(.down))
        var column = bar.count
        while column < columns {
            bar += column == targetColumn ? "┆" : "·"
            column += 1
        }
        return bar
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}

extension Double {
    fileprivate var clamped: Double { isFinite ? Swift.min(1, Swift.max(0, self)) : 0 }
}

/// A moment's date and time of day in a zone, worked out by arithmetic from the zone's
/// offset at that moment: a calendar object per call cost more than the rest of a report's
/// row. Moments outside 1600–9999 (where the calendar turns Julian, or years grow a digit)
/// go through the calendar, which decides.
struct ZonedMoment: Equatable {
    var year, month, day, hour, minute, second: Int
    /// Seconds east of UTC.
    var offset: Int

    init(_ date: Date, zone: TimeZone) {
        let offset = zone.secondsFromGMT(for: date)
        let local = (date.timeIntervalSinceReferenceDate + 978_307_200 + Double(offset)).rounded(.down)
        guard local.isFinite, local >= -11_676_096_000, local < 253_402_300_800 else {
            self.init(calendarOf: date, zone: zone)
            return
        }
        let days = Int((local / 86_400).rounded(.down))
        let day = CalendarDay(daysSinceEpoch: days)
        let second = Int(local) - days * 86_400
        self.init(
            year: day.year, month: day.month, day: day.day, hour: second / 3600, minute: second / 60 % 60,
            second: second % 60, offset: offset)
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offset = offset
    }

    /// The same from the calendar.
    init(calendarOf date: Date, zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        self.init(
            year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1, hour: p.hour ?? 0, minute: p.minute ?? 0,
            second: p.second ?? 0, offset: zone.secondsFromGMT(for: date))
    }
}
