import CallboardAudio
import CallboardCore
import Foundation

/// Speech-like signals made from numbers: voiced syllables (a pitch and its harmonics
/// under a smooth envelope) grouped into words and sentences, so the detector meets the
/// rhythm of talk without a recording.
struct SyntheticVoice {
    var pitch: Double
    /// Peak level of a syllable, dB relative to full scale.
    var level: Double

    static let seller = SyntheticVoice(pitch: 120, level: -14)
    static let prospect = SyntheticVoice(pitch: 210, level: -14)

    /// `seconds` of talk at `rate`, starting and ending on a syllable.
    func speech(seconds: Double, rate: Int, random: inout SeededRandom) -> [Float] {
        let count = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: count)
        let amplitude = pow(10, level / 20)
        var t = 0
        var syllablesInWord = 0
        var phase = 0.0
        while t < count {
            let length = Int(Double.random(in: 0.12...0.26, using: &random) * Double(rate))
            let f0 = pitch * Double.random(in: 0.9...1.1, using: &random)
            let loudness = amplitude * Double.random(in: 0.5...1.0, using: &random)
            for i in 0..<min(length, count - t) {
                let envelope = sin(Double.pi * Double(i) / Double(length))
                phase += 2 * Double.pi * f0 / Double(rate)
                var v = 0.0
                for k in 1...6 { v += sin(Double(k) * phase) / Double(k) }
                out[t + i] = Float(loudness * envelope * v * 0.5)
            }
            t += length
            syllablesInWord += 1
            let gap = syllablesInWord >= Int.random(in: 2...4, using: &random) ? 0.08...0.2 : 0.02...0.05
            if gap.lowerBound > 0.05 { syllablesInWord = 0 }
            t += Int(Double.random(in: gap, using: &random) * Double(rate))
        }
        return out
    }
}

/// Who talks when: the script of a made-up call, and its truth.
struct SyntheticCall {
    struct Line {
        var speaker: Speaker
        var start: Double
        var end: Double
        /// A "mm-hmm" or "right": heard, but not a turn.
        var isBackchannel = false
    }

    var lines: [Line]
    var length: Double
    var rate = 16000

    /// The truth: each line's speaker over its extent, silence elsewhere. A pause under a
    /// second between two lines of one speaker is part of their turn, as a listener hears
    /// it. Where two lines overlap, the later line's speaker has taken the floor.
    var truth: SpeakerTimeline {
        var segments: [TalkSegment] = []
        var cursor = 0.0
        for line in lines.filter({ !$0.isBackchannel }).sorted(by: { $0.start < $1.start }) {
            if var last = segments.last, last.end > line.start {
                last.end = line.start
                segments[segments.count - 1] = last
                cursor = line.start
            }
            if line.start > cursor { segments.append(TalkSegment(speaker: .silence, start: cursor, end: line.start)) }
            segments.append(TalkSegment(speaker: line.speaker, start: line.start, end: line.end))
            cursor = line.end
        }
        if length > cursor { segments.append(TalkSegment(speaker: .silence, start: cursor, end: length)) }
        var joined: [TalkSegment] = []
        for (i, segment) in segments.enumerated() where segment.end > segment.start {
            var segment = segment
            if segment.speaker == .silence, segment.duration < 1, i > 0, i + 1 < segments.count,
                segments[i - 1].speaker == segments[i + 1].speaker
            {
                segment.speaker = segments[i - 1].speaker
            }
            if var last = joined.last, last.speaker == segment.speaker {
                last.end = segment.end
                joined[joined.count - 1] = last
            } else {
                joined.append(segment)
            }
        }
        return SpeakerTimeline(segments: joined)
    }

    /// The two channels: my voice plus the line leaking in at `leak` dB on the mic, the
    /// prospect on the line, room noise on both.
    func render(
        seller: SyntheticVoice = .seller, prospect: SyntheticVoice = .prospect, leak: Double, noise: Double = -62,
        seed: UInt64 = 7
    ) -> (mic: [Float], line: [Float]) {
        var random = SeededRandom(seed: seed)
        let count = Int(length * Double(rate))
        var mic = [Float](repeating: 0, count: count)
        var line = [Float](repeating: 0, count: count)
        for part in lines {
            let voice = part.speaker == .me ? seller : prospect
            let samples = voice.speech(seconds: part.end - part.start, rate: rate, random: &random)
            let offset = Int(part.start * Double(rate))
            for (i, s) in samples.enumerated() where offset + i < count {
                if part.speaker == .me { mic[offset + i] += s } else { line[offset + i] += s }
            }
        }
        let gain = Float(pow(10, leak / 20))
        let noiseAmplitude = Float(pow(10, noise / 20) * sqrt(3.0))
        for i in 0..<count {
            mic[i] += gain * line[i] + noiseAmplitude * Float.random(in: -1...1, using: &random)
            line[i] += noiseAmplitude * Float.random(in: -1...1, using: &random)
        }
        return (mic, line)
    }

    /// A 60 s call: turns both ways, a pause inside a turn, backchannels both over the
    /// talk and in its pauses, a long silence and an interruption.
    static let standard = SyntheticCall(
        lines: [
            Line(speaker: .me, start: 0.5, end: 6.0),
            Line(speaker: .prospect, start: 6.8, end: 16.0),
            Line(speaker: .me, start: 10.0, end: 10.4, isBackchannel: true),
            Line(speaker: .me, start: 17.0, end: 19.2),
            Line(speaker: .me, start: 19.8, end: 22.0),
            Line(speaker: .prospect, start: 24.5, end: 28.0),
            Line(speaker: .me, start: 28.15, end: 28.5, isBackchannel: true),
            Line(speaker: .prospect, start: 28.6, end: 35.0),
            Line(speaker: .me, start: 34.0, end: 40.0),
            Line(speaker: .prospect, start: 40.8, end: 50.0),
            Line(speaker: .me, start: 43.0, end: 43.5, isBackchannel: true),
            Line(speaker: .me, start: 50.5, end: 56.0),
        ],
        length: 58)
}

/// Runs the detector over two channels in frames of `chunk` samples.
func detect(
    mic: [Float], line: [Float]?, rate: Int = 16000, chunk: Int = 320,
    detector: SpeakerDetector = SpeakerDetector()
) -> (timeline: SpeakerTimeline, changes: [SpeakerChange], warnings: [String]) {
    var detector = detector
    var changes: [SpeakerChange] = []
    var offset = 0
    while offset < mic.count {
        let end = min(mic.count, offset + chunk)
        let frame = AudioFrame(
            sampleRate: rate, start: MonotonicInstant(seconds: 100 + Double(offset) / Double(rate)),
            mic: Array(mic[offset..<end]), line: line.map { Array($0[offset..<end]) })
        changes += detector.listen(to: frame)
        offset = end
    }
    changes += detector.finish()
    let origin = MonotonicInstant(seconds: 100)
    let timeline = SpeakerTimeline(changes: changes, from: origin, to: origin + Double(mic.count) / Double(rate))
    return (timeline, changes, detector.warnings)
}
