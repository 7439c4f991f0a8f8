import CallboardCore
import Foundation

/// How numbers, times and long text read on screen.
public enum Format {
    /// "0:42", "12:05", "1:02:03", to the nearest second, as the reports round, so a
    /// call reads the same length live, in the review and in `callboard review`.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.isFinite ? min(seconds, 1e12).rounded() : 0))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        return h > 0 ? "\(h):\(twoDigits(m)):\(twoDigits(s))" : "\(m):\(twoDigits(s))"
    }

    /// "14:05" in `zone`.
    public static func clock(_ date: Date, zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.hour, .minute], from: date)
        return "\(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0))"
    }

    /// "Tue 1 Dec 14:05" in `zone`. Built from calendar parts rather than a formatter:
    /// it runs on every frame and must not depend on the user's locale.
    public static func dayAndTime(_ date: Date, zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
        return "\(weekdayName(parts.weekday)) \(parts.day ?? 1) \(monthName(parts.month)) "
            + "\(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0))"
    }

    /// "1 Dec 14:05" in `zone`.
    public static func dateAndTime(_ date: Date, zone: TimeZone) -> String {
        String(dayAndTime(date, zone: zone).dropFirst(4))
    }

    /// "Tue 1 Dec".
    public static func day(_ day: CalendarDay) -> String { day.shortText }

    /// "07"; plain interpolation, since `String(format:)` is slow on every frame.
    static func twoDigits(_ n: Int) -> String { (0..<10).contains(n) ? "0\(n)" : "\(n)" }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 1 = Sunday, as Foundation counts.
    static func weekdayName(_ weekday: Int?) -> String {
        weekdays[max(0, min(6, (weekday ?? 1) - 1))]
    }

    static func monthName(_ month: Int?) -> String {
        months[max(0, min(11, (month ?? 1) - 1))]
    }

    /// The text with its first letter capitalised, for a label that starts a sentence:
    /// "no answer" → "No answer".
    public static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "3.2".
    public static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value.isFinite ? max(0, value) : 0) * 10 + 0.5)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A share as a whole percentage: "38%".
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// The text cut to `width` columns, with "…" when something was cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        // Most text is short printable ASCII: one column a byte, nothing to clean.
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
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
