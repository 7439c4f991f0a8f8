import CallboardCore
import CallboardUI
import Foundation

@testable import CallboardRuntime

/// Effects carried out in memory: everything is recorded, and an effect `isSlow` picks
/// blocks until the program stops (as a hung send command would, or a store on a dead
/// disk). The editor takes `editorSeconds` of real time.
final class FakeEffects: EffectHandler, @unchecked Sendable {
    struct Saved {
        var checkpoint: LiveCallCheckpoint
        /// When it was written, on the system's monotonic clock.
        var at: Double
    }

    static let anna = Prospect(id: "p-anna", name: "Anna Berg", phone: "+49 30 1", createdAt: Date(timeIntervalSince1970: 1_700_000_000))

    private let lock = NSLock()
    private let gate = DispatchSemaphore(value: 0)
    private let isSlow: @Sendable (Effect) -> Bool
    private let editorSeconds: Double
    private let afterFirst: @Sendable () -> [Event]
    private var saved: [Saved] = []
    private var performed: [Effect] = []
    private var blocked = 0
    private var stopped = false

    init(
        editorSeconds: Double = 0, isSlow: @escaping @Sendable (Effect) -> Bool = { _ in false },
        afterFirstFrame: @escaping @Sendable () -> [Event] = { [] }
    ) {
        self.isSlow = isSlow
        self.editorSeconds = editorSeconds
        afterFirst = afterFirstFrame
    }

    var checkpoints: [Saved] { lock.withLock { saved } }
    var effects: [Effect] { lock.withLock { performed } }
    /// Slow effects waiting right now.
    var waiting: Int { lock.withLock { blocked } }
    var wasStopped: Bool { lock.withLock { stopped } }

    func lane(for effect: Effect) -> EffectLane {
        switch effect {
        case .openEditor: .terminal
        case .sendFollowUp: .command
        default: .store
        }
    }

    func start(at moment: Moment) -> [Event] {
        [.loaded(StoreSnapshot(prospects: [Self.anna]), moment)]
    }

    func afterFirstFrame(at moment: Moment) -> [Event] { afterFirst() }

    func perform(_ effect: Effect, at moment: Moment) -> [Event] {
        lock.withLock { performed.append(effect) }
        if case .checkpoint(let checkpoint) = effect {
            let now = SystemClock().now().seconds
            lock.withLock { saved.append(Saved(checkpoint: checkpoint, at: now)) }
        }
        if case .openEditor(let text, let purpose) = effect {
            Thread.sleep(forTimeInterval: editorSeconds)
            return [.edited(purpose, text: text + " edited")]
        }
        if isSlow(effect) {
            lock.withLock { blocked += 1 }
            gate.wait()
            lock.withLock { blocked -= 1 }
            // Let the next slow one through too.
            gate.signal()
            return [.failed("stopped")]
        }
        return []
    }

    func stop() {
        lock.withLock { stopped = true }
        gate.signal()
    }
}

/// The seconds a body takes on the monotonic clock.
func seconds(_ body: () -> Void) -> Double {
    let start = SystemClock().now()
    body()
    return SystemClock().now() - start
}
