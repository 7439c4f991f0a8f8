import CallboardCore
import Foundation

/// `callboard audio test`: a few seconds of the headset heard, then what the seller should
/// know: how loud each input is when something is heard and when nothing is, how much of
/// the call audio reaches the microphone, and whether that means there is no headset.
///
/// It runs the detector itself, so the leak it reports is the one hands-free would learn.
public struct AudioCheck: Sendable {
    /// What was heard on one input.
    public struct Input: Hashable, Sendable {
        /// The median level of the frames that held a voice or sound, in dB; nil if none did.
        public var soundLevel: Double?
        /// The quietest tenth of the frames: the input's own noise, in dB.
        public var quietLevel: Double
        /// Seconds that held a voice or sound.
        public var soundSeconds: Double
    }

    public struct Report: Hashable, Sendable {
        public var seconds: Double
        public var mic: Input
        public var line: Input?
        /// The level of the call audio in the microphone, relative to the call audio, in
        /// dB; nil when too little was played to measure it.
        public var leak: Double?
        public var warnings: [String]
    }

    /// Under this much sound on the microphone, the seller is told it seems not to hear them.
    public static let tooLittleVoice = 1.0

    private var detector = SpeakerDetector()
    private var micVoice = EnergyVoiceDetector()
    private var lineVoice = EnergyVoiceDetector()
    private var micLevels: [Double] = []
    private var micSounds: [Double] = []
    private var lineLevels: [Double] = []
    private var lineSounds: [Double] = []
    private var hasLine = false
    private var frames = 0

    public init() {}

    /// Takes a 20 ms frame of each input (as ``SpeakerDetector`` takes any frame).
    public mutating func add(_ frame: AudioFrame) {
        _ = detector.listen(to: frame)
        let mic = FrameLevel(frame.mic)
        micLevels.append(mic.decibels)
        if micVoice.isVoice(frame.mic[...], level: mic) { micSounds.append(mic.decibels) }
        if let line = frame.line, line.count == frame.mic.count {
            hasLine = true
            let level = FrameLevel(line)
            lineLevels.append(level.decibels)
            if lineVoice.isVoice(line[...], level: level) { lineSounds.append(level.decibels) }
        }
        frames += 1
    }

    public func report(frameSeconds: Double = SpeakerDetector.frameSeconds) -> Report {
        func input(_ levels: [Double], _ sounds: [Double]) -> Input {
            let sorted = levels.sorted()
            let quiet = sorted.isEmpty ? FrameLevel.floorDB : sorted[sorted.count / 10]
            return Input(
                soundLevel: TalkPatience.median(of: sounds), quietLevel: quiet,
                soundSeconds: Double(sounds.count) * frameSeconds)
        }
        let mic = input(micLevels, micSounds)
        let line = hasLine ? input(lineLevels, lineSounds) : nil
        var warnings = detector.warnings
        if mic.soundSeconds < Self.tooLittleVoice {
            warnings.append("the microphone heard almost nothing: is it muted, or is another input the default?")
        }
        if let line, line.soundSeconds < Self.tooLittleVoice {
            warnings.append("the call audio was silent: play something on the device your softphone uses")
        }
        return Report(
            seconds: Double(frames) * frameSeconds, mic: mic, line: line,
            leak: detector.leakIsLearned ? detector.learnedLeak : nil, warnings: warnings)
    }
}
