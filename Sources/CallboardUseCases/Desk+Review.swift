import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// What the review screen of a day reads from the store.
public struct ReviewScreenData: Hashable, Sendable {
    public var day: CalendarDay
    /// The day's calls.
    public var calls: [Call]
    /// Prospects of calls saved without their prospect's name (older versions).
    public var prospects: [Prospect]
    /// The per-day summaries of the trend's days, ending on `day`.
    public var summaries: [CalendarDay: DaySummary]
    /// The calling blocks worked on `day`.
    public var blocks: [CallingBlockSummary] = []
}

extension Desk {
    /// One day: its calls, the totals worked out from them (as on the review screen).
    public func dayReport(_ day: CalendarDay) throws(StoreError) -> DayReport {
        let calls = try store.calls(on: day)
        let prospects = ProspectLabel.lookup(try store.prospects(ids: ProspectLabel.unnamed(in: calls)))
        return DayReport(day: day, calls: calls, prospects: prospects, targets: settings.targets,
            types: settings.callTypes, blocks: try store.blocks(on: day))
    }

    /// Every day of a range. Totals come from the per-day summaries; with `withCalls`, the
    /// calls of the days that had some come as the rows kept beside them, so no day file
    /// is opened (but for days whose rows an earlier version did not keep).
    public func rangeReport(from first: CalendarDay, to last: CalendarDay, withCalls: Bool) throws(StoreError)
        -> RangeReport
    {
        let days = ReviewPeriod.range(from: first, to: last).days
        // One read of the months gives both the totals and, where asked for, the rows.
        let (totals, rows) =
            withCalls
            ? try store.callRows(from: first, to: last, types: settings.callTypes, targets: settings.targets)
            : (try store.summaries(from: first, to: last), [:])
        let summaries = Dictionary(totals.map { ($0.day, $0) }, uniquingKeysWith: { _, later in later })
        var calls: [[CallRow]] = []
        var blocks: [[CallingBlockSummary]] = []
        for day in days {
            let worked = withCalls && (summaries[day]?.dials ?? 0) > 0
            calls.append(worked ? rows[day] ?? [] : [])
            blocks.append(worked ? try store.blocks(on: day) : [])
        }
        // Calls carry their prospect's name; only older ones need the prospects read.
        let unnamed = ProspectLabel.unnamed(calls.joined().lazy.map { ($0.prospectName, $0.figures.prospectID) })
        let prospects = ProspectLabel.lookup(try store.prospects(ids: unnamed))
        let reports = days.indices.map { i in
            let reviewed = calls[i].map { row in
                ReviewedCall(
                    figures: row.figures,
                    prospect: .of(
                        row.figures.prospectID, stamped: row.prospectName, company: row.prospectCompany, lookup: prospects))
            }
            return DayReport(
                day: days[i], reviewed: reviewed, summary: summaries[days[i]] ?? DaySummary(day: days[i]),
                blocks: blocks[i])
        }
        return RangeReport(from: first, to: last, days: reports)
    }

    /// The review screen of `day`: its calls and the summaries of the `trendLength` days
    /// ending on it. Never reads other days' calls.
    public func reviewScreen(_ day: CalendarDay, trendLength: Int) throws(StoreError) -> ReviewScreenData {
        let calls = try store.calls(on: day)
        let prospects = try store.prospects(ids: ProspectLabel.unnamed(in: calls))
        let summaries = Dictionary(
            try store.summaries(from: day.adding(days: 1 - trendLength), to: day).map { ($0.day, $0) },
            uniquingKeysWith: { _, later in later })
        return ReviewScreenData(
            day: day, calls: calls, prospects: prospects, summaries: summaries, blocks: try store.blocks(on: day))
    }
}
