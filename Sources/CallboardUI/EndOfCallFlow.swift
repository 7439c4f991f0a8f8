import CallboardCore
import Foundation

/// The dialogs after `e`: referral ask, referrals, outcome, next step, follow-up email.
/// Each step can go back with Esc; what was typed stays.
public struct EndOfCallFlow: Hashable, Sendable {
    public enum Step: Hashable, Sendable {
        case referralAsk, referrals, outcome, nextStep, followUp

        public var keyContext: KeyContext {
            switch self {
            case .referralAsk: .referralAsk
            case .referrals: .referralEntry
            case .outcome: .outcome
            case .nextStep: .nextStep
            case .followUp: .followUpDraft
            }
        }
    }

    public var step: Step
    /// Steps already answered, for Esc.
    public var history: [Step]
    /// The instant `e` was pressed: the hang-up.
    public var hangUp: Moment
    /// Whether the prospect was heard before the hang-up; calls that never connected skip
    /// the referral ask until an outcome says otherwise.
    public var prospectSpoke: Bool
    /// The ask as marked during the call with `a`, before the dialog.
    public var askedDuringCall: Bool
    public var referralAsk: ReferralAsk
    /// Whether `y` or `n` answered the referral question.
    public var askAnswered = false
    public var referralField: TextField
    public var referrals: [Referral]
    public var outcome: Outcome?
    public var nextStepField: TextField
    public var nextStepAt: Date?
    /// Why the typed date was refused; the field keeps its text.
    public var nextStepError: String?
    public var draft: FollowUp?
    /// The draft as generated when the seller last edited it in `$EDITOR`; nil while the
    /// draft is still the generated one, which is then rebuilt whenever the answers change.
    public var editedFrom: FollowUp?
    /// Whether the answers changed since the seller's edit, so their kept text may be
    /// out of date.
    public var editedDraftIsOutdated = false
    /// Whether the answers came back from an earlier `e`, so the dialog can say so.
    public var isRestored = false

    public init(hangUp: Moment, prospectSpoke: Bool, askedDuringCall: Bool) {
        self.hangUp = hangUp
        self.prospectSpoke = prospectSpoke
        self.askedDuringCall = askedDuringCall
        referralAsk = askedDuringCall ? .asked : .notAsked
        referralField = TextField()
        referrals = []
        outcome = nil
        nextStepField = TextField()
        nextStepAt = nil
        nextStepError = nil
        draft = nil
        editedFrom = nil
        history = []
        step = .outcome
        step = firstStep
    }

    /// The answers given so far, as kept with the call and in its checkpoint.
    public var answers: EndOfCallAnswers {
        EndOfCallAnswers(
            prospectSpoke: prospectSpoke, askedDuringCall: askedDuringCall, referralAsk: referralAsk,
            askAnswered: askAnswered, referralText: referralField.text, referrals: referrals, outcome: outcome,
            nextStepText: nextStepField.text, nextStepAt: nextStepAt, draft: draft, editedFrom: editedFrom)
    }

    /// A flow begun again with `e` after Esc back to the call, or after a crash: the
    /// answers given before come back, and it starts at the same first step as then.
    mutating func restore(_ saved: EndOfCallAnswers) {
        prospectSpoke = prospectSpoke || saved.prospectSpoke
        askedDuringCall = saved.askedDuringCall
        referralAsk = saved.referralAsk
        askAnswered = saved.askAnswered
        referralField = TextField(saved.referralText)
        referrals = saved.referrals
        outcome = saved.outcome
        nextStepField = TextField(saved.nextStepText)
        nextStepAt = saved.nextStepAt
        draft = saved.draft
        editedFrom = saved.editedFrom
        // Only answers worth mentioning make the dialog say they were kept.
        isRestored = !saved.isEmpty
        history = []
        step = firstStep
    }

    /// Whether the seller reached the prospect: by the outcome once chosen, before that by
    /// whether the prospect spoke.
    public var connected: Bool { outcome.map(\.isConversation) ?? prospectSpoke }

    /// The steps in order. A call that never connected starts at the outcome.
    var order: [Step] {
        prospectSpoke || askedDuringCall
            ? [.referralAsk, .referrals, .outcome, .nextStep, .followUp]
            : [.outcome, .referralAsk, .referrals, .nextStep, .followUp]
    }

    var firstStep: Step { order.first(where: applies) ?? .outcome }

    /// Whether a step has a question to ask, given the answers so far.
    func applies(_ step: Step) -> Bool {
        switch step {
        case .referralAsk: connected && !askedDuringCall
        case .referrals: referralAsk == .asked
        case .outcome: true
        case .nextStep: outcome.map { $0.needsAppointment || $0.isRetry } ?? false
        case .followUp: outcome?.isConversation ?? false
        }
    }

    /// The step after the current one, or nil when the flow is done.
    public var following: Step? {
        guard let i = order.firstIndex(of: step) else { return nil }
        return order[(i + 1)...].first(where: applies)
    }

    /// Moves on; returns false when there is nothing left to ask.
    mutating func advance() -> Bool {
        guard let next = following else { return false }
        history.append(step)
        step = next
        return true
    }

    /// Goes back one step; returns false when Esc should return to the live call.
    mutating func goBack() -> Bool {
        guard let previous = history.popLast() else { return false }
        step = previous
        return true
    }

    /// The ask as it will be saved: not applicable when the prospect was never reached.
    public var recordedAsk: ReferralAsk { connected ? referralAsk : .notApplicable }
}

/// The follow-ups-pending list: the cursor and the one opened, if any.
public struct FollowUpsBrowser: Hashable, Sendable {
    public var selection: Int
    public var isOpen: Bool

    public init(selection: Int = 0, isOpen: Bool = false) {
        self.selection = selection
        self.isOpen = isOpen
    }
}
