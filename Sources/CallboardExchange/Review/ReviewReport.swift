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

    /// The name and company a call was stamped with when it was saved; the prospect id for
    /// older calls that carry none and whose prospect is gone.
    public init(stamped name: String?, company: String?, id: ProspectID) {
        self.init(name: name ?? id.rawValue, company: company ?? "")
    }

    /// The ids of the calls' prospects that must be looked up: the calls carry no name.
    public static func unnamed(in calls: [Call]) -> Set<ProspectID> {
        unnamed(calls.lazy.map { ($0.prospectName, $0.prospectID) })
    }

    /// The same for calls known by the name they were saved with (nil: none) and their prospect.
    public static func unnamed(_ calls: some Sequence<(String?, ProspectID)>) -> Set<ProspectID> {
        Set(calls.lazy.filter { $0.0 == nil }.map(\.1))
    }

    /// What a call shows: the looked-up prospect of a call saved without a name, else
    /// the name and company it was saved with.
    public static func of(
        _ id: ProspectID, stamped name: String?, company: String?, lookup: [ProspectID: ProspectLabel]
    ) -> ProspectLabel {
        lookup[id] ?? ProspectLabel(stamped: name, company: company, id: id)
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
        let reviewed = calls.map { call in
            ReviewedCall(
                figures: CallSummary(call: call, types: types, untyped: targets),
                prospect: .of(call.prospectID, stamped: call.prospectName, company: call.prospectCompany, lookup: prospects))
        }
        self.init(day: day, reviewed: reviewed, summary: summary, blocks: blocks)
    }

    /// The same from calls already made into rows (a range report reads them from the
    /// month's summaries), judged and named as the calls would be.
    public init(day: CalendarDay, reviewed: [ReviewedCall], summary: DaySummary? = nil, blocks: [CallingBlockSummary] = []) {
        let ordered = reviewed.sorted {
            ($0.figures.startedAt, $0.figures.callID) < ($1.figures.startedAt, $1.figures.callID)
        }
        self.day = day
        self.blocks = blocks.sorted { $0.startedAt < $1.startedAt }
        self.calls = ordered
        self.totals =
            ordered.isEmpty ? (summary ?? DaySummary(day: day)) : DaySummary(day: day, summaries: ordered.map(\.figures))
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
