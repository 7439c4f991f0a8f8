import CallboardCore
import Foundation

extension AppState {
    mutating func startCall(at moment: Moment) -> [Effect] {
        guard live == nil else { return [] }
        // The call before stays first: a new one would take its place in live-call.json.
        if let saveFirst = saveBeforeTheNextCall() { return saveFirst }
        guard let entry = selectedEntry else { return [] }
        let dialer = settings.dialer
        let number = DialNumber(entry.prospect.phone)
        if let refusal = dialRefusal(for: entry.prospect) {
            status = StatusMessage(refusal, isError: true)
            block?.pause(at: moment.monotonic)
            return []
        }
        let type = settings.callTypes.inferred(for: entry.prospect, outcomes: settings.outcomes)
        var call = LiveCall(
            prospect: entry.prospect, at: moment, targets: settings.targets, type: type,
            handsFree: HandsFreeMarking(settings))
        call.isRinging = dialer.reportsCall
        live = call
        mode = .call
        focus = .talk
        block?.dialled(entry.id)
        let typeKey = Keymap.label(for: .nextCallType, in: .call).map { " (\($0) changes it)" } ?? ""
        status = StatusMessage(
            (call.isRinging ? "Ringing \(entry.prospect.name)…" : "Calling \(entry.prospect.name)")
                + ": \(type.name)\(typeKey)")
        var effects: [Effect] = [.checkpoint(call.checkpoint(at: moment))]
        if dialer.dials, let number { effects.append(.dial(number, prospect: entry.id)) }
        return effects
    }

    /// Why Enter cannot call `prospect`, or nil when it can: a dialer that dials needs a
    /// number it can dial.
    public func dialRefusal(for prospect: Prospect) -> String? {
        guard settings.dialer.dials, DialNumber(prospect.phone) == nil else { return nil }
        return "\(prospect.name) has no number to dial."
    }

    /// A checkpoint found at start: the seller is asked first, nothing happens to it yet.
    mutating func offer(_ checkpoint: LiveCallCheckpoint, prospect: Prospect?) -> [Effect] {
        guard live == nil, recoveredCall == nil else { return [] }
        mode = .recovery(checkpoint, prospect: prospect?.id == checkpoint.call.prospectID ? prospect : nil)
        return []
    }

    /// `r` resumes the offered call on hold; `s` ends it there and then, through the
    /// end-of-call dialogs, whose Esc still leads back to the call.
    mutating func recoveryAction(_ action: Action, at moment: Moment) -> [Effect] {
        guard let checkpoint = recoveredCall else { return [] }
        resume(checkpoint, at: moment)
        guard action == .saveRecoveredCall, let call = live else { return [] }
        status = nil
        return endCall(call, at: moment)
    }

    /// Who a recovered call was with: the prospect the store had at start, or a queue row,
    /// else (the store no longer has them) the name the checkpoint carries.
    func prospect(of checkpoint: LiveCallCheckpoint) -> Prospect {
        let call = checkpoint.call
        if case .recovery(_, let stored?) = mode, stored.id == call.prospectID { return stored }
        if let known = prospects.first(where: { $0.id == call.prospectID }) { return known }
        return Prospect(
            id: call.prospectID, name: call.prospectName ?? call.prospectID.rawValue,
            company: call.prospectCompany ?? "", createdAt: call.startedAt)
    }

    mutating func resume(_ checkpoint: LiveCallCheckpoint, at moment: Moment) {
        guard live == nil else { return }
        let prospect = prospect(of: checkpoint)
        live = LiveCall(
            resuming: checkpoint, prospect: prospect, at: moment,
            targets: settings.callTypes.targets(for: checkpoint.call.callType, untyped: settings.targets),
            handsFree: HandsFreeMarking(resuming: checkpoint.call, settings: settings))
        mode = .call
        focus = .talk
        status = StatusMessage("Call with \(prospect.name) resumed, on hold: m or p talks")
    }

    /// The keys of a live call. Talk keys change the meter at once.
    mutating func callAction(_ action: Action, at moment: Moment) -> [Effect] {
        guard var call = live else { return [] }
        let t = moment.monotonic
        switch action {
        case .markMe, .markProspect, .toggleSpeaker, .hold:
            call.handsFree.keyPressed(hold: action == .hold, at: t)
            if action == .hold, call.handsFree.isOn { status = StatusMessage("On hold: hands-free listens again after m or p") }
        default: break
        }
        switch action {
        case .markMe: call.meter.mark(.me, at: t)
        case .markProspect: call.meter.mark(.prospect, at: t)
        case .toggleSpeaker: call.meter.toggle(at: t)
        case .hold: call.meter.hold(at: t)
        case .askedReferrals, .askedAdvice:
            markAsk(action == .askedAdvice ? .advice : .whoElse, in: &call)
        case .askedQuestion, .theyAskedQuestion:
            call.countQuestion(by: action == .askedQuestion ? .me : .prospect, at: t)
            let q = call.questions(at: t)
            let range = call.meter.targets.questions
            status = StatusMessage(
                action == .askedQuestion
                    ? "Question \(q.mine) of \(range.lowerBound)–\(range.upperBound)"
                    : "They asked a question (\(q.theirs))")
        case .nextCallType:
            let type = settings.callTypes.next(after: call.call.callType)
            call.setType(type)
            let targets = type.targets
            status = StatusMessage(
                "Call type: \(type.name) · share ≤ \(Format.percent(targets.targetShare)) · "
                    + "\(targets.questions.lowerBound)–\(targets.questions.upperBound) questions")
        case .toggleHandsFree:
            // The headset is opened when the dashboard starts, and only if the
            // configuration asks: without it there is nothing to switch on.
            guard settings.handsFree else {
                status = StatusMessage("Hands-free is not set up: \"handsFree\": true in the configuration (docs/hands-free.md)")
                return []
            }
            call.handsFree.toggle()
            status = StatusMessage(call.handsFree.isOn ? "Hands-free on for this call" : "Hands-free off for this call: the keys mark the talk")
        case .note:
            mode = .note(call.noteDraft)
            live = call
            return []
        case .endCall:
            // `e` ends the call on the softphone too.
            return endCall(call, at: moment) + (settings.dialer.reportsCall ? [.hangUp] : [])
        case .hangUp:
            guard settings.dialer.reportsCall else {
                status = StatusMessage("No softphone to hang up: hang up on your phone, then press e.")
                return []
            }
            status = StatusMessage("Hanging up…")
            return [.hangUp]
        default:
            return []
        }
        live = call
        return [checkpoint(at: moment)]
    }

    /// Hands-free: a change of speaker heard on the headset, dated at its onset, marks the
    /// meter as the talk key would, unless a key spoke more recently. While the note field
    /// is open the call goes on, so detection does too; in the end-of-call dialogs the
    /// meter has stopped, so it does not.
    mutating func detected(_ speaker: Speaker, at moment: Moment) -> [Effect] {
        guard var call = live, call.handsFree.accepts(speaker, onset: moment.monotonic) else { return [] }
        switch mode {
        case .call, .note: break
        default: return []
        }
        let before = call.meter.state
        call.meter.mark(speaker, at: moment.monotonic)
        guard call.meter.state != before else { return [] }
        call.handsFree.countDetected()
        live = call
        // The runtime checkpoints a live call every few seconds anyway; a file written at
        // every turn would add nothing.
        return []
    }

    /// `a` or `A`: one question of the referral ask marked, or a mark pressed by mistake
    /// taken back. Either question counts as asking.
    mutating func markAsk(_ question: ReferralQuestion, in call: inout LiveCall) {
        if call.endOfCallAnswers?.askAnswer == true, !call.askMarked {
            // "y, I asked" said in the dialog before going back: the key takes it back.
            call.call.referralAsk = .notAsked
        } else {
            call.call.toggle(question)
        }
        // The mark is the newer word: an answer kept from an earlier `e` gives way.
        call.endOfCallAnswers?.askAnswer = nil
        let what = question == .whoElse ? "who else might be interested" : "asked their advice"
        status = StatusMessage(call.call.asked(question) ? "Referral ask marked: \(what)" : "Referral ask unmarked: \(what)")
    }

    /// `e`: the meter pauses and the end-of-call dialogs begin.
    mutating func endCall(_ call: LiveCall, at moment: Moment) -> [Effect] {
        var call = call
        let figures = call.figures(at: moment.monotonic)
        call.speakerAtHangUp = figures.speaker
        call.meter.hold(at: moment.monotonic)
        if call.isRinging, call.endOfCallAnswers == nil {
            // Nobody picked up: "no answer" is chosen already, one key confirms it.
            call.endOfCallAnswers = EndOfCallAnswers(outcome: .noAnswer)
        }
        live = call
        block?.hungUp(at: moment.monotonic)
        mode = .endOfCall(
            EndOfCallFlow(
                hangUp: moment, prospectSpoke: figures.prospect > 0, askedDuringCall: call.askMarked,
                answers: call.endOfCallAnswers, outcomes: settings.outcomes))
        return [checkpoint(at: moment)]
    }

    /// Esc on the first dialog: back to the live call, the floor to whoever held it.
    mutating func returnToCall(from flow: EndOfCallFlow, at moment: Moment) -> [Effect] {
        guard var call = live else {
            mode = .queue
            return []
        }
        if let speaker = call.speakerAtHangUp { call.meter.mark(speaker, at: moment.monotonic) }
        call.speakerAtHangUp = nil
        // An ask answered in the dialog stays answered: it is in the parked answers.
        // Nothing typed is lost: the next `e` starts from these answers.
        call.endOfCallAnswers = flow.answers
        live = call
        mode = .call
        return [checkpoint(at: moment)]
    }

    /// Enter in the note field: the note joins the call, tagged by its prefix.
    mutating func saveNote(_ field: TextField, at moment: Moment) -> [Effect] {
        guard var call = live else { return [] }
        mode = .call
        call.noteDraft = TextField()
        live = call
        guard !field.isBlank else { return [] }
        // "g: Janie" is no note: it is the name to greet them by, saved with the call and
        // used by its thank-you email.
        if let greeting = Self.greeting(in: field.text) {
            call.prospect.greetingName = greeting
            live = call
            status = StatusMessage("Greeting \(call.prospect.name) as \(greeting)")
            return [checkpoint(at: moment)]
        }
        let (tag, text) = Self.tagged(field.text)
        call.call.notes.append(CallNote(text: text, tag: tag, at: call.meter.elapsed(at: moment.monotonic)))
        live = call
        status = StatusMessage(tag.map { "Noted (\($0.rawValue))" } ?? "Noted")
        return [checkpoint(at: moment)]
    }

    /// The prefixes that tag a note: `o:` organization, `c:` challenge, `r:` requirement.
    public static let notePrefixes: [(prefix: String, tag: CallNote.Tag)] = [
        ("o:", .organization), ("c:", .challenge), ("r:", .requirement),
    ]

    /// The prefix that sets the name to greet the prospect by, in a note.
    public static let greetingPrefix = "g:"

    /// The greeting name of a "g: Janie" line; nil for any other line or an empty name.
    static func greeting(in raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.lowercased().hasPrefix(greetingPrefix) else { return nil }
        let name = SafeText.clean(String(text.dropFirst(greetingPrefix.count))).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func tagged(_ raw: String) -> (CallNote.Tag?, String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for (prefix, tag) in notePrefixes where text.lowercased().hasPrefix(prefix) {
            return (tag, text.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (nil, text)
    }
}
