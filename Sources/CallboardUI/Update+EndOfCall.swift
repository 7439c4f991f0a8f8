import CallboardCore
import Foundation

extension AppState {
    /// Keys of the dialogs: the note field, the end-of-call steps, the follow-ups list.
    mutating func dialogAction(_ action: Action, at moment: Moment) -> [Effect] {
        switch mode {
        case .addProspect(let field):
            return action == .accept ? addProspect(field, at: moment) : []
        case .note(let field):
            if action == .accept { return saveNote(field, at: moment) }
            if action == .openEditor { return [.openEditor(text: field.text, purpose: .note)] }
            return []
        case .endOfCall(let flow):
            return flowAction(action, flow: flow, at: moment)
        case .followUps(let browser):
            return followUpsAction(action, browser: browser, at: moment)
        default:
            return []
        }
    }

    mutating func flowAction(_ action: Action, flow: EndOfCallFlow, at moment: Moment) -> [Effect] {
        var flow = flow
        switch (flow.step, action) {
        case (.referralAsk, .answerYes):
            flow.referralAsk = .asked
            flow.askAnswered = true
        case (.referralAsk, .answerNo):
            flow.referralAsk = .notAsked
            flow.askAnswered = true
        case (.referrals, .accept):
            if !flow.referralField.isBlank {
                flow.referrals.append(Self.referral(from: flow.referralField.text))
                flow.referralField = TextField()
                mode = .endOfCall(flow)
                return []
            }
        case (.outcome, .chooseOutcome(let outcome)):
            if flow.outcome != outcome {
                flow.outcome = outcome
                flow.nextStepAt = nil
                flow.nextStepError = nil
                // The seller's own text is never thrown away; a generated one is rebuilt.
                if flow.editedFrom == nil { flow.draft = nil }
            }
        case (.nextStep, .accept):
            if flow.outcome?.needsAppointment == true {
                guard let prospect = live?.prospect else { return [] }
                switch NextStepParser.parse(flow.nextStepField.text, now: flow.hangUp.wall, zone: prospect.zone ?? zone) {
                case .success(let date):
                    flow.nextStepAt = date
                    flow.nextStepError = nil
                case .failure(let failure):
                    flow.nextStepError = failure.description
                    mode = .endOfCall(flow)
                    return []
                }
            }
        case (.followUp, .accept):
            return finishCall(flow, followUp: .pending, send: false)
        case (.followUp, .skip):
            return finishCall(flow, followUp: .skipped, send: false)
        case (.followUp, .send):
            if let refusal = sendRefusal(to: live?.prospect) {
                status = StatusMessage(refusal, isError: true)
                return []
            }
            return finishCall(flow, followUp: .pending, send: true)
        case (.followUp, .openEditor):
            guard let draft = flow.draft else { return [] }
            return [.openEditor(text: Self.editable(draft), purpose: .followUpDraft)]
        default:
            return []
        }
        guard flow.advance() else { return finishCall(flow, followUp: nil, send: false) }
        if flow.step == .followUp { refreshDraft(&flow) }
        mode = .endOfCall(flow)
        return []
    }

    /// The draft states the outcome, the next step and the referrals, so it is made anew
    /// from the answers each time the email step is reached. Text the seller edited stays
    /// as they wrote it; the dialog then says whether the answers changed since.
    func refreshDraft(_ flow: inout EndOfCallFlow) {
        let fresh = draft(for: flow)
        if let base = flow.editedFrom, flow.draft != nil {
            flow.editedDraftIsOutdated = fresh != base
        } else {
            flow.draft = fresh
        }
    }

    /// Why `S` cannot send, or nil when it can.
    func sendRefusal(to prospect: Prospect?) -> String? {
        if !canSend { return "No send command set up: Enter writes the email to outbox/" }
        guard let email = prospect?.email, Self.looksLikeEmail(email) else {
            return "No recipient: no valid email address. Enter writes it to outbox/"
        }
        return nil
    }

    /// The core's rule for an address, and no angle brackets, which would break the
    /// "To:" line the address goes into.
    static func looksLikeEmail(_ text: String) -> Bool {
        ContactCheck.isPlausibleEmail(text) && !text.contains(where: { $0 == "<" || $0 == ">" })
    }

    /// The call as it will be saved, with everything the dialogs gathered.
    func finishedCall(_ flow: EndOfCallFlow, live: LiveCall) -> Call {
        var meter = live.meter
        meter.end(at: flow.hangUp.monotonic)
        var call = live.call
        call.duration = meter.elapsed(at: flow.hangUp.monotonic)
        call.segments = meter.segments
        call.outcome = flow.outcome
        call.referralAsk = flow.recordedAsk
        // Names typed before the answer was changed to "did not ask" are not saved.
        call.referrals = flow.recordedAsk == .asked ? flow.referrals : []
        call.nextStepAt = flow.nextStepAt
        return call
    }

    /// The thank-you draft for the call as it stands.
    func draft(for flow: EndOfCallFlow) -> FollowUp? {
        guard let live else { return nil }
        let template = settings.followUpTemplate.flatMap { try? FollowUpTemplate.parse($0).get() } ?? .standard
        return template.draft(
            call: finishedCall(flow, live: live), prospect: live.prospect, sellerName: settings.sellerName,
            zone: live.prospect.zone ?? zone)
    }

    /// The last step: the call and the prospects it changed are saved, the dashboard
    /// returns to the queue, and the follow-up is written or sent when asked.
    mutating func finishCall(_ flow: EndOfCallFlow, followUp status: FollowUp.Status?, send: Bool) -> [Effect] {
        guard let live else { return [] }
        var call = finishedCall(flow, live: live)
        if let status, var draft = flow.draft ?? draft(for: flow) {
            draft.status = status
            call.followUp = draft
        }
        let day = CalendarDay(containing: call.startedAt, in: zone)
        let after = AfterCall(
            call: call, prospect: live.prospect, today: day, zone: zone, retry: settings.retry, known: prospects)
        let changed = [after.prospect] + after.newProspects + after.referredProspects
        for prospect in changed {
            if let i = prospects.firstIndex(where: { $0.id == prospect.id }) {
                prospects[i] = prospect
            } else {
                prospects.append(prospect)
            }
        }
        self.live = nil
        mode = .queue
        focus = .queue
        callsToday += 1
        savingCallID = after.call.id
        rebuildQueue()

        var effects: [Effect] = [.save(call: after.call, prospects: changed)]
        if after.call.followUp?.status == .pending {
            pendingFollowUps.append(PendingFollowUp(call: after.call, prospect: after.prospect))
            effects.append(.writeFollowUp(call: after.call, prospect: after.prospect))
            if send { effects.append(.sendFollowUp(call: after.call, prospect: after.prospect)) }
        }
        let referrals = after.newProspects.count
        let linked = after.call.referrals.count - referrals
        self.status = StatusMessage(
            "Saved the call with \(after.prospect.name)"
                + (referrals > 0 ? "; \(referrals) referral\(referrals == 1 ? "" : "s") added for tomorrow" : "")
                + (linked > 0 ? "; \(linked) already in your list" : ""))
        return effects
    }

    /// A referral typed on one line: "Name, company, phone or email" in any order after
    /// the name; an @ makes an email, mostly digits a phone, anything else the company.
    public static func referral(from line: String) -> Referral {
        let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var referral = Referral(name: parts.first ?? line.trimmingCharacters(in: .whitespaces))
        for part in parts.dropFirst() {
            let digits = part.filter(\.isNumber).count
            if part.contains("@"), referral.email.isEmpty {
                referral.email = part
            } else if digits >= 5, digits * 2 >= part.count, referral.phone.isEmpty {
                referral.phone = part
            } else if referral.company.isEmpty {
                referral.company = part
            } else {
                referral.company += ", " + part
            }
        }
        return referral
    }

    /// A draft as the editor shows it: the subject line, a blank line, the body.
    static func editable(_ draft: FollowUp) -> String { "Subject: \(draft.subject)\n\n\(draft.body)" }

    /// Reads back what the editor left; a missing subject line keeps the old subject.
    static func applyEdit(_ text: String, to draft: FollowUp) -> FollowUp {
        var draft = draft
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.lowercased().hasPrefix("subject:") {
            draft.subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
            while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        }
        draft.body = lines.joined(separator: "\n")
        return draft
    }
}
