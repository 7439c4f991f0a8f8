import CallboardCore
import Foundation

/// Anything that turns headset audio into changes of who is talking.
public protocol SpeakerDetecting: Sendable {
    /// Takes the next piece of audio; returns the changes now decided, dated at onset.
    /// Decisions lag the audio by up to about a second.
    mutating func listen(to frame: AudioFrame) -> [SpeakerChange]
    /// The audio has ended: decides what is still open.
    mutating func finish() -> [SpeakerChange]
    /// Things the seller should know about the audio, e.g. that there is no headset.
    var warnings: [String] { get }
}

/// The detector: per channel a voice-activity detector on 20 ms frames, the cross-talk
/// gate between the channels, and the floor tracker with its lookahead.
///
/// Deterministic: the same audio always gives the same changes. It keeps no audio beyond
/// the unfinished part of one 20 ms frame.
public struct SpeakerDetector: SpeakerDetecting {
    public static let frameSeconds = 0.02
    public static let noHeadsetWarning =
        "use a headset: the call audio reaches your microphone, so your own talk cannot be told apart"

    private var micVoice: any VoiceActivityDetector
    private var lineVoice: any VoiceActivityDetector
    private var gate = CrossTalkGate()
    private var floor = FloorTracker()
    /// Samples of the frame being filled; never more than one frame.
    private var pendingMic: [Float] = []
    private var pendingLine: [Float] = []
    private var pendingStart: MonotonicInstant?
    private var hasLine = false

    public init(
        micVoice: any VoiceActivityDetector = EnergyVoiceDetector(),
        lineVoice: any VoiceActivityDetector = EnergyVoiceDetector()
    ) {
        self.micVoice = micVoice
        self.lineVoice = lineVoice
    }

    public var warnings: [String] { gate.soundsLikeNoHeadset ? [Self.noHeadsetWarning] : [] }

    /// The leak from the line into the microphone learned so far, in dB.
    public var learnedLeak: Double { gate.leak.value }
    /// Whether enough of the call audio was heard for ``learnedLeak`` to be measured.
    public var leakIsLearned: Bool { gate.leak.isLearned }

    public mutating func listen(to frame: AudioFrame) -> [SpeakerChange] {
        guard frame.sampleRate > 0, !frame.mic.isEmpty else { return [] }
        let size = max(1, Int((Double(frame.sampleRate) * Self.frameSeconds).rounded()))
        let line = frame.line.flatMap { $0.count == frame.mic.count ? $0 : nil }
        if line != nil { hasLine = true }
        var changes: [SpeakerChange] = []
        var offset = 0
        while offset < frame.mic.count {
            if pendingStart == nil { pendingStart = frame.start + Double(offset) / Double(frame.sampleRate) }
            let take = min(size - pendingMic.count, frame.mic.count - offset)
            pendingMic += frame.mic[offset..<(offset + take)]
            if let line { pendingLine += line[offset..<(offset + take)] }
            offset += take
            guard pendingMic.count == size, let start = pendingStart else { continue }
            changes += analyse(start: start)
            pendingMic.removeAll(keepingCapacity: true)
            pendingLine.removeAll(keepingCapacity: true)
            pendingStart = nil
        }
        return changes
    }

    public mutating func finish() -> [SpeakerChange] {
        pendingMic = []
        pendingLine = []
        pendingStart = nil
        return floor.finish()
    }

    private mutating func analyse(start: MonotonicInstant) -> [SpeakerChange] {
        let micLevel = FrameLevel(pendingMic)
        let micIsVoice = micVoice.isVoice(pendingMic[...], level: micLevel)
        var lineLevel = FrameLevel(decibels: FrameLevel.floorDB, zeroCrossings: 0)
        var lineIsVoice = false
        if pendingLine.count == pendingMic.count {
            lineLevel = FrameLevel(pendingLine)
            lineIsVoice = lineVoice.isVoice(pendingLine[...], level: lineLevel)
        }
        let heard = gate.decide(micVoice: micIsVoice, mic: micLevel, lineVoice: lineIsVoice, line: lineLevel)
        return floor.add(FloorTracker.Heard(me: heard.me, prospect: heard.prospect, at: start))
    }
}
