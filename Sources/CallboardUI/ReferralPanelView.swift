import CallboardCore
import Foundation

/// The referral-ask checklist: always there in a call, loud once the conversation has
/// run a while or the seller is ending it, ticked once the ask is marked.
enum ReferralPanelView {
    /// Loud once the conversation has run a while, or while the seller ends a call that
    /// was a conversation and has not asked yet. A call where nobody talked (no answer,
    /// voicemail) never asks for referrals.
    static func isProminent(_ state: AppState) -> Bool {
        guard let live = state.live, !live.askMade, let now = state.now else { return false }
        if case .endOfCall(let flow) = state.mode { return flow.asksForReferrals && flow.referralAsk != .asked }
        return live.figures(at: now.monotonic).talk >= state.settings.referralReminderMinutes * 60
    }

    /// Whether each of the two questions is ticked: marked with `a` / `A`, or both at once
    /// by "y, I asked" in the end-of-call dialog.
    static func ticks(_ state: AppState) -> (whoElse: Bool, advice: Bool) {
        guard let live = state.live else { return (false, false) }
        var answeredYes = live.endOfCallAnswers?.askAnswer == true && !live.askMarked
        if case .endOfCall(let flow) = state.mode, flow.answers.askAnswer == true { answeredYes = true }
        return (live.call.asked(.whoElse) || answeredYes, live.call.asked(.advice) || answeredYes)
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let prominent = isProminent(state)
        let ticked = ticks(state)
        let asked = ticked.whoElse || ticked.advice
        let title = prominent ? "Ask for referrals now" : "Referral ask"
        let inner = Frame.draw(title, in: rect, into: &buffer, focused: state.focus == .referrals,
            border: prominent ? .warn : (asked ? .good : nil))
        guard !inner.isEmpty else { return }
        let inCall = state.live != nil
        func item(_ text: String, _ done: Bool) -> (String, Style) {
            let style = !inCall ? Style(.muted, dim: true)
                : done ? Style(.good) : prominent ? Style(.warn, bold: true) : Style(.text)
            return ("\(done ? "[x]" : "[ ]") \(text)", style)
        }
        var lines: [(String, Style)] = [
            item("Who else might be interested in this?", ticked.whoElse),
            item("Ask for their advice: who should I talk to?", ticked.advice),
        ]
        let keys = [Action.askedReferrals, .askedAdvice].compactMap { Keymap.label(for: $0, in: .call) }
            .joined(separator: " / ")
        if asked {
            lines.append(("✓ Asked for referrals on this call", Style(.good, bold: true)))
        } else if inCall {
            lines.append(("\(keys) marks each question asked", Style(.muted)))
        } else {
            lines.append(("In a call, \(keys) marks each question asked", Style(.muted, dim: true)))
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(Format.fit(line.0, width: inner.width), in: inner.row(i), style: line.1)
        }
    }
}
