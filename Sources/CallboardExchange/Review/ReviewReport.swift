import CallboardCore
import Foundation

/// The name and company a report shows for a prospect.
public struct ProspectLabel: Hashable, Sendable {
    public var name: String
    public var company: String

    public init(name: String, company: String = "") {
        self.name = name
        self.company = company
    }

    public init(_ prospect: Prospect) {
        self.init(name: prospect.name, company: prospect.company)
    }

    /// The name and company the call was stamped with when it was saved; the prospect id
    /// for older calls that carry none and whose prospect is gone.
    public init(stampedOn call: Call) {
        self.init(name: call.prospectName ?? call.prospectID.rawValue, company: call.prospectCompany ?? "")
    }

    /// The ids of the calls' prospects that must be looked up: the calls carry no name.
    public static func unnamed(in calls: [Call]) -> Set<ProspectID> {
        Set(calls.filter { $0.prospectName == nil }.map(\.prospectID))
    }

    /// The labels of a prospects list, by id.
    public static func lookup(_ prospects: [Prospect]) -> [ProspectID: ProspectLabel] {
        Dictionary(prospects.map { ($0.id, ProspectLabel($0)) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One call as a report row: its figures and who it was with.
public struct ReviewedCall: Hashable, Sendable {
    public var figures: CallSummary
    public var prospect: ProspectLabel

    public init(figures: CallSummary, prospect: ProspectLabel) {
        self.figures = figures
        self.prospect = prospect
    }
}

/// One day of calls with its totals.
public struct DayReport: Hashable, Sendable {
    public var day: CalendarDay
    /// The calls in the order they were made. Empty when the day has no calls, or when
    /// only the totals were read (a range report in text or markdown).
    public var calls: [ReviewedCall]
    public var totals: DaySummary
    /// The calling blocks worked that day, in order; empty when none were (or when they
    /// were not read).
    public var blocks: [CallingBlockSummary]

    /// The totals are worked out from `calls` whenever there are any, as the review screen
    /// does, so a day's figures never depend on which of the two shows them; `summary`, the
    /// store's figure for the day, serves only when its calls were not read. `prospects` names calls saved without a name of their own; the rest
    /// are named from the call. A call with neither shows the prospect id as its name.
    public init(
        day: CalendarDay, calls: [Call], prospects: [ProspectID: ProspectLabel],
        summary: DaySummary? = nil, targets: TalkTargets = .standard, types: CallTypes = .standard,
        blocks: [CallingBlockSummary] = []
    ) {
        let ordered = calls.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let figures = ordered.map { CallSummary(call: $0, types: types, untyped: targets) }
        self.day = day
        self.blocks = blocks.sorted { $0.startedAt < $1.startedAt }
        self.calls = zip(ordered, figures).map { call, figures in
            ReviewedCall(figures: figures, prospect: prospects[call.prospectID] ?? ProspectLabel(stampedOn: call))
        }
        self.totals =
            figures.isEmpty ? (summary ?? DaySummary(day: day)) : DaySummary(day: day, summaries: figures)
    }
}

/// Several days, each with its totals, and the totals of them all.
public struct RangeReport: Hashable, Sendable {
    public var from: CalendarDay
    public var to: CalendarDay
    public var days: [DayReport]
    public var totals: DaySummary

    public init(from: CalendarDay, to: CalendarDay, days: [DayReport]) {
        self.from = from
        self.to = to
        self.days = days.sorted { $0.day < $1.day }
        self.totals = DaySummary.total(of: days.map(\.totals), day: from)
    }
}

/// The formats `callboard review` writes.
public enum ReviewFormat: String, CaseIterable, Sendable {
    case text, json, csv, markdown

    /// Whether the format lists every call, so a range report must read each day's calls
    /// and not only its summary.
    public var listsCalls: Bool { self == .json || self == .csv }
}
