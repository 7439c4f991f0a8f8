import Foundation

/// Reads the date and time of a callback or meeting as a seller types it:
/// `tomorrow 10:00`, `fri 14:30`, `2026-12-03 09:15`, `today 4pm`, `mon 9`.
///
/// The time is the prospect's wall time when their zone is known, since that is what was
/// agreed on the phone; otherwise the seller's.
public enum NextStepParser {
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static let example = "a day and a time, such as “tomorrow 10:00”, “fri 14:30” or “2026-12-03 09:15”"

    /// The instant meant by `text`, which must lie after `now`.
    public static func parse(_ text: String, now: Date, zone: TimeZone) -> Result<Date, Failure> {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return .failure(Failure(description: "Enter \(example).")) }
        guard words.count <= 3 else { return .failure(Failure(description: "Expected \(example); “\(text)” has too many parts.")) }

        let today = CalendarDay(containing: now, in: zone)
        // Either the whole text is a time ("14:30", "2 pm"), or the first word is the day.
        let wholeTime = parseTime(words.joined(separator: " "))
        let dayWord: String? = wholeTime == nil ? words[0] : nil
        let timeText = words.dropFirst(dayWord == nil ? 0 : 1).joined(separator: " ")
        guard let time = wholeTime ?? parseTime(timeText) else {
            if let dayWord, day(dayWord, today: today) != nil, timeText.isEmpty {
                return .failure(Failure(description: "Add a time to “\(text)”, e.g. “\(text) 10:00”."))
            }
            return .failure(Failure(description: "Expected \(example); could not read a time in “\(text)”."))
        }

        let explicitDay: CalendarDay?
        if let dayWord {
            guard let d = day(dayWord, today: today) else {
                return .failure(Failure(description: "Expected \(example); “\(dayWord)” is not a day I know."))
            }
            explicitDay = d
        } else {
            explicitDay = nil
        }

        // A weekday name means its next occurrence: today only if the time is still ahead.
        var target = explicitDay ?? today
        guard var instant = target.at(hour: time.hour, minute: time.minute, in: zone) else {
            return .failure(Failure(description: "Expected \(example)."))
        }
        if instant <= now {
            let movable = explicitDay == nil || (dayWord.map(isWeekdayName) ?? false)
            guard movable else {
                return .failure(Failure(description: "“\(text)” has already passed; pick a later time."))
            }
            target = target.adding(days: explicitDay == nil ? 1 : 7)
            guard let later = target.at(hour: time.hour, minute: time.minute, in: zone) else {
                return .failure(Failure(description: "Expected \(example)."))
            }
            instant = later
        }
        return .success(instant)
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func isWeekdayName(_ word: String) -> Bool {
        weekdays.contains { word.hasPrefix($0) && word.count >= 3 }
    }

    /// Which way a weekday name points from today.
    public enum Looking: Hashable, Sendable {
        /// Its next occurrence, today included: where a call is planned.
        case ahead
        /// Its last occurrence, today included: where a day is looked back on.
        case back
    }

    /// A day as the seller types it, the same words everywhere a day is asked for:
    /// `today`, `tomorrow`, `yesterday`, a weekday name (`fri`, `friday`) or `2026-12-03`.
    public static func day(_ text: String, today: CalendarDay, looking: Looking = .ahead) -> CalendarDay? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word == "yesterday" { return today.adding(days: -1) }
        guard looking == .back, isWeekdayName(word) else { return day(from: word, today: today) }
        return day(from: word, today: today).map { $0 == today ? today : $0.adding(days: -7) }
    }

    private static func day(from word: String, today: CalendarDay) -> CalendarDay? {
        switch word {
        case "today": return today
        case "tomorrow", "tmrw", "tom": return today.adding(days: 1)
        default: break
        }
        if let date = CalendarDay(word) { return date }
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard word.count >= 3, let index = full.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        let wanted = index + 1
        let ahead = (wanted - today.isoWeekday + 7) % 7
        return today.adding(days: ahead)
    }

    /// "14:30", "9:05", "9", "9am", "2pm", "2:30pm", "14.30", "2 pm".
    static func parseTime(_ raw: String) -> (hour: Int, minute: Int)? {
        var text = raw.replacingOccurrences(of: " ", with: "")
        var offset = 0
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            offset = text.hasSuffix("pm") ? 12 : 0
            text.removeLast(2)
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let h = Int(parts[0]), (1...12).contains(h) else { return nil }
            let m = parts.count == 2 ? Int(parts[1]) : 0
            guard let m, (0...59).contains(m), parts.count == 1 || parts[1].count == 2 else { return nil }
            return ((h % 12) + offset, m)
        }
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), (0...23).contains(h)
        else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let m, (0...59).contains(m), parts.count == 1 || parts[1].count == 2 else { return nil }
        return (h, m)
    }
}
