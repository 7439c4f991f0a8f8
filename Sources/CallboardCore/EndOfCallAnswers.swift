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
    /// Whether the seller answered the referral question, so an unanswered one is never
    /// reported back as "I did not ask".
    public var askAnswered: Bool
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
        askAnswered: Bool = false, referralText: String = "", referrals: [Referral] = [], outcome: Outcome? = nil,
        nextStepText: String = "", nextStepAt: Date? = nil, draft: FollowUp? = nil, editedFrom: FollowUp? = nil
    ) {
        self.prospectSpoke = prospectSpoke
        self.askedDuringCall = askedDuringCall
        self.referralAsk = referralAsk
        self.askAnswered = askAnswered
        self.referralText = referralText
        self.referrals = referrals
        self.outcome = outcome
        self.nextStepText = nextStepText
        self.nextStepAt = nextStepAt
        self.draft = draft
        self.editedFrom = editedFrom
    }

    /// Whether anything was answered or typed at all.
    public var isEmpty: Bool {
        !askAnswered && referralText.isEmpty && referrals.isEmpty && outcome == nil && nextStepText.isEmpty
            && draft == nil
    }

    private enum CodingKeys: String, CodingKey {
        case prospectSpoke, askedDuringCall, referralAsk, askAnswered, referralText, referrals, outcome
        case nextStepText, nextStepAt, draft, editedFrom
    }

    /// Every key may be missing, so a checkpoint from before a field existed still loads.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            prospectSpoke: try c.decodeIfPresent(Bool.self, forKey: .prospectSpoke) ?? false,
            askedDuringCall: try c.decodeIfPresent(Bool.self, forKey: .askedDuringCall) ?? false,
            referralAsk: try c.decodeIfPresent(ReferralAsk.self, forKey: .referralAsk) ?? .notAsked,
            askAnswered: try c.decodeIfPresent(Bool.self, forKey: .askAnswered) ?? false,
            referralText: try c.decodeIfPresent(String.self, forKey: .referralText) ?? "",
            referrals: try c.decodeIfPresent([Referral].self, forKey: .referrals) ?? [],
            outcome: try c.decodeIfPresent(Outcome.self, forKey: .outcome),
            nextStepText: try c.decodeIfPresent(String.self, forKey: .nextStepText) ?? "",
            nextStepAt: try c.decodeIfPresent(Date.self, forKey: .nextStepAt),
            draft: try c.decodeIfPresent(FollowUp.self, forKey: .draft),
            editedFrom: try c.decodeIfPresent(FollowUp.self, forKey: .editedFrom))
    }
}
