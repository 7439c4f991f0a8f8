import CallboardAudio
import CallboardCore
import Foundation

/// Detection running on its own thread: reads frames from a source, hands each decided
/// change to `onChange`, each new warning (no headset) to `onWarning` once, and calls
/// `onEnd` once when the source ends, fails or is stopped. `onLevels` hears the inputs'
/// levels when their step changes, at most ``InputLevels/perSecond`` times a second.
/// No frame outlives its turn through the loop.
public final class LiveDetection: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the thread. The source and detector belong to it from here on.
    public init(
        source: any AudioSource, detector: any SpeakerDetecting = SpeakerDetector(),
        onChange: @escaping @Sendable (SpeakerChange) -> Void,
        onWarning: @escaping @Sendable (String) -> Void = { _ in },
        onLevels: @escaping @Sendable (InputLevels) -> Void = { _ in },
        onEnd: @escaping @Sendable (AudioSourceError?) -> Void = { _ in }
    ) {
        let owned = Owned(source: source, detector: detector)
        let thread = Thread { [self] in
            var source = owned.source
            var detector = owned.detector
            var failure: AudioSourceError?
            var warned: Set<String> = []
            var levels = InputLevelWatch()
            do throws(AudioSourceError) {
                while !isStopping, let frame = try source.nextFrame() {
                    if let changed = levels.add(frame) { onLevels(changed) }
                    for change in detector.listen(to: frame) { onChange(change) }
                    for warning in detector.warnings where !warned.contains(warning) {
                        warned.insert(warning)
                        onWarning(warning)
                    }
                }
                if !isStopping { for change in detector.finish() { onChange(change) } }
            } catch {
                failure = error
            }
            onEnd(failure)
            finished.signal()
        }
        thread.name = "callboard hands-free"
        thread.start()
    }

    /// Asks the thread to stop after the frame it is reading, and waits for it.
    public func stop() {
        lock.withLock { stopping = true }
        wait()
    }

    /// Waits until the source has ended (a file) or the thread was stopped.
    public func wait() {
        finished.wait()
        finished.signal()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    /// Handed to the thread once; nobody else touches them.
    private struct Owned: @unchecked Sendable {
        var source: any AudioSource
        var detector: any SpeakerDetecting
    }
}
