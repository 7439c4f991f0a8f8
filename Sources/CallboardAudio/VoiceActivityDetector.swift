import Foundation

/// Decides, frame by frame, whether one channel carries a voice. A better detector (a
/// trained one, say) can take the energy detector's place behind this.
public protocol VoiceActivityDetector: Sendable {
    /// Whether this frame holds voice; frames come in order, 20 ms each.
    mutating func isVoice(_ samples: ArraySlice<Float>, level: FrameLevel) -> Bool
}

/// Voice is energy well above the channel's recent floor, and not hiss.
///
/// The floor is the quietest frame of the last ``floorSeconds``; a frame turns voice on at
/// ``onAboveFloor`` dB above it and stays on down to ``offAboveFloor`` dB. Frames that
/// cross zero as often as hiss does are never voice, however loud.
public struct EnergyVoiceDetector: VoiceActivityDetector {
    public var onAboveFloor = 11.0
    public var offAboveFloor = 5.0
    /// Below this absolute level nothing is voice (a muted or unplugged microphone).
    public var quietest = -70.0
    public var maxZeroCrossings = 0.35
    public static let floorSeconds = 1.5

    private var recent: [Double] = []
    private var next = 0
    private var isOn = false
    private let window: Int

    public init(frameSeconds: Double = SpeakerDetector.frameSeconds) {
        window = max(1, Int((Self.floorSeconds / frameSeconds).rounded()))
    }

    public mutating func isVoice(_ samples: ArraySlice<Float>, level: FrameLevel) -> Bool {
        if recent.count < window {
            recent.append(level.decibels)
        } else {
            recent[next] = level.decibels
            next = (next + 1) % window
        }
        let floor = recent.min() ?? level.decibels
        let above = level.decibels - floor
        let loudEnough = level.decibels > quietest && above >= (isOn ? offAboveFloor : onAboveFloor)
        isOn = loudEnough && level.zeroCrossings <= maxZeroCrossings
        return isOn
    }
}
