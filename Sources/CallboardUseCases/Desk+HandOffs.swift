import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// What handing the queued calls to the after-call command came to.
public struct HandOffReport: Hashable, Sendable {
    /// Calls the command took (exited 0) this time.
    public var handed: Int
    /// Calls still waiting in the store.
    public var waiting: Int
    /// Why the first call that failed did, for the seller; nil when all went.
    public var failure: String?

    public init(handed: Int, waiting: Int, failure: String?) {
        self.handed = handed
        self.waiting = waiting
        self.failure = failure
    }
}

extension Desk {
    /// Hands every queued call to the after-call command, oldest first, each as one JSON
    /// document on its standard input. A call leaves the queue only when the command exits
    /// 0; the first failure (an exit status, a timeout, a missing program) stops the round,
    /// so a broken command costs one timeout, not one per call, and the rest wait for the
    /// next round (the next filed call, or the next start).
    public func handOffPending(
        searchPath: String, cancellation: CommandCancellation? = nil
    ) throws(StoreError) -> HandOffReport {
        let pending = try store.pendingHandOffs()
        guard let command = afterCallCommand, !pending.isEmpty else {
            return HandOffReport(handed: 0, waiting: pending.count, failure: nil)
        }
        let runner = CommandRunner(searchPath: searchPath)
        var handed = 0
        for (name, document) in pending {
            let failure: String?
            do {
                let outcome = try runner.run(command, input: document, timeout: afterCallTimeout, cancellation: cancellation)
                if outcome.succeeded {
                    failure = nil
                } else {
                    let detail = outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                    failure = "the after-call command exited with status \(outcome.status)" + (detail.isEmpty ? "" : " (\(detail))")
                }
            } catch .timedOut(_, let seconds) {
                failure = "the after-call command did not finish within \(CommandRunner.Failure.seconds(seconds)) s and was stopped"
            } catch {
                failure = error.description
            }
            if let failure {
                return HandOffReport(handed: handed, waiting: pending.count - handed, failure: failure)
            }
            try store.removeHandOff(name: name)
            handed += 1
        }
        return HandOffReport(handed: handed, waiting: 0, failure: nil)
    }

    /// Keeps a finished calling block for the review.
    public func saveBlock(_ block: CallingBlockSummary) throws(StoreError) {
        try store.saveBlock(block)
    }

    /// The calling blocks worked on `day`.
    public func blocks(on day: CalendarDay) throws(StoreError) -> [CallingBlockSummary] {
        try store.blocks(on: day)
    }
}
