import Dispatch

/// One serial line of work beside the loop: what is put on it runs in that order, one
/// piece at a time, on a thread of its own. An inline lane runs each piece at once on the
/// caller's thread, for tests that script the terminal and want every answer before the
/// next input.
final class Lane: Sendable {
    private let queue: DispatchQueue?

    init(_ label: String, inline: Bool) {
        queue = inline ? nil : DispatchQueue(label: "callboard.\(label)")
    }

    func async(_ work: @escaping @Sendable () -> Void) {
        guard let queue else { return work() }
        queue.async(execute: work)
    }

    /// Waits until everything put on the lane so far is done, at most `seconds` (nil:
    /// however long it takes). Whether it finished.
    @discardableResult
    func drain(within seconds: Double? = nil) -> Bool {
        guard let queue else { return true }
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        guard let seconds else {
            done.wait()
            return true
        }
        return done.wait(timeout: .now() + seconds) == .success
    }
}

/// The loop's lanes (see ``EffectLane``).
struct Lanes: Sendable {
    let checkpoint: Lane
    let store: Lane
    let command: Lane

    init(inline: Bool) {
        checkpoint = Lane("checkpoint", inline: inline)
        store = Lane("store", inline: inline)
        command = Lane("command", inline: inline)
    }
}
