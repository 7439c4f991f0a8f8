import CallboardCore
import Foundation

/// What the detector found in a recording, as `callboard listen` prints it.
public struct ListenReport: Sendable {
    public var timeline: SpeakerTimeline
    public var duration: Double
    public var warnings: [String]
    /// Whether a line was heard; without one only me / not me can be told.
    public var hasLine: Bool
    /// Against the truth, when one was given.
    public var score: DetectionScore?

    public init(timeline: SpeakerTimeline, duration: Double, warnings: [String], hasLine: Bool, score: DetectionScore? = nil) {
        self.timeline = timeline
        self.duration = duration
        self.warnings = warnings
        self.hasLine = hasLine
        self.score = score
    }

    /// The call's figures, by the same rules as the live meter and the review.
    public var figures: TalkFigures {
        TalkFigures(segments: timeline.segments, elapsed: duration, state: .ended, openSince: duration, targets: .standard)
    }

    public var patience: Double? { TalkPatience.median(in: timeline.segments) }

    public func text() -> String {
        var lines = timeline.segments.map { segment in
            let who = segment.speaker == .silence && !hasLine ? "not me" : segment.speaker.rawValue
            return "\(Self.clock(segment.start))–\(Self.clock(segment.end))  \(who)"
        }
        let f = figures
        lines.append("")
        if hasLine {
            let share = f.myShare.map { "\(Int(($0 * 100).rounded())) %" } ?? "none"
            lines.append(
                "me \(Self.seconds(f.me)) · prospect \(Self.seconds(f.prospect)) · silence \(Self.seconds(f.silence))"
                    + " · my share \(share) · \(f.switches) switches")
            lines.append(
                "longest monologue \(Self.seconds(f.longestMonologue)) · longest story \(Self.seconds(f.longestStory))"
                    + " · patience \(patience.map { Self.seconds($0) + " (median)" } ?? "none")")
        } else {
            lines.append("me \(Self.seconds(f.me)) · not me \(Self.seconds(f.silence)) (no line: only me / not me)")
            lines.append("longest monologue \(Self.seconds(f.longestMonologue))")
        }
        if let score {
            lines.append(
                "against the truth: \(String(format: "%.1f", score.accuracy * 100)) % of the time right"
                    + " (10 ms steps, 250 ms either side of each change left out), \(score.extraSwitches) extra switches")
        }
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> Data {
        let f = figures
        let body = JSONReport(
            duration_s: Self.round(duration),
            segments: timeline.segments.map {
                .init(speaker: $0.speaker.rawValue, start_s: Self.round($0.start), end_s: Self.round($0.end))
            },
            me_s: Self.round(f.me), prospect_s: Self.round(f.prospect), silence_s: Self.round(f.silence),
            me_share: hasLine ? f.myShare.map { Self.round($0, places: 3) } : nil,
            switches: f.switches, longest_monologue_s: Self.round(f.longestMonologue),
            longest_story_s: Self.round(f.longestStory), patience_s: patience.map { Self.round($0) },
            right_share: score.map { Self.round($0.accuracy, places: 4) }, extra_switches: score?.extraSwitches,
            warnings: warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(body) + Data("\n".utf8)
    }

    private struct JSONReport: Encodable {
        struct Segment: Encodable {
            var speaker: String
            var start_s: Double
            var end_s: Double
        }
        var duration_s: Double
        var segments: [Segment]
        var me_s, prospect_s, silence_s: Double
        var me_share: Double?
        var switches: Int
        var longest_monologue_s, longest_story_s: Double
        var patience_s: Double?
        var right_share: Double?
        var extra_switches: Int?
        var warnings: [String]

        // nil figures are written as null, so a script always finds every key.
        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey {
                case duration_s, segments, me_s, prospect_s, silence_s, me_share, switches, longest_monologue_s
                case longest_story_s, patience_s, right_share, extra_switches, warnings
            }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(duration_s, forKey: .duration_s)
            try c.encode(segments, forKey: .segments)
            try c.encode(me_s, forKey: .me_s)
            try c.encode(prospect_s, forKey: .prospect_s)
            try c.encode(silence_s, forKey: .silence_s)
            try c.encode(me_share, forKey: .me_share)
            try c.encode(switches, forKey: .switches)
            try c.encode(longest_monologue_s, forKey: .longest_monologue_s)
            try c.encode(longest_story_s, forKey: .longest_story_s)
            try c.encode(patience_s, forKey: .patience_s)
            if let right_share { try c.encode(right_share, forKey: .right_share) }
            if let extra_switches { try c.encode(extra_switches, forKey: .extra_switches) }
            try c.encode(warnings, forKey: .warnings)
        }
    }

    static func round(_ value: Double, places: Int = 2) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

    /// m:ss.s
    static func clock(_ t: Double) -> String {
        let tenths = Int((t * 10).rounded())
        return String(format: "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10)
    }
}
