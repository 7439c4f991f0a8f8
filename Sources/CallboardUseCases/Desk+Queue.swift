import CallboardCore
import CallboardStore
import Foundation

/// What the dashboard's first frame needs.
public struct DashboardStart: Hashable, Sendable {
    /// The queue of now: all of it, or its first rows when it is long.
    public var queue: QueuePart
    /// Calls started today, for the progress against the daily goal.
    public var callsToday: Int
    /// False when the working set was rebuilt in memory and is still to be written
    /// (``Desk/keepWorkingSet(today:)``).
    public var isWorkingSetStored = true
}

/// Rows of the queue of a day at an instant, with what the dashboard needs beside them.
public struct QueuePart: Hashable, Sendable {
    public var window: QueueWindow
    public var referrerNames: [ProspectID: String]
    public var zoneReach: [String: ReachCounts]
    /// True only when the store holds no prospect at all: the welcome screen.
    public var isStoreEmpty: Bool
    /// The prospects of the rows.
    public var prospects: [Prospect] { window.entries.map(\.prospect) }
}

/// The queue of one day, with what a report about it needs.
public struct QueueDay: Hashable, Sendable {
    public var day: CalendarDay
    public var entries: [QueueEntry]
    /// The working set the queue was made from.
    public var prospects: [Prospect]
    public var referrerNames: [ProspectID: String]
    public var zoneReach: [String: ReachCounts]
    public var isStoreEmpty: Bool
    /// The instant each prospect's local time is read at: now for today's queue, the start
    /// of the seller's business hours for another day.
    public var seenAt: Date
    public var isNow: Bool
}

extension Desk {
    /// Days looked back for follow-ups not yet sent when the dashboard opens.
    public static let pendingLookback = 14

    /// A queue this long or shorter is read whole; a longer one a window at a time.
    public static let wholeQueueLimit = 1000
    /// Rows in a window of a longer queue: more than any screen shows.
    public static let queueWindowRows = 200

    /// The queue of now (all of it, or its first ``queueWindowRows`` rows when it is
    /// longer than ``wholeQueueLimit``) and today's call count, read from the month's
    /// summaries rather than today's calls. Nothing is written: when no stored index
    /// answers for today (a new day, an older store) the working set is rebuilt in memory,
    /// and ``keepWorkingSet(today:)`` writes it once the first frame is drawn, so the frame
    /// never waits for the disk.
    public func dashboardStart(now: Date) throws(StoreError) -> DashboardStart {
        let today = day(of: now)
        let callsToday = try store.summaries(from: today, to: today).first?.dials ?? 0
        if let queue = try pagedPart(
            on: today, now: now, from: 0, rows: Self.queueWindowRows, wholeUpTo: Self.wholeQueueLimit, rebuilding: false)
        {
            return DashboardStart(queue: queue, callsToday: callsToday)
        }
        let (working, isStored) = try store.workingSetInMemory(today: today)
        let queue = Self.part(
            of: queue(from: working, on: today, now: now), from: 0, rows: Self.queueWindowRows, wholeUpTo: Self.wholeQueueLimit,
            now: now)
        return DashboardStart(queue: queue, callsToday: callsToday, isWorkingSetStored: isStored)
    }

    /// Writes the working set of `today` unless one covering it is stored already, every
    /// page of it readable (built again, under the store's lock, so a save made meanwhile
    /// by another process is in it). A page lost or broken would otherwise have every
    /// start rebuild the queue from the buckets until the next save.
    public func keepWorkingSet(today: CalendarDay) throws(StoreError) {
        guard let index = try store.queueIndex(today: today), !store.hasEveryPage(of: index) else { return }
        _ = try store.workingSet(today: today)
    }

    /// Rows `from ..< from + rows` of the queue of `day` at `now` (moved back so the window
    /// is full when the queue is long enough); all of it when it has no more than
    /// `wholeUpTo` rows. Reads the queue's index and the pages the rows are on, and only
    /// when those cannot answer (a day before the index was built) the whole working set.
    /// The rows are those, and in the order, of ``queue(on:now:)``.
    public func queuePart(on day: CalendarDay, now: Date, from: Int, rows: Int, wholeUpTo: Int = 0)
        throws(StoreError) -> QueuePart
    {
        if let part = try pagedPart(on: day, now: now, from: from, rows: rows, wholeUpTo: wholeUpTo, rebuilding: true) {
            return part
        }
        return Self.part(of: try queue(on: day, now: now), from: from, rows: rows, wholeUpTo: wholeUpTo, now: now)
    }

    /// The window read from the queue's index and the pages its rows are on; nil when no
    /// index answers for `day` (one out of date is rebuilt first when `rebuilding`).
    func pagedPart(on day: CalendarDay, now: Date, from: Int, rows: Int, wholeUpTo: Int, rebuilding: Bool)
        throws(StoreError) -> QueuePart?
    {
        let seen = seenAt(day, now: now)
        guard let index = try store.queueIndex(today: day, rebuildingIfStale: rebuilding) else { return nil }
        let order = CallQueue.order(
            of: index.places, examples: index.examples, today: day, now: seen, zone: zone,
            hours: settings.businessHours, outcomes: settings.outcomes, zoneReach: index.zoneReach)
        let rows = Self.window(of: order.count, from: from, rows: rows, wholeUpTo: wholeUpTo)
        guard let prospects = store.members(Array(order[rows]), of: index) else { return nil }
        let entries = CallQueue.entries(
            prospects: prospects, today: day, now: seen, zone: zone, hours: settings.businessHours,
            referrerNames: index.referrerNames, outcomes: settings.outcomes, zoneReach: index.zoneReach)
        return QueuePart(
            window: QueueWindow(entries: entries, offset: rows.lowerBound, count: order.count, orderedAt: now),
            referrerNames: index.referrerNames, zoneReach: index.zoneReach, isStoreEmpty: index.isStoreEmpty)
    }

    /// A window of a whole day's queue, ordered at `now`.
    static func part(of queue: QueueDay, from: Int, rows: Int, wholeUpTo: Int, now: Date) -> QueuePart {
        let part = window(of: queue.entries.count, from: from, rows: rows, wholeUpTo: wholeUpTo)
        return QueuePart(
            window: QueueWindow(
                entries: Array(queue.entries[part]), offset: part.lowerBound, count: queue.entries.count, orderedAt: now),
            referrerNames: queue.referrerNames, zoneReach: queue.zoneReach, isStoreEmpty: queue.isStoreEmpty)
    }

    /// The rows of a window: all of a queue of no more than `wholeUpTo`, else `rows` from
    /// `from`, moved back so the window is full.
    static func window(of count: Int, from: Int, rows: Int, wholeUpTo: Int) -> Range<Int> {
        if count <= wholeUpTo { return 0..<count }
        let start = max(0, min(from, count - rows))
        return start..<min(count, start + rows)
    }

    /// The instant a day's queue reads local times at: now for today's queue, the start of
    /// the seller's business hours for another day.
    func seenAt(_ day: CalendarDay, now: Date) -> Date {
        self.day(of: now) == day ? now : (day.at(hour: settings.businessHours.start, minute: 0, in: zone) ?? now)
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
        queue(from: try store.workingSet(today: day), on: day, now: now)
    }

    /// The queue of `day` at `now` among the prospects of `working`.
    func queue(from working: WorkingSet, on day: CalendarDay, now: Date) -> QueueDay {
        let isNow = self.day(of: now) == day
        let seen = seenAt(day, now: now)
        let entries = CallQueue.entries(
            prospects: working.prospects, today: day, now: seen, zone: zone, hours: settings.businessHours,
            referrerNames: working.referrerNames, outcomes: settings.outcomes, zoneReach: working.zoneReach)
        return QueueDay(
            day: day, entries: entries, prospects: working.prospects, referrerNames: working.referrerNames,
            zoneReach: working.zoneReach, isStoreEmpty: working.isStoreEmpty, seenAt: seen, isNow: isNow)
    }
}
