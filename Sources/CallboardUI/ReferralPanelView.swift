import CallboardCore
import Foundation

/// The referral-ask checklist: always there in a call, loud once the conversation has
/// run a while or the seller is ending it, ticked once the ask is marked.
enum ReferralPanelView {
    static func isProminent(_ state: AppState) -> Bool {
        guard let live = state.live, !live.askMade, let now = state.now else { return false }
        if case .endOfCall = state.mode { return true }
        return live.figures(at: now.monotonic).talk >= state.settings.referralReminderMinutes * 60
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let prominent = isProminent(state)
        var asked = state.live?.askMade ?? false
        // "y, I asked" in the end-of-call dialog ticks the checklist as `a` does.
        if case .endOfCall(let flow) = state.mode, flow.referralAsk == .asked { asked = true }
        let title = prominent ? "Ask for referrals now" : "Referral ask"
        let inner = Frame.draw(title, in: rect, into: &buffer, focused: state.focus == .referrals,
            border: prominent ? .warn : (asked ? .good : nil))
        guard !inner.isEmpty else { return }
        let inCall = state.live != nil
        let box = asked ? "[x]" : "[ ]"
        let itemStyle = !inCall ? Style(.muted, dim: true)
            : prominent ? Style(.warn, bold: true) : (asked ? Style(.good) : Style(.text))
        var lines: [(String, Style)] = [
            ("\(box) Who else might be interested in this?", itemStyle),
            ("\(box) Ask for their advice: who should I talk to?", itemStyle),
        ]
        if asked {
            lines.append(("✓ Asked for referrals on this call", Style(.good, bold: true)))
        } else if inCall {
            lines.append(("a marks the ask", Style(.muted)))
        } else {
            lines.append(("In a call, a marks the ask", Style(.muted, dim: true)))
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(Format.fit(line.0, width: inner.width), in: inner.row(i), style: line.1)
        }
    }
}
