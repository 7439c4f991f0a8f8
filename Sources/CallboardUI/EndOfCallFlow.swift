import CallboardCore
import Foundation

/// The dialogs after `e`: referral ask, referrals, outcome, next step, follow-up email.
///
/// It owns the one copy of the seller's ``EndOfCallAnswers``; beside them it holds only
/// what the screen needs (the step, the way back, cursors, errors) and the facts of the
/// hang-up. Each step can go back with Esc; what was typed stays. Like the review screen
/// it answers its own keys, and says in a ``Request`` what the app should do next.
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

    /// What the seller answered: parked as it is in the live call and its checkpoint.
    public var answers: EndOfCallAnswers

    /// The instant `e` was pressed: the hang-up.
    public var hangUp: Moment
    /// Whether the prospect was heard before the hang-up; calls that never connected skip
    /// the referral ask until an outcome says otherwise.
    public var prospectSpoke: Bool
    /// Whether `a` marked the ask during the call.
    public var askedDuringCall: Bool

    public var step: Step
    /// Steps already answered, for Esc.
    public var history: [Step]
    public var referralCursor: Int
    public var nextStepCursor: Int
    /// Why the typed referral was refused; the field keeps its text.
    public var referralError: String?
    /// Why the typed date was refused; the field keeps its text.
    public var nextStepError: String?
    /// Why the typed time is odd for them (their weekend, outside their hours), shown
    /// after the first Enter; a second Enter on the same text keeps it.
    public var nextStepWarning: String?
    /// The text the warning was given for.
    var warnedText: String?
    /// Whether the answers changed since the seller's edit, so their kept text may be
    /// out of date.
    public var editedDraftIsOutdated = false
    /// Whether `x` was just pressed on an email the seller edited: only a second `x` skips it.
    public var skipOfEditedAsked = false
    /// Whether the answers came back from an earlier `e`, so the dialog can say so.
    public var isRestored = false
    /// When the email step came on screen: keys that act on the email are ignored for a
    /// moment after, so a key meant for the step before never sends or skips it unseen.
    public var draftShownAt: MonotonicInstant?
    /// The outcomes the dialog offers and what each leads to.
    public var outcomes: Outcomes

    /// A flow begun with `e`; `answers` are those kept from an earlier `e` (after Esc back
    /// to the call, or a crash), and it starts at the same first step as then.
    public init(
        hangUp: Moment, prospectSpoke: Bool, askedDuringCall: Bool, answers: EndOfCallAnswers? = nil,
        outcomes: Outcomes = .standard
    ) {
        self.outcomes = outcomes
        self.hangUp = hangUp
        self.prospectSpoke = prospectSpoke
        self.askedDuringCall = askedDuringCall
        self.answers = answers ?? EndOfCallAnswers()
        referralCursor = self.answers.referralText.count
        nextStepCursor = self.answers.nextStepText.count
        // Only answers worth mentioning make the dialog say they were kept.
        isRestored = !(answers?.isEmpty ?? true)
        history = []
        step = .outcome
        step = firstStep
    }

    // MARK: The fields, over the answers' text

    public var referralField: TextField {
        get { TextField(answers.referralText, cursor: referralCursor) }
        set {
            answers.referralText = newValue.text
            referralCursor = newValue.cursor
        }
    }

    public var nextStepField: TextField {
        get { TextField(answers.nextStepText, cursor: nextStepCursor) }
        set {
            answers.nextStepText = newValue.text
            nextStepCursor = newValue.cursor
        }
    }

    // MARK: The order of the steps

    /// Whether the seller asked, as it stands.
    public var referralAsk: ReferralAsk { answers.referralAsk(markedDuringCall: askedDuringCall) }

    /// Whether the seller reached the prospect, as it stands.
    public var connected: Bool { answers.connected(prospectSpoke: prospectSpoke, outcomes: outcomes) }

    /// What the chosen outcome means, once one is chosen.
    public var chosenRule: OutcomeRule? { answers.outcome.map(outcomes.rule(for:)) }

    /// Whether there was a conversation to ask for referrals in: the prospect talked, or
    /// the outcome says so. Only then are referrals asked for.
    public var asksForReferrals: Bool { connected }

    /// The steps in order. Where nobody but the seller talked, the outcome comes first,
    /// and referrals only if it says there was a conversation.
    var order: [Step] {
        prospectSpoke
            ? [.referralAsk, .referrals, .outcome, .nextStep, .followUp]
            : [.outcome, .referralAsk, .referrals, .nextStep, .followUp]
    }

    var firstStep: Step { order.first(where: applies) ?? .outcome }

    /// Whether a step has a question to ask, given the answers so far.
    func applies(_ step: Step) -> Bool {
        switch step {
        case .referralAsk: connected && !askedDuringCall
        case .referrals: connected && referralAsk == .asked
        case .outcome: true
        case .nextStep: chosenRule?.continues ?? false
        case .followUp: chosenRule?.isConversation ?? false
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

    /// Whether the step has a text field, so letters are typed, not talk keys.
    public var takesText: Bool {
        switch step {
        case .referrals: true
        case .nextStep: chosenRule?.asksTime == true
        default: false
        }
    }

    /// `a` pressed in the dialogs: the mark is the newer word, so a "did you ask?" already
    /// answered gives way to it, and a question it settles is not asked.
    mutating func askMarkedChanged(to marked: Bool) {
        askedDuringCall = marked
        answers.askAnswer = nil
        guard !applies(step) else { return }
        history = history.filter(applies)
        step = order.first { applies($0) && !history.contains($0) } ?? .outcome
    }

    // MARK: Keys

    /// What the app should do after a key of the flow.
    public enum Request: Hashable, Sendable {
        case none
        /// Esc on the first step: back to the live call, the answers parked.
        case backToCall
        /// The last answer is in: save the call, with the follow-up kept as `followUp`
        /// (nil: none), and send it when `send`.
        case finish(followUp: FollowUp.Status?, send: Bool)
        /// Open the draft in `$EDITOR`.
        case edit(FollowUp)
        /// A message for the status line, e.g. why `S` cannot send.
        case refuse(String)
        /// A question for the status line, answered by the next key.
        case confirm(String)
    }

    /// What the flow needs from the rest of the app to answer a key.
    public struct Context {
        public var live: LiveCall
        public var settings: Settings
        public var zone: TimeZone
        /// Why `S` cannot send now, or nil when it can.
        public var sendRefusal: String?
    }

    /// Answers an action of the keymap, or a key typed into a field (`action` nil).
    mutating func handle(_ key: Key?, action: Action?, context: Context) -> Request {
        // Any key but a second `x` answers the question "skip the edited email?" with no.
        let skipConfirmed = skipOfEditedAsked
        skipOfEditedAsked = false
        guard let action else {
            if let key { type(key) }
            return .none
        }
        switch (step, action) {
        case (_, .back):
            return goBack() ? .none : .backToCall
        case (.referralAsk, .answerYes):
            answers.askAnswer = true
        case (.referralAsk, .answerNo):
            answers.askAnswer = false
        case (.referrals, .accept):
            if !referralField.isBlank {
                switch ContactLine.read(answers.referralText) {
                case .success(let line):
                    answers.referrals.append(line.referral)
                    referralField = TextField()
                    referralError = nil
                case .failure(let refusal):
                    referralError = refusal.description
                }
                return .none
            }
        case (.outcome, .chooseOutcome(let outcome)):
            if answers.outcome != outcome {
                answers.outcome = outcome
                answers.nextStepAt = nil
                nextStepError = nil
                nextStepWarning = nil
                warnedText = nil
                // The seller's own text is never thrown away; a generated one is rebuilt.
                if answers.editedFrom == nil { answers.draft = nil }
            }
        case (.outcome, .accept):
            // An outcome chosen already (the phone said nobody answered) is kept.
            guard answers.outcome != nil else { return .none }
        case (.nextStep, .accept):
            if let rule = chosenRule, rule.asksTime {
                // A follow-up may go on without a time: the next business day.
                if !rule.needsAppointment, nextStepField.isBlank {
                    answers.nextStepAt = nil
                    nextStepError = nil
                    nextStepWarning = nil
                    break
                }
                let prospect = context.live.prospect
                let agreed: Date
                switch NextStepParser.parse(answers.nextStepText, now: hangUp.wall, zone: prospect.zone ?? context.zone) {
                case .success(let date):
                    agreed = date
                    answers.nextStepAt = date
                    nextStepError = nil
                case .failure(let failure):
                    nextStepError = failure.description
                    return .none
                }
                let warning = NextStepCheck.warning(
                    at: agreed, theirZone: prospect.zone, sellerZone: context.zone,
                    hours: context.settings.businessHours)
                if let warning, warnedText != answers.nextStepText {
                    nextStepWarning = warning
                    warnedText = answers.nextStepText
                    return .none
                }
                nextStepWarning = nil
            }
        case (.followUp, .accept):
            return .finish(followUp: .pending, send: false)
        case (.followUp, .skip):
            if answers.editedFrom != nil, !skipConfirmed {
                skipOfEditedAsked = true
                return .confirm("Skip the email you edited? x again skips it; Enter writes it")
            }
            return .finish(followUp: .skipped, send: false)
        case (.followUp, .send):
            if let refusal = context.sendRefusal { return .refuse(refusal) }
            return .finish(followUp: .pending, send: true)
        case (.followUp, .openEditor):
            return answers.draft.map { .edit($0) } ?? .none
        default:
            return .none
        }
        guard advance() else { return .finish(followUp: nil, send: false) }
        if step == .followUp { refreshDraft(context) }
        return .none
    }

    /// Printable and editing keys go to the field of the step, if it has one.
    mutating func type(_ key: Key) {
        guard takesText else { return }
        switch step {
        case .referrals:
            var field = referralField
            if field.apply(key) {
                referralField = field
                referralError = nil
            }
        case .nextStep:
            var field = nextStepField
            if field.apply(key) {
                nextStepField = field
                nextStepError = nil
                nextStepWarning = nil
                warnedText = nil
            }
        default: break
        }
    }

    // MARK: The draft

    /// The call as it would be saved now.
    func finishedCall(_ live: LiveCall, followUp: FollowUp.Status? = nil) -> Call {
        var meter = live.meter
        meter.end(at: hangUp.monotonic)
        return answers.finished(
            live.callAsMarked, segments: meter.segments, duration: meter.elapsed(at: hangUp.monotonic),
            prospectSpoke: prospectSpoke, followUp: followUp, outcomes: outcomes)
    }

    /// The thank-you draft the answers as they stand would give.
    func generatedDraft(_ context: Context) -> FollowUp {
        FollowUpTemplate.draft(
            call: finishedCall(context.live), prospect: context.live.prospect,
            settings: context.settings, sellerZone: context.zone)
    }

    /// The draft states the outcome, the next step and the referrals, so it is made anew
    /// from the answers each time the email step is reached. Text the seller edited stays
    /// as they wrote it; the dialog then says whether the answers changed since.
    mutating func refreshDraft(_ context: Context) {
        let fresh = generatedDraft(context)
        if let base = answers.editedFrom, answers.draft != nil {
            editedDraftIsOutdated = fresh != base
        } else {
            answers.draft = fresh
        }
    }

    /// The seller's edit of the draft, read back from the editor.
    mutating func applyEdit(_ text: String, context: Context) {
        guard let draft = answers.draft else { return }
        answers.draft = FollowUp.edited(text, from: draft)
        answers.editedFrom = generatedDraft(context)
        editedDraftIsOutdated = false
    }
}

/// The follow-ups-pending list: the cursor and the one opened, if any.
public struct FollowUpsBrowser: Hashable, Sendable {
    public var selection: Int
    public var isOpen: Bool
    /// When the open draft came on screen (see ``EndOfCallFlow/draftShownAt``).
    public var openedAt: MonotonicInstant?

    /// Back to the list.
    public mutating func close() {
        isOpen = false
        openedAt = nil
    }

    public init(selection: Int = 0, isOpen: Bool = false) {
        self.selection = selection
        self.isOpen = isOpen
    }
}
