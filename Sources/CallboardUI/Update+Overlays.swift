import CallboardCore
import Foundation

extension AppState {
    /// Whether the keys go into a text field now, so letters are letters.
    var takesText: Bool {
        if confirmingQuit || showingHelp { return false }
        switch mode {
        case .addProspect, .note: return true
        case .endOfCall(let flow): return flow.takesText
        default: return false
        }
    }

    /// A talk key over help, the quit question or an end-of-call dialog. Over help and
    /// the quit question it marks the talk as in the call. In the end-of-call dialogs the
    /// meter is held at the hang-up: `m`, `p` or `Space` means the talk went on, so the
    /// call comes back with the floor marked (the answers kept for the next `e`); `a` and
    /// `A` mark the referral ask; `s` changes nothing, the call is already on hold.
    mutating func talkOverDialog(_ action: Action, at moment: Moment) -> [Effect] {
        guard case .endOfCall(let flow) = mode, !showingHelp, !confirmingQuit else {
            return callAction(action, at: moment)
        }
        switch action {
        case .markMe, .markProspect, .toggleSpeaker:
            var effects = returnToCall(from: flow, at: moment)
            effects += callAction(action, at: moment)
            status = StatusMessage("Back in the call: the talk went on. e ends it again, with your answers kept.")
            return effects
        case .askedReferrals, .askedAdvice:
            guard var call = live else { return [] }
            markAsk(action == .askedAdvice ? .advice : .whoElse, in: &call)
            live = call
            var flow = flow
            flow.askMarkedChanged(to: call.askMarked)
            mode = .endOfCall(flow)
            return [checkpoint(at: moment)]
        default:
            status = StatusMessage("The call is on hold while you finish it.")
            return []
        }
    }

    /// Moves the help overlay by `delta` lines, within what there is to see.
    mutating func scrollHelp(by delta: Int) {
        helpScroll = max(0, min(helpScroll + delta, HelpOverlayView.maxScroll(self)))
    }
}
