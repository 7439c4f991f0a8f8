import Foundation

/// The figures of one finished (or live) call, for the review.
public struct CallSummary: Hashable, Codable, Sendable {
    public var callID: CallID
    public var prospectID: ProspectID
    public var startedAt: Date
    public var duration: Double
    public var me: Double
    public var prospect: Double
    public var silence: Double
    public var longestMonologue: Double
    public var outcome: Outcome?
    public var referralAsk: ReferralAsk
    public var referralNames: [String]
    public var followUp: FollowUp.Status?
    /// The callback or meeting agreed on the call, if any.
    public var nextStepAt: Date?

    public init(call: Call) {
        let figures = TalkFigures(
            segments: call.segments, elapsed: call.duration ?? call.segments.last?.end ?? 0,
            state: .ended, openSince: 0, targets: .standard)
        callID = call.id
        prospectID = call.prospectID
        startedAt = call.startedAt
        duration = call.duration ?? figures.elapsed
        me = figures.me
        prospect = figures.prospect
        silence = figures.silence
        longestMonologue = figures.longestMonologue
        outcome = call.outcome
        referralAsk = call.referralAsk
        referralNames = call.referrals.map(\.name)
        followUp = call.followUp?.status
        nextStepAt = call.nextStepAt
    }

    /// My share of talk; nil when nobody spoke, and for a call that was no conversation
    /// (a voicemail, no answer, a gatekeeper): a message left is not a share of a talk.
    public var myShare: Double? { isConversation && me + prospect > 0 ? me / (me + prospect) : nil }

    /// A call counts as a conversation when its outcome says the prospect was reached, or,
    /// before an outcome is set, when the prospect spoke.
    public var isConversation: Bool { outcome?.isConversation ?? (prospect > 0) }
}

/// One day's totals. Small and additive: the store keeps one per day so a trend over
/// months reads a few hundred of these instead of every call.
public struct DaySummary: Hashable, Codable, Sendable {
    public var day: CalendarDay
    public var dials: Int
    public var conversations: Int
    /// Seconds of all calls, hold and silence included.
    public var callSeconds: Double
    /// Seconds of talk and silence in conversations; dials that reached nobody add none.
    public var me: Double
    public var prospect: Double
    public var silence: Double
    /// Conversations whose share of talk was inside the target band.
    public var callsInBand: Int
    /// Conversations with a measured share (someone spoke), the denominator of `callsInBand`.
    public var callsWithShare: Int
    public var longestMonologue: Double
    public var referralAsks: Int
    public var referralsGained: Int
    public var followUpsSent: Int
    public var followUpsPending: Int
    public var followUpsSkipped: Int

    public init(day: CalendarDay) {
        self.day = day
        dials = 0
        conversations = 0
        callSeconds = 0
        me = 0
        prospect = 0
        silence = 0
        callsInBand = 0
        callsWithShare = 0
        longestMonologue = 0
        referralAsks = 0
        referralsGained = 0
        followUpsSent = 0
        followUpsPending = 0
        followUpsSkipped = 0
    }

    public init(day: CalendarDay, calls: [Call], targets: TalkTargets) {
        self.init(day: day, summaries: calls.map(CallSummary.init(call:)), targets: targets)
    }

    public init(day: CalendarDay, summaries: [CallSummary], targets: TalkTargets) {
        self.init(day: day)
        for call in summaries {
            dials += 1
            callSeconds += call.duration
            referralsGained += call.referralNames.count
            switch call.followUp {
            case .sent?: followUpsSent += 1
            case .pending?: followUpsPending += 1
            case .skipped?: followUpsSkipped += 1
            case nil: break
            }
            // A message left on a voicemail is no talk with the prospect: only
            // conversations count towards the shares of talk.
            guard call.isConversation else { continue }
            conversations += 1
            me += call.me
            prospect += call.prospect
            silence += call.silence
            longestMonologue = max(longestMonologue, call.longestMonologue)
            if call.referralAsk == .asked { referralAsks += 1 }
            if let share = call.myShare {
                callsWithShare += 1
                if targets.verdict(forShare: share) == .onTarget { callsInBand += 1 }
            }
        }
    }

    /// My share over the day, weighted by talk time.
    public var myShare: Double? { me + prospect > 0 ? me / (me + prospect) : nil }

    /// Referral asks per conversation.
    public var referralAskRate: Double? {
        conversations > 0 ? Double(referralAsks) / Double(conversations) : nil
    }

    /// Follow-ups sent per follow-up owed (sent or pending).
    public var followUpRate: Double? {
        let owed = followUpsSent + followUpsPending
        return owed > 0 ? Double(followUpsSent) / Double(owed) : nil
    }

    /// The totals of several days, e.g. a week.
    public static func total(of days: [DaySummary], day: CalendarDay) -> DaySummary {
        var sum = DaySummary(day: day)
        for d in days {
            sum.dials += d.dials
            sum.conversations += d.conversations
            sum.callSeconds += d.callSeconds
            sum.me += d.me
            sum.prospect += d.prospect
            sum.silence += d.silence
            sum.callsInBand += d.callsInBand
            sum.callsWithShare += d.callsWithShare
            sum.longestMonologue = max(sum.longestMonologue, d.longestMonologue)
            sum.referralAsks += d.referralAsks
            sum.referralsGained += d.referralsGained
            sum.followUpsSent += d.followUpsSent
            sum.followUpsPending += d.followUpsPending
            sum.followUpsSkipped += d.followUpsSkipped
        }
        return sum
    }
}

/// A series of days for a trend: one value per day, nil for days without the figure.
public struct Trend: Hashable, Sendable {
    public var days: [CalendarDay]
    public var myShare: [Double?]
    public var referralAskRate: [Double?]
    public var followUpsSent: [Double?]

    /// `summaries` may have gaps; a missing day has no calls.
    public init(endingOn last: CalendarDay, length: Int, summaries: [CalendarDay: DaySummary]) {
        let count = max(0, length)
        days = (0..<count).map { last.adding(days: $0 - count + 1) }
        myShare = days.map { summaries[$0]?.myShare }
        referralAskRate = days.map { summaries[$0]?.referralAskRate }
        followUpsSent = days.map { summaries[$0].map { Double($0.followUpsSent) } }
    }
}
