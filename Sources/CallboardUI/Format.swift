import CallboardCore
import Foundation

/// How numbers, times and long text read on screen.
public enum Format {
    /// "0:42", "12:05", "1:02:03".
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.isFinite ? seconds.rounded(.down) : 0))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// "14:05" in `zone`.
    public static func clock(_ date: Date, zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "Tue 1 Dec 14:05" in `zone`. Built from calendar parts rather than a formatter:
    /// it runs on every frame and must not depend on the user's locale.
    public static func dayAndTime(_ date: Date, zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
        return String(
            format: "%@ %d %@ %02d:%02d", weekdayName(parts.weekday), parts.day ?? 1, monthName(parts.month),
            parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "1 Dec 14:05" in `zone`.
    public static func dateAndTime(_ date: Date, zone: TimeZone) -> String {
        String(dayAndTime(date, zone: zone).dropFirst(4))
    }

    /// "Tue 1 Dec".
    public static func day(_ day: CalendarDay) -> String {
        let weekday = day.isoWeekday % 7 + 1  // ISO Monday = 1 → Gregorian Sunday = 1
        return "\(weekdayName(weekday)) \(day.day) \(monthName(day.month))"
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 1 = Sunday, as Foundation counts.
    static func weekdayName(_ weekday: Int?) -> String {
        weekdays[max(0, min(6, (weekday ?? 1) - 1))]
    }

    static func monthName(_ month: Int?) -> String {
        months[max(0, min(11, (month ?? 1) - 1))]
    }

    /// A share as a whole percentage: "38%".
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// The text cut to `width` columns, with "…" when something was cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = SafeText.clean(text)
        if DisplayWidth.of(text: clean) <= width { return clean }
        var out = "", used = 0
        for ch in clean {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Text broken into lines of at most `width` columns, at spaces where it can be.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in SafeText.clean(String(paragraph)).split(separator: " ") {
                var word = String(word)
                var w = DisplayWidth.of(text: word)
                if used > 0, used + 1 + w > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                // A word longer than the line is cut into pieces.
                while w > width {
                    let head = Format.fit(word, width: width + 1).dropLast()
                    let piece = head.isEmpty ? String(word.prefix(1)) : String(head)
                    lines.append(piece)
                    word.removeFirst(piece.count)
                    w = DisplayWidth.of(text: word)
                }
                if word.isEmpty { continue }
                if used > 0 {
                    line += " "
                    used += 1
                }
                line += word
                used += w
            }
            lines.append(line)
        }
        return lines
    }

    static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }
}
