import Foundation

/// Keeps the prospect's voice, leaking from the earpiece into the microphone, from
/// counting as mine, and my voice echoed back on the line from counting as theirs.
///
/// While the other channel is talking (or was in the last ``recentSeconds``), a channel
/// counts only if it is louder than the other by the learned leak plus ``margin`` dB.
/// The leak is learned as a low percentile of the level difference over the frames where
/// the other side talks: a microphone always hears at least the leak, so the quietest
/// differences are the leak itself. An echo comes back late, so the line is compared with
/// my loudest frame of the last ``echoDelaySeconds``, and the echo is learned as a high
/// percentile: its loud end is what must not pass for the prospect.
public struct CrossTalkGate: Sendable {
    public static let margin = 8.0
    public static let recentSeconds = 0.25
    public static let memorySeconds = 20.0
    /// The leak assumed until enough is heard to learn it.
    public static let startingLeak = -20.0
    /// A leak above this means the call audio reaches the microphone: no headset.
    public static let noHeadsetLeak = -10.0

    /// What reaches the microphone from the line, in dB (mic − line).
    public private(set) var leak = LeakEstimate()
    /// What reaches the line from the microphone, in dB (line − mic).
    public private(set) var echo = LeakEstimate()
    /// An echo comes back late: the line is compared with the loudest microphone frame of
    /// the last ``echoDelaySeconds``, so my voice's echo is not taken for the prospect
    /// while my own voice has already paused.
    public static let echoDelaySeconds = 0.3
    private var recentMic: [Double] = []
    private var nextMic = 0
    private let echoFrames: Int
    private var framesSinceMe = Int.max / 2
    private var framesSinceProspect = Int.max / 2
    private let recentFrames: Int

    public init(frameSeconds: Double = SpeakerDetector.frameSeconds) {
        recentFrames = max(1, Int((Self.recentSeconds / frameSeconds).rounded()))
        echoFrames = max(1, Int((Self.echoDelaySeconds / frameSeconds).rounded()))
        let memory = max(1, Int((Self.memorySeconds / frameSeconds).rounded()))
        leak = LeakEstimate(memory: memory)
        // An echo's level against my recent loudest frame varies with its delay: the
        // loud end of that range is what must not pass for the prospect.
        echo = LeakEstimate(memory: memory, percentile: LeakEstimate.echoPercentile)
    }

    /// Who is heard in this frame, from each channel's voice decision and level.
    public mutating func decide(
        micVoice: Bool, mic: FrameLevel, lineVoice: Bool, line: FrameLevel
    ) -> (me: Bool, prospect: Bool) {
        let difference = mic.decibels - line.decibels
        if recentMic.count < echoFrames {
            recentMic.append(mic.decibels)
        } else {
            recentMic[nextMic] = mic.decibels
            nextMic = (nextMic + 1) % echoFrames
        }
        let echoDifference = line.decibels - (recentMic.max() ?? mic.decibels)
        let lineRecent = lineVoice || framesSinceProspect <= recentFrames
        let micRecent = micVoice || framesSinceMe <= recentFrames
        let me = micVoice && (!lineRecent || difference > leak.value + Self.margin)
        let prospect = lineVoice && (!micRecent || echoDifference > echo.value + Self.margin)
        // A leak is quieter than its source: learning each only where its source is the
        // louder keeps my talking over them from passing for a leak, and their voice in
        // my microphone from passing for an echo.
        if lineVoice, difference < 0 { leak.learn(difference) }
        if micVoice, echoDifference < 0 { echo.learn(echoDifference) }
        framesSinceMe = me ? 0 : framesSinceMe + 1
        framesSinceProspect = prospect ? 0 : framesSinceProspect + 1
        return (me, prospect)
    }

    /// Whether enough was heard to say the call audio reaches the microphone.
    public var soundsLikeNoHeadset: Bool { leak.isLearned && leak.value > Self.noHeadsetLeak }
}

/// A level difference learned as the 20th percentile of the last few seconds of samples.
public struct LeakEstimate: Hashable, Sendable {
    public static let percentile = 0.2
    public static let echoPercentile = 0.8
    /// Samples needed before the learned value replaces the starting one (1 s of talk).
    public static let samplesNeeded = 50
    /// The percentile is worked out again after this many new samples.
    static let refreshEvery = 25

    public private(set) var value = CrossTalkGate.startingLeak
    private var samples: [Double] = []
    private var next = 0
    private var sinceRefresh = 0
    private let memory: Int

    private let percentile: Double

    public init(memory: Int = 1000, percentile: Double = LeakEstimate.percentile) {
        self.memory = memory
        self.percentile = percentile
    }

    public var isLearned: Bool { samples.count >= Self.samplesNeeded }

    mutating func learn(_ difference: Double) {
        if samples.count < memory {
            samples.append(difference)
        } else {
            samples[next] = difference
            next = (next + 1) % memory
        }
        sinceRefresh += 1
        guard isLearned, sinceRefresh >= Self.refreshEvery || samples.count == Self.samplesNeeded else { return }
        sinceRefresh = 0
        let sorted = samples.sorted()
        value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * percentile))]
    }
}
