import CallboardCore
import CallboardStore
import Foundation

/// What the dashboard's first frame needs.
public struct DashboardStart: Hashable, Sendable {
    /// Everyone today's queue can need, not every prospect filed.
    public var workingSet: WorkingSet
    /// Calls started today, for the progress against the daily goal.
    public var callsToday: Int
    /// False when the working set was rebuilt in memory and is still to be written
    /// (``Desk/keepWorkingSet(today:)``).
    public var isWorkingSetStored = true
}

/// The queue of one day, with what a report about it needs.
public struct QueueDay: Hashable, Sendable {
    public var day: CalendarDay
    public var entries: [QueueEntry]
    /// The working set the queue was made from.
    public var prospects: [Prospect]
    public var referrerNames: [ProspectID: String]
    /// The instant each prospect's local time is read at: now for today's queue, the start
    /// of the seller's business hours for another day.
    public var seenAt: Date
    public var isNow: Bool
}

extension Desk {
    /// Days looked back for follow-ups not yet sent when the dashboard opens.
    public static let pendingLookback = 14

    /// The working set (`queue.json`) and today's call count, read from the month's
    /// summaries rather than today's calls. Nothing is written: a working set rebuilt for
    /// the first frame is kept by ``keepWorkingSet(today:)`` once that frame is drawn, so
    /// the frame never waits for the disk.
    public func dashboardStart(today: CalendarDay) throws(StoreError) -> DashboardStart {
        let (working, isStored) = try store.workingSetInMemory(today: today)
        let callsToday = try store.summaries(from: today, to: today).first?.dials ?? 0
        return DashboardStart(workingSet: working, callsToday: callsToday, isWorkingSetStored: isStored)
    }

    /// Writes the working set of `today` unless one covering it is stored already (built
    /// again, under the store's lock, so a save made meanwhile by another process is in it).
    public func keepWorkingSet(today: CalendarDay) throws(StoreError) {
        _ = try store.workingSet(today: today)
    }

    /// Calls of the last two weeks whose follow-up is not yet sent, and those of their
    /// prospects not among `known`. Reads two weeks of summaries, then only the days they
    /// say still owe one; the prospects come from the recent callees, and only those not
    /// there from their buckets.
    public func followUpsOwed(today: CalendarDay, known: Set<ProspectID>) throws(StoreError)
        -> (calls: [Call], prospects: [Prospect])
    {
        let days = try store.summaries(from: today.adding(days: 1 - Self.pendingLookback), to: today)
        var pendingCalls: [Call] = []
        for summary in days.reversed() where summary.followUpsPending > 0 {
            pendingCalls += try store.calls(on: summary.day).filter { $0.followUp?.status == .pending }
        }
        var missing = Set(pendingCalls.map(\.prospectID)).subtracting(known)
        guard !missing.isEmpty else { return (pendingCalls, []) }
        let recent = store.recentlyCalled().filter { missing.contains($0.id) }
        missing.subtract(recent.map(\.id))
        return (pendingCalls, recent + (try store.prospects(ids: missing)))
    }

    /// The queue of `day` as it stands at `now`: today's at this moment, another day's
    /// from the start of its business hours.
    public func queue(on day: CalendarDay, now: Date) throws(StoreError) -> QueueDay {
        let working = try store.workingSet(today: day)
        let isNow = self.day(of: now) == day
        let seen = isNow ? now : (day.at(hour: settings.businessHours.start, minute: 0, in: zone) ?? now)
        let entries = CallQueue.entries(
            prospects: working.prospects, today: day, now: seen, zone: zone, hours: settings.businessHours,
            referrerNames: working.referrerNames, outcomes: settings.outcomes, zoneReach: working.zoneReach)
        return QueueDay(
            day: day, entries: entries, prospects: working.prospects, referrerNames: working.referrerNames,
            seenAt: seen, isNow: isNow)
    }
}
