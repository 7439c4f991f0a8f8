import CallboardAudio
import CallboardAudioSources
import CallboardCore
import CallboardExchange
import CallboardUI
import Foundation

/// Hands-free in the dashboard: captures the headset through PulseAudio, detects who is
/// talking, and hands each change to `send` as ``Event/speakerDetected(_:_:)``, from its
/// own thread. `send` must be safe to call from any thread (the runtime's `send(_:)`).
///
/// Nothing captured is kept: each 20 ms frame is analysed and dropped.
struct HandsFreeListening {
    let detection: LiveDetection

    /// Starts listening as the configuration says; throws with the sentence to show when
    /// this machine has no PulseAudio or the devices cannot be opened.
    static func start(
        _ configuration: Configuration, clock: any MonotonicClock, wallClock: @escaping @Sendable () -> Date,
        send: @escaping @Sendable (Event) -> Void
    ) throws(AudioSourceError) -> HandsFreeListening {
        let line = configuration.handsFreeLine ?? PulseCapture.defaultLine
        let capture = try PulseCapture(
            mic: configuration.handsFreeMic, line: line.lowercased() == "off" ? nil : line, clock: clock)
        let detection = LiveDetection(
            source: capture,
            onChange: { change in
                let now = Moment(monotonic: clock.now(), wall: wallClock())
                send(.speakerDetected(change.speaker, now.earlier(at: change.at)))
            },
            onWarning: { warning in send(.failed("Hands-free: \(warning).")) },
            onLevels: { levels in send(.inputLevels(levels)) },
            onEnd: { failure in
                guard let failure else { return }
                send(.failed("Hands-free stopped: \(failure.description)"))
            })
        return HandsFreeListening(detection: detection)
    }

    func stop() { detection.stop() }
}
