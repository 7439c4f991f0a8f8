import CallboardCore
import Foundation

/// One call on the review screen: the call itself (for its timeline and notes), its
/// figures, and who it was with.
public struct ReviewRow: Hashable, Sendable {
    public var call: Call
    public var figures: CallSummary
    public var name: String
    public var company: String

    public init(
        call: Call, name: String, company: String, types: CallTypes = .standard, untyped: TalkTargets = .standard
    ) {
        self.call = call
        self.figures = CallSummary(call: call, types: types, untyped: untyped)
        self.name = name
        self.company = company
    }
}

/// What the runtime should do after a key on the review screen.
public enum ReviewAction: Hashable, Sendable {
    case none
    /// Back to the dashboard.
    case close
    /// Another day was chosen: read its calls and the summaries of the 30 days ending on
    /// it, then build a new `ReviewState` for it.
    case load(day: CalendarDay)
}

/// The review screen: one day's calls with their figures, and the trend up to that day.
///
/// The runtime builds it from what the store read; keys change it through `handle`, which
/// is pure and asks for a load when the day changes.
public struct ReviewState: Hashable, Sendable {
    public private(set) var day: CalendarDay
    public private(set) var today: CalendarDay
    /// The day's calls in the order they were made.
    public private(set) var rows: [ReviewRow]
    public private(set) var summary: DaySummary
    /// The calling blocks worked that day, in order.
    public private(set) var blocks: [CallingBlockSummary]
    public private(set) var week: Trend
    public private(set) var month: Trend
    public private(set) var weekTotals: DaySummary
    public private(set) var monthTotals: DaySummary
    /// Where the last 7 days differ from the last 30, in words.
    public private(set) var comparison: BaselineComparison
    public private(set) var selection: Int
    public private(set) var isDetailOpen: Bool
    /// A new day was asked for and has not arrived yet.
    public private(set) var isLoading: Bool
    public var targets: TalkTargets
    public var dailyGoal: Int
    /// The seller's zone, for the times of the calls.
    public var zone: TimeZone

    /// Days of summaries the trends need, ending on the reviewed day.
    public static let trendLength = 30

    /// - Parameters:
    ///   - calls: the calls of `day`, in any order.
    ///   - prospects: the prospects called that day whose calls carry no name of their own
    ///     (older calls); others are named from the call.
    ///   - summaries: the store's per-day summaries of (at least) the 30 days ending on `day`;
    ///     a missing day had no calls.
    public init(
        day: CalendarDay, today: CalendarDay, calls: [Call], prospects: [Prospect],
        summaries: [CalendarDay: DaySummary], targets: TalkTargets = .standard, types: CallTypes = .standard,
        dailyGoal: Int = 40, zone: TimeZone, blocks: [CallingBlockSummary] = []
    ) {
        let wanted = Set(calls.map(\.prospectID))
        var labels: [ProspectID: (String, String)] = [:]
        for prospect in prospects where wanted.contains(prospect.id) {
            labels[prospect.id] = (prospect.name, prospect.company)
        }
        self.day = day
        self.today = today
        self.blocks = blocks.sorted { $0.startedAt < $1.startedAt }
        self.rows = calls.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }.map { call in
            // The name stamped on the call at the time serves when the prospect is not given.
            let stamped = call.prospectName.map { ($0, call.prospectCompany ?? "") }
            let label = labels[call.prospectID] ?? stamped ?? (call.prospectID.rawValue, "")
            return ReviewRow(call: call, name: label.0, company: label.1, types: types, untyped: targets)
        }
        // The day's own figures come from the calls on screen, so the summary and the rows
        // always agree; the trends come from the stored summaries.
        self.summary = DaySummary(day: day, summaries: rows.map(\.figures))
        var trendSummaries = summaries
        trendSummaries[day] = rows.isEmpty ? nil : summary
        self.week = Trend(endingOn: day, length: 7, summaries: trendSummaries)
        self.month = Trend(endingOn: day, length: Self.trendLength, summaries: trendSummaries)
        self.weekTotals = DaySummary.total(of: week.days.compactMap { trendSummaries[$0] }, day: day)
        self.monthTotals = DaySummary.total(of: month.days.compactMap { trendSummaries[$0] }, day: day)
        self.comparison = BaselineComparison(week: weekTotals, baseline: monthTotals)
        self.selection = 0
        self.isDetailOpen = false
        self.isLoading = false
        self.targets = targets
        self.dailyGoal = dailyGoal
        self.zone = zone
    }

    /// The call under the cursor, if the day has any.
    public var selectedRow: ReviewRow? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// ←/→ and h/l change the day (never past today), t goes to today, j/k and ↓/↑ move,
    /// Enter opens the call's detail, Esc closes it and then the review.
    public mutating func handle(_ key: Key) -> ReviewAction {
        switch key {
        case .left, .char("h"):
            return go(to: day.adding(days: -1))
        case .right, .char("l"):
            return day < today ? go(to: day.adding(days: 1)) : .none
        case .char("t"):
            return day == today ? .none : go(to: today)
        case .down, .char("j"):
            if selection < rows.count - 1 { selection += 1 }
            return .none
        case .up, .char("k"):
            if selection > 0 { selection -= 1 }
            return .none
        case .home, .char("g"):
            selection = 0
            return .none
        case .end, .char("G"):
            selection = max(0, rows.count - 1)
            return .none
        case .enter:
            if selectedRow != nil { isDetailOpen = true }
            return .none
        case .escape:
            if isDetailOpen {
                isDetailOpen = false
                return .none
            }
            return .close
        default:
            return .none
        }
    }

    private mutating func go(to newDay: CalendarDay) -> ReviewAction {
        day = newDay
        rows = []
        blocks = []
        summary = DaySummary(day: newDay)
        selection = 0
        isDetailOpen = false
        isLoading = true
        return .load(day: newDay)
    }
}
