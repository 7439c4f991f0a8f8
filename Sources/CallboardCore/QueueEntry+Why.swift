import Foundation

/// What a queue row says the next call is for, worded once for the dashboard and
/// `callboard today`.
extension QueueEntry {
    /// "after meeting Fri 4 Dec", "follow-up on opportunity", "retry after voicemail",
    /// "stay in touch, last spoke 3 Sep",
    /// "referral from Anna", "due", "new"; for a timed call, "callback" or "overdue callback
    /// Fri 27 Nov" (its times: ``callbackTimes(sellerZone:hours:)``), or "follow-up on
    /// opportunity" when the time was agreed for an opportunity's next step.
    public func purpose(sellerZone: TimeZone) -> String {
        switch reason {
        case .callback(let at):
            return isOverdue ? "overdue \(timedCall) \(CalendarDay(containing: at, in: sellerZone).shortText)" : timedCall
        case .referral(let from):
            return from.map { "referral from \($0)" } ?? "referral"
        case .afterMeeting(let on):
            return on.map { "after meeting \(CalendarDay(containing: $0, in: sellerZone).shortText)" } ?? "after meeting"
        case .opportunity:
            return "follow-up on opportunity"
        case .retry(let outcome):
            return "retry after \(outcome.label)"
        case .stayInTouch(let lastSpoke):
            return lastSpoke.map { "stay in touch, last spoke \(CalendarDay(containing: $0, in: sellerZone).dayAndMonth)" }
                ?? "stay in touch"
        case .due:
            return "due"
        case .new:
            return "new"
        }
    }

    /// What a call at an agreed time is for: a time agreed for an opportunity's next step
    /// is kept like a callback's (it ranks with the timed calls), but the call is the
    /// opportunity's follow-up, not a callback asked for.
    public var timedCall: String {
        prospect.lastOutcome == .opportunity ? "follow-up on opportunity" : "callback"
    }

    /// A callback's agreed time on both clocks: "10:00 their time · 16:00 yours", or
    /// "16:00 your time (their zone is not known)"; nil for other reasons. With `short`,
    /// "16:00 · 10:00 theirs" for a narrow column.
    public func callbackTimes(sellerZone: TimeZone, hours: BusinessHours = BusinessHours(), short: Bool = false) -> String? {
        guard case .callback(let at) = reason else { return nil }
        let mine = LocalTime(at: at, in: sellerZone, sellerZone: sellerZone, hours: hours).text
        guard let theirs = callbackLocal else {
            return short ? mine : "\(mine) your time (their zone is not known)"
        }
        if theirs.zone.secondsFromGMT(for: at) == sellerZone.secondsFromGMT(for: at) {
            return short ? mine : "\(mine) their time and yours"
        }
        return short ? "\(mine) · \(theirs.text) theirs" : "\(theirs.text) their time · \(mine) yours"
    }
}
