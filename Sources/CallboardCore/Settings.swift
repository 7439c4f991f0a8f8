import Foundation

/// The hours of the day a prospect can reasonably be phoned, in their own time zone.
public struct BusinessHours: Hashable, Codable, Sendable {
    /// First hour inside business hours, 0...23.
    public var start: Int
    /// First hour past business hours, 1...24.
    public var end: Int

    public init(start: Int = 9, end: Int = 17) {
        self.start = start
        self.end = end
    }

    public func contains(hour: Int) -> Bool { hour >= start && hour < end }

    public var problem: String? {
        guard (0...23).contains(start), (1...24).contains(end) else {
            return "business hours must lie between 0 and 24"
        }
        return start < end ? nil : "business hours must start before they end"
    }
}

/// When to try again after a call that did not reach the prospect.
public struct RetryRule: Hashable, Codable, Sendable {
    /// Business days to wait before the next attempt.
    public var businessDays: Int
    /// Attempts after which an unreached prospect leaves the queue (status stays active;
    /// the seller can schedule them again by hand).
    public var maxAttempts: Int

    public init(businessDays: Int = 1, maxAttempts: Int = 6) {
        self.businessDays = businessDays
        self.maxAttempts = maxAttempts
    }

    /// The day of the next attempt after `today`, or nil when attempts are used up.
    public func nextAttempt(after today: CalendarDay, attemptsSoFar: Int) -> CalendarDay? {
        guard attemptsSoFar < maxAttempts else { return nil }
        var day = today
        for _ in 0..<max(1, businessDays) { day = day.nextBusinessDay }
        return day
    }

    /// What a call that reached nobody means for a prospect with `attemptsBefore`
    /// attempts: which attempt it was, and the day of the next (nil: they leave the queue).
    /// The one rule, for the saved prospect and for the dialog that announces it.
    public func plan(attemptsBefore: Int, on today: CalendarDay) -> RetryPlan {
        let attempt = attemptsBefore + 1
        return RetryPlan(attempt: attempt, of: maxAttempts, next: nextAttempt(after: today, attemptsSoFar: attempt))
    }

    public var problem: String? {
        if businessDays < 1 { return "the retry wait must be at least 1 business day" }
        if maxAttempts < 1 { return "the number of attempts must be at least 1" }
        return nil
    }
}

/// The seller's settings as the core needs them. Where they come from (defaults, the
/// configuration file, flags) is the runtime's business.
public struct Settings: Hashable, Sendable {
    public var sellerName: String
    public var sellerEmail: String
    /// The targets of calls without a type (saved before call types existed).
    public var targets: TalkTargets
    /// The call types and their targets; `t` cycles through them during a call.
    public var callTypes: CallTypes
    public var businessHours: BusinessHours
    public var dailyCallGoal: Int
    public var retry: RetryRule
    /// The outcomes a call can end with, their keys and what each leads to.
    public var outcomes: Outcomes = .standard
    /// Minutes of conversation after which the referral reminder turns prominent.
    public var referralReminderMinutes: Double
    /// The thank-you email template; nil uses ``FollowUpTemplate/standard``.
    public var followUpTemplate: String?
    /// How `Enter` places a call.
    public var dialer: Dialer = .none
    /// What a calling block does between calls.
    public var callingBlock = CallingBlock.Rules()
    /// Whether calls are marked from the headset's audio (the talk keys still win).
    public var handsFree: Bool
    /// Seconds after a talk key during which hands-free detection is ignored.
    public var handsFreeKeySeconds: Double

    public static let defaultHandsFreeKeySeconds = 5.0

    public init(
        sellerName: String = "", sellerEmail: String = "", targets: TalkTargets = .standard,
        businessHours: BusinessHours = BusinessHours(), dailyCallGoal: Int = 40,
        retry: RetryRule = RetryRule(), referralReminderMinutes: Double = 3,
        followUpTemplate: String? = nil, callTypes: CallTypes = .standard, handsFree: Bool = false,
        handsFreeKeySeconds: Double = Settings.defaultHandsFreeKeySeconds
    ) {
        self.callTypes = callTypes
        self.sellerName = sellerName
        self.sellerEmail = sellerEmail
        self.targets = targets
        self.businessHours = businessHours
        self.dailyCallGoal = dailyCallGoal
        self.retry = retry
        self.referralReminderMinutes = referralReminderMinutes
        self.followUpTemplate = followUpTemplate
        self.handsFree = handsFree
        self.handsFreeKeySeconds = handsFreeKeySeconds
    }
}

/// The retry rule applied to one call that reached nobody.
public struct RetryPlan: Hashable, Sendable {
    /// This call's attempt, from 1.
    public var attempt: Int
    public var of: Int
    /// The day of the next attempt; nil when this was the last.
    public var next: CalendarDay?
}
