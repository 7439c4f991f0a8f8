import CallboardCore
import Foundation

/// The dialog of the current end-of-call step, over the dashboard.
enum EndOfCallDialogView {
    static func draw(_ flow: EndOfCallFlow, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let name = state.live?.prospect.name ?? ""
        let height = flow.step == .followUp ? 22 : (flow.step == .outcome ? outcomeHeight(flow.outcomes) : 12)
        let inner = DialogBox.draw(title(flow.step, name: name), width: 76, height: height, in: area, into: &buffer)
        guard inner.height >= 2 else { return }
        let (content, legend) = inner.splitBottom(KeyLegend.height(flow.step.keyContext, width: inner.width))
        KeyLegend.draw(flow.step.keyContext, in: legend, into: &buffer)
        switch flow.step {
        case .referralAsk:
            var texts: [(String, Style)] = [
                ("Did you ask for referrals?", Style(.warn, bold: true)),
                ("Who else might be interested? Whose advice should I ask?", Style(.muted)),
                ("", Style(.text)),
                ("Esc goes back to the call to ask now.", Style(.muted)),
            ]
            if flow.isRestored, let kept = kept(flow) { texts.append((kept, Style(.accent))) }
            DialogBox.lines(texts, in: content, into: &buffer)
        case .referrals:
            referrals(flow, in: content, into: &buffer)
        case .outcome:
            outcomes(flow, in: content, into: &buffer)
        case .nextStep:
            nextStep(flow, state: state, in: content, into: &buffer)
        case .followUp:
            followUp(flow, state: state, in: content, into: &buffer)
        }
    }

    /// Up to nine outcomes in one column; more in two, so a long list still fits.
    static func outcomeColumns(_ outcomes: Outcomes) -> Int { outcomes.list.count > 9 ? 2 : 1 }

    static func outcomeHeight(_ outcomes: Outcomes) -> Int {
        let columns = outcomeColumns(outcomes)
        // Frame, question, the list, a blank row and the legend.
        return max(13, (outcomes.list.count + columns - 1) / columns + 5)
    }

    static func outcomes(_ flow: EndOfCallFlow, in content: Rect, into buffer: inout CellBuffer) {
        DialogBox.lines([("How did the call end?", Style(.title, bold: true))], in: content, into: &buffer)
        let choices = Keymap.bindings(in: .outcome, outcomes: flow.outcomes).compactMap { binding -> (String, Style)? in
            guard case .chooseOutcome(let outcome) = binding.action else { return nil }
            let chosen = flow.answers.outcome == outcome
            return ("\(binding.label) \(outcome.label)\(chosen ? " ◀" : "")", Style(chosen ? .accent : .text, bold: chosen))
        }
        let columns = outcomeColumns(flow.outcomes)
        let perColumn = (choices.count + columns - 1) / columns
        let list = content.splitTop(1).1
        let width = list.width / columns
        for column in 0..<columns {
            let rect = Rect(x: list.x + column * width, y: list.y, width: column == columns - 1 ? list.width - column * width : width, height: list.height)
            for (row, choice) in choices.dropFirst(column * perColumn).prefix(perColumn).enumerated() where row < rect.height {
                buffer.write(Format.fit(choice.0, width: rect.width - 1), in: rect.row(row), style: choice.1)
            }
        }
    }

    /// "Kept from before: I asked, 1 referral, callback." — what the earlier `e` was told.
    static func kept(_ flow: EndOfCallFlow) -> String? {
        var parts: [String] = []
        // An ask never answered is not reported as "I did not ask".
        if flow.answers.askAnswer != nil || flow.referralAsk == .asked {
            parts.append(flow.referralAsk == .asked ? "I asked" : "I did not ask")
        }
        let n = flow.answers.referrals.count
        if n > 0 { parts.append("\(n) referral\(n == 1 ? "" : "s")") }
        if let outcome = flow.answers.outcome { parts.append(outcome.label) }
        return parts.isEmpty ? nil : "Kept from before: " + parts.joined(separator: ", ") + "."
    }

    static func title(_ step: EndOfCallFlow.Step, name: String) -> String {
        switch step {
        case .referralAsk: "Ending the call with \(name)"
        case .referrals: "Referrals from \(name)"
        case .outcome: "Outcome"
        case .nextStep: "Next step"
        case .followUp: "Thank-you email"
        }
    }

    /// The referrals so far, one row each, and the field under them. When they outgrow the
    /// dialog the newest stay in view under a count of the rest; the field is never covered.
    static func referrals(_ flow: EndOfCallFlow, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.height > 0 else { return }
        let help = [("One per line: Name, company, phone or email. Enter on an empty line finishes.", Style(.muted))]
        let top = rect.height >= 4 ? DialogBox.lines(help, in: rect, into: &buffer) : 0
        // Rows for the list: all but the header, a blank row and the field's.
        let room = max(0, rect.height - top - 2)
        var items: [(String, Style)] = flow.answers.referrals.map { referral in
            let extra = [referral.company, referral.phone, referral.email].filter { !$0.isEmpty }.joined(separator: " · ")
            return ("✓ \(referral.name)\(extra.isEmpty ? "" : " — \(extra)")", Style(.good))
        }
        if items.count > room {
            let shown = max(0, room - 1)
            items = [("… \(items.count - shown) more above", Style(.muted))] + items.suffix(shown)
        }
        for (offset, item) in items.prefix(room).enumerated() {
            buffer.write(Format.fit(item.0, width: rect.width), in: rect.row(top + offset), style: item.1)
        }
        let fieldRow = min(top + min(items.count, room) + 1, rect.height - 1)
        if let error = flow.referralError, fieldRow > top {
            // In the blank row above the field, so the list and the field stay where they are.
            buffer.write(Format.fit(error, width: rect.width), in: rect.row(fieldRow - 1), style: Style(.bad, bold: true))
        }
        DialogBox.field(flow.referralField, in: rect.row(fieldRow), into: &buffer)
    }

    static func nextStep(_ flow: EndOfCallFlow, state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        guard let rule = flow.chosenRule, let prospect = state.live?.prospect else { return }
        let outcome = rule.outcome
        if rule.asksTime {
            let theirZone = prospect.zone ?? state.zone
            let differs = theirZone.secondsFromGMT(for: flow.hangUp.wall) != state.zone.secondsFromGMT(for: flow.hangUp.wall)
            let question: String
            switch rule.next {
            case .callback: question = "When do you call back?"
            case .meeting: question = "When is the meeting?"
            default: question = "When do you follow up? Enter alone: the next business day."
            }
            var texts: [(String, Style)] = [
                (question, Style(.title, bold: true)),
                ("e.g. tomorrow 10:00 · fri 14:30 · 2026-12-03 09:15", Style(.muted)),
            ]
            if prospect.zone == nil {
                texts.append((NextStepCheck.unknownZoneNote(sellerZone: state.zone), Style(.warn)))
            } else if differs {
                texts.append(("In their time: \(theirZone.identifier)", Style(.accent)))
            }
            let row = DialogBox.lines(texts, in: rect, into: &buffer)
            DialogBox.field(flow.nextStepField, in: rect.row(min(row + 1, rect.height - 1)), into: &buffer)
            texts = []
            if let error = flow.nextStepError {
                texts.append((error, Style(.bad, bold: true)))
            } else if !flow.nextStepField.isBlank,
                case .success(let date) = NextStepParser.parse(flow.nextStepField.text, now: flow.hangUp.wall, zone: theirZone)
            {
                texts.append(("= \(both(date, theirs: prospect.zone, mine: state.zone))", Style(.good)))
                if let warning = flow.nextStepWarning {
                    texts.append(("⚠ \(warning)", Style(.warn, bold: true)))
                    texts.append(("Enter again keeps it, or change the time.", Style(.warn)))
                }
            }
            DialogBox.lines(texts, in: rect, from: min(row + 3, rect.height), into: &buffer)
        } else if let next = rule.stayInTouchDay(after: CalendarDay(containing: flow.hangUp.wall, in: state.zone)) {
            DialogBox.lines([
                ("\(Format.sentence(outcome.label)).", Style(.title, bold: true)),
                ("Stay in touch: \(prospect.name) comes back to the queue on \(Format.day(next)), in \(rule.stayInTouchDays ?? 0) days.", Style(.text)),
                ("Enter goes on.", Style(.muted)),
            ], in: rect, into: &buffer)
        } else {
            let plan = state.settings.retry.plan(
                attemptsBefore: prospect.attempts, on: CalendarDay(containing: flow.hangUp.wall, in: state.zone))
            let text: String
            if let next = plan.next {
                text = "Next attempt \(Format.day(next)) (\(plan.attempt) of \(plan.of) attempts so far)."
            } else {
                text = "That was attempt \(plan.attempt) of \(plan.of): \(prospect.name) leaves the queue."
            }
            DialogBox.lines([
                ("\(Format.sentence(outcome.label)).", Style(.title, bold: true)),
                (text, Style(.text)),
                ("Enter saves this and goes on.", Style(.muted)),
            ], in: rect, into: &buffer)
        }
    }

    /// "Thu 3 Dec 10:00 their time · Thu 3 Dec 09:00 yours".
    static func both(_ date: Date, theirs: TimeZone?, mine: TimeZone) -> String {
        let mineText = Format.dayAndTime(date, zone: mine)
        guard let theirs, theirs.secondsFromGMT(for: date) != mine.secondsFromGMT(for: date) else { return mineText }
        return "\(Format.dayAndTime(date, zone: theirs)) their time · \(mineText) yours"
    }

    static func followUp(_ flow: EndOfCallFlow, state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        guard let draft = flow.answers.draft, let prospect = state.live?.prospect else { return }
        var rect = rect
        var notes: [(String, Style)] = []
        if flow.answers.editedFrom != nil {
            notes.append(flow.editedDraftIsOutdated
                ? ("Your edited text is kept; the answers changed since, so check it (E).", Style(.warn, bold: true))
                : ("Your edited text is kept.", Style(.muted)))
        }
        if let unsigned = FollowUpDraftView.unsigned(state.settings) { notes.append((unsigned, Style(.warn))) }
        if !notes.isEmpty {
            let used = DialogBox.lines(notes, in: rect, into: &buffer)
            rect = rect.splitTop(min(used, rect.height)).1
        }
        FollowUpDraftView.draw(draft, to: prospect, in: rect, scroll: state.draftScroll, into: &buffer)
    }
}

/// A follow-up email as the seller reviews it: recipient, subject, body.
enum FollowUpDraftView {
    /// What is missing for the email to be signed and sent as the seller, if anything.
    static func unsigned(_ settings: Settings) -> String? {
        switch (settings.sellerName.isEmpty, settings.sellerEmail.isEmpty) {
        case (false, false): nil
        case (true, true): "Unsigned: set sellerName and sellerEmail in the configuration (callboard config)."
        case (true, false): "Unsigned: set sellerName in the configuration (callboard config)."
        case (false, true): "No sender address: set sellerEmail in the configuration (callboard config)."
        }
    }

    /// The email from its line `scroll` on. When it does not fit, the last row says there
    /// is more, and which way: nothing is cut without a sign.
    static func draw(_ draft: FollowUp, to prospect: Prospect, in rect: Rect, scroll: Int = 0, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let to = ContactCheck.canReceiveEmail(prospect.email)
            ? ("To: \(prospect.name) <\(prospect.email)>", Style(.text))
            : ("To: \(prospect.name) — no recipient: no valid email address", Style(.bad, bold: true))
        let texts = [to, ("Subject: \(draft.subject)", Style(.text, bold: true)), ("", Style(.text)), (draft.body, Style(.text))]
        let lines = texts.flatMap { text, style in Format.wrap(text, width: rect.width).map { ($0, style) } }
        guard lines.count > rect.height else {
            DialogBox.lines(lines, in: rect, into: &buffer)
            return
        }
        let rows = max(0, rect.height - 1)
        let offset = max(0, min(scroll, lines.count - rows))
        for (y, line) in lines[offset..<min(lines.count, offset + rows)].enumerated() {
            buffer.write(line.0, in: rect.row(y), style: line.1)
        }
        let below = lines.count - offset - rows
        let marker = below > 0
            ? "↓ \(below) more line\(below == 1 ? "" : "s") (j/k scroll)" : "↑ more above (k scrolls back)"
        buffer.write(Format.fit(marker, width: rect.width), in: rect.row(rows), style: Style(.accent, bold: true))
    }
}
