import CallboardCore
import Foundation

extension AppState {
    /// The pending follow-up under the cursor of the follow-ups list.
    public var selectedFollowUp: PendingFollowUp? {
        guard case .followUps(let browser) = mode, pendingFollowUps.indices.contains(browser.selection) else {
            return nil
        }
        return pendingFollowUps[browser.selection]
    }

    mutating func followUpsAction(_ action: Action, browser: FollowUpsBrowser, at moment: Moment) -> [Effect] {
        var browser = browser
        guard let pending = selectedFollowUp, let draft = pending.call.followUp else { return [] }
        // An email just opened is not acted on by a key meant for what was there before.
        if browser.isOpen, Self.actsOnEmail(action), Self.tooSoon(browser.openedAt, moment) { return [] }
        switch (browser.isOpen, action) {
        case (_, .markSent):
            // Sent outside callboard: it leaves the list as sent, not skipped.
            let effects = followUpSent(pending.call.id, at: moment.wall)
            status = StatusMessage("Marked the follow-up to \(pending.prospect.name) as sent")
            return effects
        case (false, .accept):
            browser.isOpen = true
            browser.openedAt = moment.monotonic
            draftScroll = 0
            mode = .followUps(browser)
            return []
        case (true, .accept):
            // Back to the list, where the line shows what became of it.
            browser.close()
            mode = .followUps(browser)
            status = StatusMessage("Writing the follow-up to \(pending.prospect.name)…")
            return [.writeFollowUp(call: pending.call, prospect: pending.prospect)]
        case (true, .openEditor):
            return [.openEditor(text: draft.editable, purpose: .pendingFollowUp(pending.call.id))]
        case (true, .send):
            if let refusal = sendRefusal(to: pending.prospect) {
                status = StatusMessage(refusal, isError: true)
                return []
            }
            // Back to the list, never on to the next draft: a second `S` sends nothing.
            browser.close()
            mode = .followUps(browser)
            status = StatusMessage("Sending the follow-up to \(pending.prospect.name)…")
            return [.sendFollowUp(call: pending.call, prospect: pending.prospect)]
        case (true, .skip):
            var call = pending.call
            call.followUp?.status = .skipped
            removePending(call.id)
            browser.close()
            browser.selection = clamp(browser.selection, count: pendingFollowUps.count)
            mode = .followUps(browser)
            status = StatusMessage("Skipped the follow-up to \(pending.prospect.name)")
            return [.updateCall(call)]
        default:
            return []
        }
    }

    /// Takes the store's list of calls that still owe a follow-up, each paired with its
    /// prospect from the dashboard or from `others`; the list replaces the one held.
    mutating func receivePendingFollowUps(_ calls: [Call], others: [Prospect]) {
        var byID = Dictionary(prospects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for prospect in others where byID[prospect.id] == nil { byID[prospect.id] = prospect }
        pendingFollowUps = calls.compactMap { call in byID[call.prospectID].map { PendingFollowUp(call: call, prospect: $0) } }
            .sorted { $0.call.startedAt < $1.call.startedAt }
        if case .followUps(var browser) = mode {
            browser.selection = clamp(browser.selection, count: pendingFollowUps.count)
            if pendingFollowUps.isEmpty { browser.close() }
            mode = .followUps(browser)
        }
    }

    mutating func removePending(_ id: CallID) {
        pendingFollowUps.removeAll { $0.call.id == id }
        if case .followUps(var browser) = mode {
            browser.selection = clamp(browser.selection, count: pendingFollowUps.count)
            if pendingFollowUps.isEmpty { browser.close() }
            mode = .followUps(browser)
        }
    }

    /// The store saved a call; a finished call's checkpoint can now go.
    mutating func finishSaving(_ id: CallID) -> [Effect] {
        guard saving?.call.id == id else { return [] }
        saving = nil
        // A call started since then owns the checkpoint now.
        return live == nil ? [.clearCheckpoint] : []
    }

    /// The follow-up is in the outbox: ready to send, and saved so, so it reads the same
    /// after a restart.
    mutating func followUpWritten(_ id: CallID, file: String) -> [Effect] {
        guard let i = pendingFollowUps.firstIndex(where: { $0.call.id == id }) else { return [] }
        pendingFollowUps[i].call.followUp?.messageFile = file
        status = StatusMessage("Follow-up to \(pendingFollowUps[i].prospect.name) ready to send: \(outboxPath(file))")
        return [.updateCall(pendingFollowUps[i].call)]
    }

    /// The full path of a file in the outbox, as the seller would open it.
    func outboxPath(_ file: String) -> String {
        outboxFolder.isEmpty ? "outbox/\(file)" : (outboxFolder.hasSuffix("/") ? outboxFolder : outboxFolder + "/") + file
    }

    /// The follow-ups not yet sent or skipped, by stage; `today` counts only today's calls.
    public func followUpCounts(today onlyToday: Bool = false) -> (drafted: Int, ready: Int, noRecipient: Int) {
        let counted = onlyToday ? pendingFollowUps.filter(isFromToday) : pendingFollowUps
        let ready = counted.filter { $0.stage == .ready }.count
        let noRecipient = counted.filter { $0.stage == .noRecipient }.count
        return (counted.count - ready - noRecipient, ready, noRecipient)
    }

    func isFromToday(_ pending: PendingFollowUp) -> Bool {
        guard let today else { return true }
        return CalendarDay(containing: pending.call.startedAt, in: zone) == today
    }

    /// "3 follow-ups: 1 drafted, 2 ready to send", in the stages' own words; nil for none.
    public static func followUpPhrase(_ counts: (drafted: Int, ready: Int, noRecipient: Int)) -> String? {
        let parts: [(Int, FollowUp.Stage)] = [
            (counts.drafted, .drafted), (counts.ready, .ready), (counts.noRecipient, .noRecipient),
        ].filter { $0.0 > 0 }
        let total = parts.reduce(0) { $0 + $1.0 }
        guard total > 0 else { return nil }
        let noun = "\(total) follow-up\(total == 1 ? "" : "s")"
        if parts.count == 1, let only = parts.first { return "\(noun) \(only.1.label)" }
        return "\(noun): " + parts.map { "\($0.0) \($0.1.label)" }.joined(separator: ", ")
    }

    mutating func followUpSent(_ id: CallID, at date: Date) -> [Effect] {
        guard let pending = pendingFollowUps.first(where: { $0.call.id == id }) else { return [] }
        var call = pending.call
        call.followUp?.status = .sent
        call.followUp?.sentAt = date
        removePending(id)
        status = StatusMessage("Follow-up sent to \(pending.prospect.name)")
        return [.updateCall(call)]
    }

    mutating func edited(_ purpose: EditorPurpose, text: String) -> [Effect] {
        switch (purpose, mode) {
        case (.note, .note):
            // The editor may return several lines; the note keeps them all.
            let field = TextField(text.trimmingCharacters(in: .whitespacesAndNewlines), limit: TextField.noteLimit)
            mode = .note(field)
            if field.wasCut { status = StatusMessage(field.cutMessage + "; the rest of the edited text was left out", isError: true) }
        case (.followUpDraft, .endOfCall(var flow)):
            guard let live else { return [] }
            flow.applyEdit(text, context: flowContext(live))
            mode = .endOfCall(flow)
        case (.pendingFollowUp(let id), _):
            guard let i = pendingFollowUps.firstIndex(where: { $0.call.id == id }),
                let draft = pendingFollowUps[i].call.followUp
            else { return [] }
            pendingFollowUps[i].call.followUp = FollowUp.edited(text, from: draft)
            return [.updateCall(pendingFollowUps[i].call)]
        default:
            break
        }
        return []
    }
}
