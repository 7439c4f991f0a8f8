import CallboardCore
import Foundation

/// Watches the headset's levels for the talk panel: the loudest frame of each input over
/// a fifth of a second, reported only when its step changed. So at most
/// ``InputLevels/perSecond`` reports a second reach the dashboard, and none while the
/// levels hold still.
public struct InputLevelWatch: Sendable {
    private var micPeak = FrameLevel.floorDB
    private var linePeak: Double?
    private var samples = 0
    private var last: InputLevels?

    public init() {}

    /// Takes a frame; returns the levels when a window closed with a different step.
    public mutating func add(_ frame: AudioFrame) -> InputLevels? {
        guard frame.sampleRate > 0, !frame.mic.isEmpty else { return nil }
        micPeak = max(micPeak, FrameLevel(frame.mic).decibels)
        if let line = frame.line { linePeak = max(linePeak ?? FrameLevel.floorDB, FrameLevel(line).decibels) }
        samples += frame.mic.count
        guard samples * InputLevels.perSecond >= frame.sampleRate else { return nil }
        let levels = InputLevels(micDecibels: micPeak, lineDecibels: linePeak)
        micPeak = FrameLevel.floorDB
        linePeak = nil
        samples = 0
        guard levels != last else { return nil }
        last = levels
        return levels
    }
}
