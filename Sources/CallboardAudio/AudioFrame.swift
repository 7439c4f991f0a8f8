import CallboardCore
import Foundation

/// A short piece of audio from the headset, as the detector sees it: the microphone and,
/// when the softphone's audio is captured too, the line, sample for sample, from the
/// instant of its first sample.
///
/// Samples are in -1...1. They live only as long as the frame: nothing keeps them.
public struct AudioFrame: Sendable {
    public var sampleRate: Int
    /// The monotonic instant of the first sample.
    public var start: MonotonicInstant
    /// The seller's microphone.
    public var mic: [Float]
    /// The call audio played to the seller (the prospect), as long as `mic`; nil when
    /// only the microphone is captured.
    public var line: [Float]?

    public init(sampleRate: Int, start: MonotonicInstant, mic: [Float], line: [Float]? = nil) {
        self.sampleRate = sampleRate
        self.start = start
        self.mic = mic
        self.line = line
    }

    public var duration: Double { sampleRate > 0 ? Double(mic.count) / Double(sampleRate) : 0 }
}

/// A change of who is talking, dated at its onset.
public struct SpeakerChange: Hashable, Sendable, CustomStringConvertible {
    public var speaker: Speaker
    public var at: MonotonicInstant

    public init(_ speaker: Speaker, at: MonotonicInstant) {
        self.speaker = speaker
        self.at = at
    }

    public var description: String { "\(speaker.rawValue)@\(String(format: "%.2f", at.seconds))" }
}
