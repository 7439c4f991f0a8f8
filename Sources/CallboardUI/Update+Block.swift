import CallboardCore
import Foundation

/// The calling block (`P`): the queue called in order, a countdown before each dial.
extension AppState {
    /// Between two calls of a block, on the queue: the countdown's keys are in force.
    var isBlockWaiting: Bool {
        guard let block, block.isRunning, live == nil else { return false }
        switch block.phase {
        case .countdown, .paused: return true
        default: return false
        }
    }

    /// The instant whole seconds are counted from while something on screen counts them
    /// (the call's timer, the block's countdown or wrap-up timer); nil when only the
    /// clock's minutes change. The runtime ticks every second while there is one.
    public var secondsOrigin: MonotonicInstant? {
        if let live { return live.meter.origin }
        switch block?.phase {
        case .countdown(let until): return until + 0.5
        case .wrapUp(let since): return since
        default: return nil
        }
    }

    /// The prospect the block dials next, as the queue holds it.
    public var blockNext: QueueEntry? {
        guard let id = block?.next else { return nil }
        return queue.first { $0.id == id }
    }

    mutating func blockAction(_ action: Action, at moment: Moment) -> [Effect] {
        switch action {
        case .startBlock:
            guard live == nil, block == nil else { return [] }
            var started = CallingBlock(
                queue: queue, rules: settings.callingBlock, at: moment.monotonic, wall: moment.wall,
                sellerZone: zone, hours: settings.businessHours)
            guard started.next != nil else {
                started.end(at: moment.monotonic)
                status = StatusMessage(
                    queue.isEmpty ? "Nobody to call: the queue is empty." : "Nobody to call now: \(skippedText(started)).")
                return []
            }
            block = started
            showBlockNext()
            let count = started.waiting.count
            status = StatusMessage(
                "Calling block: \(count) to call" + (started.skipped.isEmpty ? "" : "; \(skippedText(started))"))
            return []
        case .stopBlock:
            return stopBlock(at: moment, reason: "Block stopped")
        default:
            return []
        }
    }

    /// "skipped 2 outside their hours: Ann Lee, Bo Chen".
    func skippedText(_ block: CallingBlock) -> String {
        let names = block.skipped.compactMap { id in queue.first { $0.id == id }?.prospect.name }
        return "skipped \(block.skipped.count) outside their hours: " + names.joined(separator: ", ")
    }

    /// Any key but the block's own pauses the countdown; Space pauses it or goes on.
    mutating func pauseOrResumeBlock(at moment: Moment) -> [Effect] {
        guard var running = block else { return [] }
        if case .paused = running.phase {
            running.resume(at: moment.monotonic)
            status = nil
        } else {
            running.pause(at: moment.monotonic)
            status = StatusMessage("Paused: Space goes on, Enter dials now, Esc stops the block.")
        }
        block = running
        return []
    }

    /// Enter between calls: the next prospect now, countdown or not.
    mutating func dialNextInBlock(at moment: Moment) -> [Effect] {
        guard block?.next != nil else { return [] }
        showBlockNext()
        guard blockNext != nil else {
            if let id = block?.next { block?.drop(id) }
            return []
        }
        return startCall(at: moment)
    }

    /// Each tick: the countdown ran out, so the next prospect is dialled.
    mutating func blockTick(at moment: Moment) -> [Effect] {
        guard isBlockWaiting, let running = block, running.isDue(at: moment.monotonic) else { return [] }
        // A call not saved yet waits for the seller's Enter, never for the countdown.
        guard saving == nil, notSaved == nil else { return [] }
        // Someone who left the queue since the block began (filed elsewhere) is passed over.
        while let id = block?.next, !queue.contains(where: { $0.id == id }) { block?.drop(id) }
        guard block?.next != nil else { return finishBlockIfDone(at: moment) }
        showBlockNext()
        return startCall(at: moment)
    }

    /// After a call of the block is filed: the countdown to the next, or the block's end.
    mutating func blockAfterFiling() -> [Effect] {
        guard let now, block != nil else { return [] }
        showBlockNext()
        return finishBlockIfDone(at: now)
    }

    mutating func finishBlockIfDone(at moment: Moment) -> [Effect] {
        guard let running = block, running.phase == .finished else { return [] }
        return stopBlock(at: moment, reason: "Block done")
    }

    /// The block ends; its figures are kept for the review.
    mutating func stopBlock(at moment: Moment, reason: String) -> [Effect] {
        guard var ended = block else { return [] }
        ended.end(at: moment.monotonic)
        block = nil
        let summary = ended.summary(at: moment.monotonic)
        status = StatusMessage("\(reason): " + Self.blockFigures(summary))
        return summary.dials > 0 ? [.saveBlock(summary)] : []
    }

    /// The cursor on the block's next prospect, so the brief shows them.
    mutating func showBlockNext() {
        guard let id = block?.next, let index = queue.firstIndex(where: { $0.id == id }) else { return }
        selection = index
        briefScroll = 0
    }

    /// "12 dials · 4 connects · 24/h · 0:30:00".
    public static func blockFigures(_ summary: CallingBlockSummary) -> String {
        var parts = ["\(summary.dials) dial\(summary.dials == 1 ? "" : "s")"]
        parts.append("\(summary.connects) connect\(summary.connects == 1 ? "" : "s")")
        if let rate = summary.dialsPerHour { parts.append(String(format: "%.0f/h", rate)) }
        parts.append(Format.duration(summary.seconds))
        return parts.joined(separator: " · ")
    }
}
