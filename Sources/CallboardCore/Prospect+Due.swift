import Foundation

extension Prospect {
    /// The seller's first day on which today's queue shows this prospect: the day of an
    /// agreed callback, else the next call day; nil when they may be called any day now.
    /// Once due, a prospect stays due until called.
    public func dueDay(in zone: TimeZone) -> CalendarDay? {
        if let callback = callbackAt { return CalendarDay(containing: callback, in: zone) }
        return nextCallDay
    }

    /// Whether the queue of `day` shows this prospect: callable, and due by then. The one
    /// rule for "who is due", for the queue, the store's working set and generated histories.
    public func isDue(on day: CalendarDay, in zone: TimeZone) -> Bool {
        guard status.isCallable else { return false }
        return Self.isDue(dueDay: dueDay(in: zone), on: day)
    }

    /// Whether someone callable whose first day in the queue is `dueDay` is in the queue of `day`.
    public static func isDue(dueDay: CalendarDay?, on day: CalendarDay) -> Bool {
        dueDay.map { $0 <= day } ?? true
    }
}
