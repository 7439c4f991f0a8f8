import CallboardRuntime
import CallboardCore
import CallboardUI
import Synchronization

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

    /// The store's working set, then a call a crash left live. Read only: a working set
    /// rebuilt here is written by `afterFirstFrame`.
    func start(at moment: Moment) -> [Event] {
        var events: [Event]
        do {
            let (loaded, start) = try load(at: moment)
            events = [loaded]
            if !start.isWorkingSetStored { unkeptWorkingSet.remember(desk.day(of: moment.wall)) }
        } catch {
            events = [.failed(String(describing: error))]
        }
        do {
            if let found = try desk.recoveredCall() {
                events.append(.resumed(found.checkpoint, prospect: found.prospect, moment))
                if let error = found.prospectUnread {
                    events.append(.failed("The details of whom the recovered call was with could not be read: \(error)"))
                }
            }
        } catch {
            events.append(.failed("The call in progress could not be recovered: \(error)"))
        }
        return events
    }

    /// Writes the working set the first frame rebuilt, if it did.
    func afterFirstFrame(at moment: Moment) -> [Event] {
        guard let day = unkeptWorkingSet.take() else { return [] }
        do {
            try desk.keepWorkingSet(today: day)
            return []
        } catch {
            return [.failed(String(describing: error))]
        }
    }

    func stop() { cancellation.cancel() }
}

/// The day of a working set rebuilt for the first frame and not yet written; shared by the
/// copies of the runner the lanes hold.
final class UnkeptWorkingSet: Sendable {
    private let day = Mutex<CalendarDay?>(nil)

    func remember(_ day: CalendarDay) { self.day.withLock { $0 = day } }

    /// The day, once: nil after it was taken or when nothing was rebuilt.
    func take() -> CalendarDay? { day.withLock { day in defer { day = nil }; return day } }
}
