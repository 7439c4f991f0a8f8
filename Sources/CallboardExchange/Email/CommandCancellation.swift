import Synchronization

/// Lets one thread stop the outside programs another thread runs: once cancelled, a
/// running program is stopped within a moment and no new one starts.
public final class CommandCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

    public var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }
}
