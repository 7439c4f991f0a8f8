import CallboardCore
import Foundation

/// A file saying who really talked when, to score the detector against: one segment a
/// line, `START END SPEAKER` (seconds, then me, prospect or silence), separated by spaces
/// or tabs as in an Audacity label track. `#` starts a comment. Gaps are silence.
public enum TruthLabels {
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(Problem) -> SpeakerTimeline {
        var segments: [TalkSegment] = []
        var cursor = 0.0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else { continue }
            let number = index + 1
            guard words.count == 3, let start = Double(words[0]), let end = Double(words[1]),
                start.isFinite, end.isFinite
            else {
                throw Problem(line: number, reason: "expected START END SPEAKER, e.g. \"1.5 4.25 me\"")
            }
            guard let speaker = Speaker(rawValue: String(words[2]).lowercased()) else {
                throw Problem(line: number, reason: "the speaker must be me, prospect or silence")
            }
            guard start >= cursor, end > start else {
                throw Problem(line: number, reason: "segments must be in order, not overlap, and end after they start")
            }
            if start > cursor { segments.append(TalkSegment(speaker: .silence, start: cursor, end: start)) }
            segments.append(TalkSegment(speaker: speaker, start: start, end: end))
            cursor = end
        }
        return SpeakerTimeline(segments: segments)
    }
}
