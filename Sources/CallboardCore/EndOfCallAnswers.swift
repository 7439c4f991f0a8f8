import Foundation

/// What the seller answered in the end-of-call dialogs so far: kept with the live call
/// when they go back to it, and in its checkpoint, so neither Esc nor a crash loses a
/// referral typed or an outcome chosen. The facts of the hang-up (whether the prospect
/// spoke, whether `a` marked the ask) are the live call's and are not copied here.
public struct EndOfCallAnswers: Hashable, Codable, Sendable {
    /// `y` or `n` to "did you ask for referrals?"; nil until answered, so an unanswered
    /// question is never reported back as "I did not ask".
    public var askAnswer: Bool?
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
        askAnswer: Bool? = nil, referralText: String = "", referrals: [Referral] = [], outcome: Outcome? = nil,
        nextStepText: String = "", nextStepAt: Date? = nil, draft: FollowUp? = nil, editedFrom: FollowUp? = nil
    ) {
        self.askAnswer = askAnswer
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
        askAnswer == nil && referralText.isEmpty && referrals.isEmpty && outcome == nil && nextStepText.isEmpty
            && draft == nil
    }

    /// Whether the seller asked for referrals: their answer, else the mark made with `a`.
    public func referralAsk(markedDuringCall: Bool) -> ReferralAsk {
        (askAnswer ?? markedDuringCall) ? .asked : .notAsked
    }

    /// Whether the seller reached the prospect: by the outcome once chosen, before that by
    /// whether the prospect spoke.
    public func connected(prospectSpoke: Bool, outcomes: Outcomes = .standard) -> Bool {
        outcome.map { outcomes.rule(for: $0).isConversation } ?? prospectSpoke
    }

    /// The call as saved: `live` (its segments, notes and the ask marked during it) with
    /// these answers. The one place answers become a `Call`.
    ///
    /// - Parameters:
    ///   - prospectSpoke: whether the prospect was heard before the hang-up.
    ///   - followUp: the status of the thank-you email, or nil when none is kept.
    public func finished(
        _ live: Call, segments: [TalkSegment], duration: Double, prospectSpoke: Bool,
        followUp: FollowUp.Status? = nil, outcomes: Outcomes = .standard
    ) -> Call {
        var call = live
        call.duration = duration
        call.segments = segments
        call.outcome = outcome
        let rule = outcome.map(outcomes.rule(for:))
        call.conversation = rule?.isConversation
        let ask = referralAsk(markedDuringCall: live.referralAsk == .asked)
        call.referralAsk = connected(prospectSpoke: prospectSpoke, outcomes: outcomes) ? ask : .notApplicable
        // Names typed before the answer was changed to "did not ask" are not saved.
        call.referrals = call.referralAsk == .asked ? referrals : []
        call.nextStepAt = rule?.asksTime == true ? nextStepAt : nil
        if let followUp, var draft {
            draft.status = followUp
            call.followUp = draft
        }
        return call
    }

    private enum CodingKeys: String, CodingKey {
        case askAnswer, referralText, referrals, outcome, nextStepText, nextStepAt, draft, editedFrom
        // Earlier checkpoints kept the answer in two fields.
        case referralAsk, askAnswered
    }

    /// Every key may be missing, so a checkpoint from before a field existed still loads.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var answer = try c.decodeIfPresent(Bool.self, forKey: .askAnswer)
        if answer == nil, try c.decodeIfPresent(Bool.self, forKey: .askAnswered) == true {
            answer = try c.decodeIfPresent(ReferralAsk.self, forKey: .referralAsk) == .asked
        }
        self.init(
            askAnswer: answer,
            referralText: try c.decodeIfPresent(String.self, forKey: .referralText) ?? "",
            referrals: try c.decodeIfPresent([Referral].self, forKey: .referrals) ?? [],
            outcome: try c.decodeIfPresent(Outcome.self, forKey: .outcome),
            nextStepText: try c.decodeIfPresent(String.self, forKey: .nextStepText) ?? "",
            nextStepAt: try c.decodeIfPresent(Date.self, forKey: .nextStepAt),
            draft: try c.decodeIfPresent(FollowUp.self, forKey: .draft),
            editedFrom: try c.decodeIfPresent(FollowUp.self, forKey: .editedFrom))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(askAnswer, forKey: .askAnswer)
        if !referralText.isEmpty { try c.encode(referralText, forKey: .referralText) }
        if !referrals.isEmpty { try c.encode(referrals, forKey: .referrals) }
        try c.encodeIfPresent(outcome, forKey: .outcome)
        if !nextStepText.isEmpty { try c.encode(nextStepText, forKey: .nextStepText) }
        try c.encodeIfPresent(nextStepAt, forKey: .nextStepAt)
        try c.encodeIfPresent(draft, forKey: .draft)
        try c.encodeIfPresent(editedFrom, forKey: .editedFrom)
    }
}
