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
        let request = flow.handle(key ?? .escape, action: action, context: flowContext(live))
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
        case .edit(let draft):
            mode = .endOfCall(flow)
            return [.openEditor(text: draft.editable, purpose: .followUpDraft)]
        case .finish(let followUp, let send):
            return finishCall(flow, followUp: followUp, send: send)
        }
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
        self.live = nil
        mode = .queue
        focus = .queue
        callsToday += 1
        savingCallID = call.id
        status = StatusMessage("Saving the call with \(live.prospect.name)…")
        return [.fileCall(call: call, prospect: live.prospect, send: send)]
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
        rebuildQueue()
        var effects = finishSaving(filed.call.id)
        if filed.call.followUp?.status == .pending {
            var call = filed.call
            call.followUp?.messageFile = filed.followUpFile
            pendingFollowUps.removeAll { $0.call.id == call.id }
            pendingFollowUps.append(PendingFollowUp(call: call, prospect: filed.prospect))
            if send { effects.append(.sendFollowUp(call: call, prospect: filed.prospect)) }
        }
        status = StatusMessage(Self.filedMessage(filed))
        return effects
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

    /// The store could not file the call. Nothing counts as done; the checkpoint stays.
    mutating func callNotFiled(_ id: CallID, reason: String) -> [Effect] {
        if savingCallID == id {
            savingCallID = nil
            callsToday = max(0, callsToday - 1)
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        status = StatusMessage(
            "The call was NOT saved: \(why). It is kept in live-call.json and offered again when callboard starts.",
            isError: true)
        return []
    }
}
