import Foundation

/// What the seller answered in the end-of-call dialogs so far: kept with the live call
/// when they go back to it, and in its checkpoint, so neither Esc nor a crash loses a
/// referral typed or an outcome chosen.
public struct EndOfCallAnswers: Hashable, Codable, Sendable {
    /// Whether the prospect was heard before the hang-up.
    public var prospectSpoke: Bool
    /// Whether the ask was marked with `a` during the call.
    public var askedDuringCall: Bool
    public var referralAsk: ReferralAsk
    /// A referral being typed, not yet added.
    public var referralText: String
    public var referrals: [Referral]
    public var outcome: Outcome?
    /// The next step as typed ("fri 14:30").
    public var nextStepText: String
    /// The next step as understood, once accepted.
    public var nextStepAt: Date?
    /// The follow-up as last shown.
    public var draft: FollowUp?
    /// The draft as generated when the seller last edited it; nil while it is still the
    /// generated one.
    public var editedFrom: FollowUp?

    public init(
        prospectSpoke: Bool = false, askedDuringCall: Bool = false, referralAsk: ReferralAsk = .notAsked,
        referralText: String = "", referrals: [Referral] = [], outcome: Outcome? = nil, nextStepText: String = "",
        nextStepAt: Date? = nil, draft: FollowUp? = nil, editedFrom: FollowUp? = nil
    ) {
        self.prospectSpoke = prospectSpoke
        self.askedDuringCall = askedDuringCall
        self.referralAsk = referralAsk
        self.referralText = referralText
        self.referrals = referrals
        self.outcome = outcome
        self.nextStepText = nextStepText
        self.nextStepAt = nextStepAt
        self.draft = draft
        self.editedFrom = editedFrom
    }
}
