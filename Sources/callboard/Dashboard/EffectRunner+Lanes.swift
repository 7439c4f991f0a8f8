import CallboardRuntime
import CallboardUI

/// Where each effect runs beside the loop, what the first frame reads, and stopping the
/// send command when the dashboard closes.
extension EffectRunner: EffectHandler {
    func lane(for effect: Effect) -> EffectLane {
        switch effect {
        case .openEditor: .terminal
        case .sendFollowUp, .dial, .hangUp: .command
        case .handOffCalls: .afterCall
        case .saveBlock: .store
        case .load, .loadQueue, .loadFollowUps, .fileCall, .updateCall, .addProspect, .writeFollowUp, .loadReview: .store
        case .checkpoint, .clearCheckpoint: .checkpoint
        case .quit: .loop
        }
    }

    /// The store's working set, then a call a crash left live.
    func start(at moment: Moment) -> [Event] {
        var events = perform(.load, at: moment)
        do {
            if let checkpoint = try desk.liveCall() { events.append(.resumed(checkpoint, moment)) }
        } catch {
            events.append(.failed("The call in progress could not be recovered: \(error)"))
        }
        return events
    }

    func stop() { cancellation.cancel() }
}
