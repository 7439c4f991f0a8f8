import CallboardCore
import Foundation

/// Follow-up emails not yet sent, oldest first, with the call's outcome; one can be opened.
enum FollowUpsView {
    static func draw(_ state: AppState, browser: FollowUpsBrowser, in rect: Rect, into buffer: inout CellBuffer) {
        let inner = Frame.draw("Follow-ups to send (\(state.pendingFollowUps.count))", in: rect, into: &buffer, focused: true)
        guard !inner.isEmpty else { return }
        guard !state.pendingFollowUps.isEmpty else {
            DialogBox.lines([("Every follow-up is sent or skipped. Esc goes back.", Style(.good))], in: inner, into: &buffer)
            return
        }
        let legendContext: KeyContext = browser.isOpen ? .followUpDraft : .followUps
        let (content, legend) = inner.splitBottom(KeyLegend.height(legendContext, width: inner.width))
        KeyLegend.draw(browser.isOpen ? .followUpDraft : .followUps, in: legend, into: &buffer)
        if browser.isOpen, let pending = state.selectedFollowUp, let draft = pending.call.followUp {
            var rect = content
            var notes: [(String, Style)] = []
            if let unsigned = FollowUpDraftView.unsigned(state.settings) { notes.append((unsigned, Style(.warn))) }
            if let file = draft.messageFile { notes.append(("Written to \(state.outboxPath(file))", Style(.muted))) }
            if !notes.isEmpty {
                let used = DialogBox.lines(notes, in: rect, into: &buffer)
                rect = rect.splitTop(min(used, rect.height)).1
            }
            FollowUpDraftView.draw(draft, to: pending.prospect, in: rect, scroll: state.draftScroll, into: &buffer)
            return
        }
        let top = max(0, min(browser.selection - content.height / 2, state.pendingFollowUps.count - content.height))
        for (row, index) in (top..<min(state.pendingFollowUps.count, top + content.height)).enumerated() {
            let pending = state.pendingFollowUps[index]
            let selected = index == browser.selection
            let when = Format.dayAndTime(pending.call.startedAt, zone: state.zone)
            let outcome = pending.call.outcome?.label ?? "no outcome"
            let stage = pending.stage?.label
            let details = [pending.prospect.name, pending.prospect.company, outcome, stage]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            let text = "\(selected ? "▶" : " ") \(when)  \(details)"
            buffer.write(Format.fit(text, width: content.width), in: content.row(row),
                style: selected ? Style(.selection, bold: true) : Style(.text))
        }
    }
}
