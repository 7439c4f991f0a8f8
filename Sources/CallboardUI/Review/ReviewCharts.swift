import CallboardCore
import Foundation

/// The small charts of the review. Each reads in monochrome by its characters alone;
/// colour only adds to it.
enum ReviewCharts {
    static let sparkLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled to `top`; a space for a day without the figure.
    static func sparkline(_ values: [Double?], top: Double) -> String {
        String(
            values.map { value -> Character in
                guard let value, value.isFinite else { return " " }
                let scaled = top > 0 ? min(1, max(0, value / top)) : 0
                return sparkLevels[min(sparkLevels.count - 1, Int(scaled * Double(sparkLevels.count - 1) + 0.5))]
            })
    }

    /// The speaker holding most of each column's stretch of the call; nil where the call
    /// was mostly on hold.
    static func timeline(_ segments: [TalkSegment], duration: Double, columns: Int) -> [Speaker?] {
        guard columns > 0 else { return [] }
        let length = max(duration, segments.last?.end ?? 0)
        guard length > 0 else { return Array(repeating: nil, count: columns) }
        let step = length / Double(columns)
        return (0..<columns).map { column in
            let from = Double(column) * step, to = from + step
            var held: [Speaker: Double] = [:]
            for segment in segments where segment.end > from && segment.start < to {
                held[segment.speaker, default: 0] += min(to, segment.end) - max(from, segment.start)
            }
            let hold = step - held.values.reduce(0, +)
            guard let best = Speaker.allCases.max(by: { held[$0, default: 0] < held[$1, default: 0] }),
                held[best, default: 0] > 0, held[best, default: 0] >= hold
            else { return nil }
            return best
        }
    }

    static func mark(for speaker: Speaker?) -> (String, ColorRole) {
        switch speaker {
        case .me?: ("█", .me)
        case .prospect?: ("▒", .prospect)
        case .silence?: ("·", .silence)
        case nil: ("─", .muted)
        }
    }

    /// A share as a bar of `columns` cells: full blocks, then ░ up to the width.
    static func shareBar(_ share: Double?, columns: Int) -> String {
        guard columns > 0 else { return "" }
        let filled = Int(((share ?? 0) * Double(columns)).rounded())
        let full = min(columns, max(0, share == nil ? 0 : filled))
        return String(repeating: "█", count: full) + String(repeating: "░", count: columns - full)
    }

    /// The role of a share against the band: inside, above, well above.
    static func role(for share: Double?, targets: TalkTargets) -> ColorRole {
        switch targets.verdict(forShare: share) {
        case .noTalkYet: .muted
        case .onTarget: .good
        case .aboveTarget: .warn
        case .wellAboveTarget: .bad
        }
    }
}

/// How figures read on the review screen.
enum ReviewFigures {
    /// A pause before I answer, in tenths of a second: "0.8 s".
    static func patience(_ seconds: Double) -> String { Format.oneDecimal(seconds) + " s" }

    static func duration(_ seconds: Double) -> String { Format.duration(seconds) }

    static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return Format.percent(share)
    }

    static func clock(_ date: Date, zone: TimeZone) -> String { Format.clock(date, zone: zone) }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sunday 29 Nov 2026"
    static func day(_ day: CalendarDay) -> String {
        "\(weekdays[(day.isoWeekday + 6) % 7]) \(day.day) \(months[(day.month + 11) % 12]) \(day.year)"
    }

    static func referral(_ ask: ReferralAsk) -> (String, ColorRole) {
        switch ask {
        case .asked: ("✓", .good)
        case .notAsked: ("✗", .bad)
        case .notApplicable: ("–", .muted)
        }
    }

    /// My questions on a call and how they sit against its type's range; "–" where they
    /// were not counted. Wide: "12 (1)" with the prospect's in brackets.
    static func questions(_ f: CallSummary, wide: Bool) -> (String, ColorRole) {
        guard f.countsQuestions, f.isConversation else { return ("–", .muted) }
        let text = wide && f.questions.theirs > 0 ? "\(f.questions.mine) (\(f.questions.theirs))" : "\(f.questions.mine)"
        switch f.questionVerdict {
        case .onTarget?: return (text, .good)
        case .tooMany?: return (text, .warn)
        case .tooFew?, nil: return (text, .text)
        }
    }

    static func followUp(_ status: FollowUp.Status?) -> (String, ColorRole) {
        switch status {
        case .sent?: ("sent", .good)
        case .pending?: ("pending", .warn)
        case .skipped?: ("skipped", .muted)
        case nil: ("–", .muted)
        }
    }
}

/// Writes styled pieces one after another along a row, clipped to the row.
struct RowWriter {
    let rect: Rect
    private(set) var x: Int

    init(_ rect: Rect) {
        self.rect = rect
        self.x = rect.x
    }

    var remaining: Int { max(0, rect.maxX - x) }

    /// A piece of the row; one that does not fit ends in "…", so nothing is cut unseen.
    mutating func put(_ text: String, _ style: Style = .plain, in buffer: inout CellBuffer) {
        guard !rect.isEmpty, remaining > 0 else { return }
        // A single column left keeps the first letter: an ellipsis alone would say nothing.
        let shown = remaining > 1 ? Format.fit(text, width: remaining) : text
        x += buffer.write(shown, x: x, y: rect.y, maxWidth: remaining, style: style)
    }

    /// Text cut or padded to exactly `width` columns, right-aligned when asked.
    mutating func cell(
        _ text: String, width: Int, _ style: Style = .plain, right: Bool = false, in buffer: inout CellBuffer
    ) {
        guard width > 0 else { return }
        put(Self.fit(text, width, right: right), style, in: &buffer)
    }

    mutating func skip(_ columns: Int) { x += max(0, columns) }

    static func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
        let cut = Format.fit(text, width: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text: cut)))
        return right ? pad + cut : cut + pad
    }
}
