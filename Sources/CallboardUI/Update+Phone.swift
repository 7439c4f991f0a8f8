import CallboardCore
import Foundation

/// What the phone says about the call callboard dialled, and the after-call command's
/// answer.
extension AppState {
    mutating func phone(_ event: PhoneEvent, at moment: Moment) -> [Effect] {
        switch event {
        case .ringing:
            if let live, live.isRinging { status = StatusMessage("Ringing \(live.prospect.name)…") }
            return []
        case .answered:
            guard let ringing = live, ringing.isRinging else { return [] }
            // The timer starts when the prospect picks up, not when the number was dialled.
            var call = ringing
            call.answer(at: moment)
            live = call
            status = StatusMessage("\(ringing.prospect.name) answered")
            return [checkpoint(at: moment)]
        case .ended(let reason):
            // Once the seller is in the end-of-call dialogs, the call has ended already.
            guard let call = live else { return [] }
            switch mode {
            case .call, .note: break
            default: return []
            }
            let wasRinging = call.isRinging
            if case .note(let field) = mode { live?.noteDraft = field }
            let effects = endCall(live ?? call, at: moment)
            let why = Self.phoneReason(reason)
            status = StatusMessage(
                wasRinging ? "No answer" + (why.isEmpty ? "" : " (\(why))") : "Call ended" + (why.isEmpty ? "" : " (\(why))"))
            return effects
        case .dialFailed(let reason):
            block?.pause(at: moment.monotonic)
            let why = Self.phoneReason(reason)
            guard let call = live, call.isRinging || call.meter.elapsed(at: moment.monotonic) < 2 else {
                status = StatusMessage("The phone: \(why)", isError: true)
                return []
            }
            // Nothing rang: the call did not happen, so nothing is saved.
            live = nil
            mode = .queue
            focus = .queue
            status = StatusMessage("Could not dial \(call.prospect.name): \(why)", isError: true)
            return [.clearCheckpoint]
        }
    }

    mutating func handedOff(handed: Int, waiting: Int, failure: String?) -> [Effect] {
        guard let failure else { return [] }
        let why = failure.trimmingCharacters(in: .whitespacesAndNewlines)
        status = StatusMessage(
            "Not handed off: \(why). \(waiting) call\(waiting == 1 ? "" : "s") wait in handoffs/ and go at the next save or start.",
            isError: true)
        return []
    }

    /// A phone's words, one clean line.
    static func phoneReason(_ reason: String) -> String {
        String(SafeText.clean(reason).trimmingCharacters(in: .whitespacesAndNewlines).prefix(120))
    }
}
