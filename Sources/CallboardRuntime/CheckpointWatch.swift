import CallboardCore
import Foundation
import Synchronization

/// Keeps a live call's checkpoint on time while the loop is away: while another program
/// has the terminal (the editor), the loop waits for it and cannot wake when the
/// checkpoint falls due, so a thread of its own does.
final class CheckpointWatch: Sendable {
    private let stopping = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let last = Mutex<MonotonicInstant?>(nil)

    /// Calls `write` after `delay` seconds, then every `interval` seconds until stopped;
    /// `write` answers the instant it saved, if it saved one.
    init(firstAfter delay: Double, every interval: Double, write: @escaping @Sendable () -> MonotonicInstant?) {
        Thread { [self] in
            LoopSignals.leaveToTheLoop()
            var wait = max(0, delay)
            while stopping.wait(timeout: .now() + wait) == .timedOut {
                if let instant = write() { last.withLock { $0 = instant } }
                wait = interval
            }
            finished.signal()
        }.start()
    }

    /// Stops the watch and waits for its thread; the instant of its last checkpoint.
    func stop() -> MonotonicInstant? {
        stopping.signal()
        finished.wait()
        return last.withLock { $0 }
    }
}
