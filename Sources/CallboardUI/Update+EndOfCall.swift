import CallboardCore
import Foundation

extension AppState {
    /// Keys of the dialogs: the add field, the note field, the end-of-call steps, the
    /// follow-ups list.
    mutating func dialogAction(_ action: Action, at moment: Moment) -> [Effect] {
        switch mode {
        case .addProspect(let field):
            return action == .accept ? addProspect(field, at: moment) : []
        case .note(let field):
            if action == .accept { return saveNote(field, at: moment) }
            if action == .openEditor { return [.openEditor(text: field.text, purpose: .note)] }
            return []
        case .endOfCall(let flow):
            return flowKey(nil, action: action, flow: flow, at: moment)
        case .followUps(let browser):
            return followUpsAction(action, browser: browser, at: moment)
        default:
            return []
        }
    }

    /// What the end-of-call flow needs to answer a key, from the live call and settings.
    func flowContext(_ live: LiveCall) -> EndOfCallFlow.Context {
        EndOfCallFlow.Context(live: live, settings: settings, zone: zone, sendRefusal: sendRefusal(to: live.prospect))
    }

    /// A key for the end-of-call flow: an action of its keymap, or typing (`key`).
    mutating func flowKey(_ key: Key?, action: Action?, flow: EndOfCallFlow, at moment: Moment) -> [Effect] {
        guard let live else { return [] }
        var flow = flow
        if flow.step == .followUp, let action, Self.actsOnEmail(action), Self.tooSoon(flow.draftShownAt, moment) {
            return []
        }
        let stepBefore = flow.step
        let request = flow.handle(key, action: action, context: flowContext(live))
        if flow.step == .followUp, stepBefore != .followUp {
            flow.draftShownAt = moment.monotonic
            draftScroll = 0
        }
        switch request {
        case .none:
            mode = .endOfCall(flow)
            return []
        case .backToCall:
            return returnToCall(from: flow, at: moment)
        case .refuse(let message):
            mode = .endOfCall(flow)
            status = StatusMessage(message, isError: true)
            return []
        case .confirm(let question):
            mode = .endOfCall(flow)
            status = StatusMessage(question)
            return []
        case .edit(let draft):
            mode = .endOfCall(flow)
            return [.openEditor(text: draft.editable, purpose: .followUpDraft)]
        case .finish(let followUp, let send):
            return finishCall(flow, followUp: followUp, send: send)
        }
    }

    /// How long an email must have been on screen before a key may send, skip or write it.
    public static let emailSettleSeconds = 0.3

    /// The keys that do something to an email on screen.
    static func actsOnEmail(_ action: Action) -> Bool {
        [.accept, .skip, .send, .openEditor, .markSent].contains(action)
    }

    /// Whether `moment` comes less than ``emailSettleSeconds`` after `shown`.
    static func tooSoon(_ shown: MonotonicInstant?, _ moment: Moment) -> Bool {
        guard let shown else { return false }
        return moment.monotonic - shown < emailSettleSeconds
    }

    /// Why `S` cannot send, or nil when it can: no send command, or the core's rule for
    /// the addresses, the same one the sender applies.
    func sendRefusal(to prospect: Prospect?) -> String? {
        if !canSend { return "No send command set up: Enter writes the email to outbox/" }
        if let problem = ContactCheck.sendProblem(to: prospect?.email ?? "", from: settings.sellerEmail) {
            return Format.sentence(problem) + ". Enter writes it to outbox/"
        }
        return nil
    }

    /// The last step: the call goes to the store to be filed, and the dashboard returns
    /// to the queue. What the call changed arrives with `.callFiled`.
    mutating func finishCall(_ flow: EndOfCallFlow, followUp: FollowUp.Status?, send: Bool) -> [Effect] {
        guard let live else { return [] }
        var flow = flow
        if followUp != nil, flow.answers.draft == nil { flow.refreshDraft(flowContext(live)) }
        let call = flow.finishedCall(live, followUp: followUp)
        if let now { block?.filed(call, at: now.monotonic) }
        self.live = nil
        mode = .queue
        focus = .queue
        // The next prospect's brief opens at the top: who they are, then their world.
        briefScroll = 0
        callsToday += 1
        let toSave = CallToSave(call: call, prospect: live.prospect, send: send)
        saving = toSave
        status = StatusMessage("Saving the call with \(live.prospect.name)…")
        return [toSave.effect]
    }

    /// The store filed the call: the prospects it changed join the dashboard, its
    /// follow-up waits in the list, and the seller hears what became of each referral.
    mutating func callFiled(_ filed: FiledCall, send: Bool) -> [Effect] {
        for prospect in filed.prospects {
            if let i = prospects.firstIndex(where: { $0.id == prospect.id }) {
                // The zone's best time follows the call just made.
                ZoneReach.update(&zoneReach, replacing: [prospects[i]], with: [prospect])
                prospects[i] = prospect
            } else {
                prospects.append(prospect)
            }
        }
        var effects = rebuildQueue() + finishSaving(filed.call.id)
        var message = Self.filedMessage(filed)
        if filed.call.followUp?.status == .pending {
            var call = filed.call
            if let file = filed.followUpFile { call.followUp?.messageFile = file }
            pendingFollowUps.removeAll { $0.call.id == call.id }
            pendingFollowUps.append(PendingFollowUp(call: call, prospect: filed.prospect))
            if send {
                effects.append(.sendFollowUp(call: call, prospect: filed.prospect))
                message += "; sending the thank-you email…"
            } else if let file = call.followUp?.messageFile {
                message += "; thank-you email ready to send: \(outboxPath(file))"
            }
        } else if filed.call.followUp?.status == .skipped {
            message += "; thank-you email skipped"
        }
        status = StatusMessage(message)
        if handsOffCalls { effects.append(.handOffCalls) }
        return effects + blockAfterFiling()
    }

    /// "Saved the call with Anna; 1 referral added for tomorrow; Dora Never is marked do
    /// not call: linked, not queued".
    static func filedMessage(_ filed: FiledCall) -> String {
        var parts = ["Saved the call with \(filed.prospect.name)"]
        let added = filed.referralFilings.filter { if case .added = $0 { true } else { false } }.count
        if added > 0 { parts.append("\(added) referral\(added == 1 ? "" : "s") added for tomorrow") }
        let linked = filed.referralFilings.filter { if case .linked = $0 { true } else { false } }.count
        if linked > 0 { parts.append("\(linked) already in your list") }
        for case .notQueued(_, let name, let status) in filed.referralFilings {
            parts.append("\(name) is \(status.phrase): linked, not queued")
        }
        return parts.joined(separator: "; ")
    }

    /// The store could not file the call. Nothing counts as done; the checkpoint stays,
    /// and so does the call, for Enter to save again.
    mutating func callNotFiled(_ id: CallID, reason: String) -> [Effect] {
        if let failed = saving, failed.call.id == id {
            saving = nil
            notSaved = failed
            callsToday = max(0, callsToday - 1)
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        status = StatusMessage(
            "Call NOT saved (kept in live-call.json for the next start): \(why). Enter tries again",
            isError: true)
        return []
    }

    /// Why Enter does not start a call now, with what it does instead: the last call is
    /// still being saved (a moment on a slow disk), or could not be, and is saved again.
    /// Nil when a call may start.
    mutating func saveBeforeTheNextCall() -> [Effect]? {
        if let saving {
            status = StatusMessage("Still saving the call with \(saving.prospect.name)…")
            return []
        }
        guard let unsaved = notSaved else { return nil }
        notSaved = nil
        saving = unsaved
        callsToday += 1
        status = StatusMessage("Saving the call with \(unsaved.prospect.name) again…")
        return [unsaved.effect]
    }
}
