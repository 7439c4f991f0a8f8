import Foundation

/// How loud the headset's two inputs are, in a few steps: enough to see at a glance that
/// the microphone is dead or the call audio is not reaching callboard, coarse enough that
/// the screen changes only when the step does.
public struct InputLevels: Hashable, Codable, Sendable {
    /// Steps from 0 (nothing: a muted or unplugged input) to ``steps``.
    public static let steps = 5
    /// The level of step 1; each step above is ``stepDecibels`` louder.
    public static let quietest = -60.0
    public static let stepDecibels = 10.0
    /// At most this many changes a second reach the dashboard.
    public static let perSecond = 5

    public var mic: Int
    /// nil when only the microphone is captured.
    public var line: Int?

    public init(mic: Int, line: Int?) {
        self.mic = mic
        self.line = line
    }

    /// The steps of the loudest 20 ms frame of each input, in dB below full scale.
    public init(micDecibels: Double, lineDecibels: Double?) {
        self.init(mic: Self.step(micDecibels), line: lineDecibels.map(Self.step))
    }

    /// 0 at or below ``quietest``, then one step per ``stepDecibels``, up to ``steps``.
    public static func step(_ decibels: Double) -> Int {
        guard decibels.isFinite, decibels > quietest else { return 0 }
        return min(steps, 1 + Int(((decibels - quietest) / stepDecibels).rounded(.down)))
    }
}
