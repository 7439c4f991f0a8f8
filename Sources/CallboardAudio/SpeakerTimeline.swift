import CallboardCore
import Foundation

/// Speaker changes laid end to end as the segments of a call, offsets from its start.
public struct SpeakerTimeline: Hashable, Sendable {
    public private(set) var segments: [TalkSegment] = []

    public init(segments: [TalkSegment] = []) { self.segments = segments }

    /// The changes, from `origin` up to `end`.
    public init(changes: [SpeakerChange], from origin: MonotonicInstant, to end: MonotonicInstant) {
        let total = max(0, end - origin)
        for (index, change) in changes.enumerated() {
            let start = min(total, max(0, change.at - origin))
            let stop = index + 1 < changes.count ? min(total, max(start, changes[index + 1].at - origin)) : total
            guard stop > start else { continue }
            if var last = segments.last, last.speaker == change.speaker {
                last.end = stop
                segments[segments.count - 1] = last
            } else {
                segments.append(TalkSegment(speaker: change.speaker, start: start, end: stop))
            }
        }
    }

    public var duration: Double { segments.last?.end ?? 0 }

    /// Who was talking at offset `t`; silence outside the segments.
    public func speaker(at t: Double) -> Speaker {
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].end <= t { low = mid + 1 } else { high = mid }
        }
        guard low < segments.count, segments[low].start <= t else { return .silence }
        return segments[low].speaker
    }
}

/// How well detected turns match the truth: the share of 10 ms steps labelled alike,
/// leaving out a margin either side of each true change (where a human labeller would
/// hesitate too).
public struct DetectionScore: Hashable, Sendable {
    public static let step = 0.01
    public static let margin = 0.25

    /// Steps compared and steps labelled alike.
    public var steps: Int
    public var right: Int
    /// Changes between me and the prospect found that the truth does not have.
    public var extraSwitches: Int

    /// The share of steps labelled right, 0...1 (1 with nothing to compare).
    public var accuracy: Double { steps > 0 ? Double(right) / Double(steps) : 1 }

    /// Compares `found` with `truth` over the truth's length. Without a line only "me" can
    /// be found, so `meOnly` scores me against everything else.
    public init(found: SpeakerTimeline, truth: SpeakerTimeline, meOnly: Bool = false) {
        let changes = zip(truth.segments, truth.segments.dropFirst()).filter { $0.speaker != $1.speaker }.map(\.1.start)
        var steps = 0
        var right = 0
        var nextChange = 0
        let count = Int((truth.duration / Self.step).rounded(.down))
        for i in 0..<count {
            let t = (Double(i) + 0.5) * Self.step
            while nextChange < changes.count, changes[nextChange] + Self.margin < t { nextChange += 1 }
            let nearBefore = nextChange > 0 && t - changes[nextChange - 1] < Self.margin
            let nearAfter = nextChange < changes.count && abs(changes[nextChange] - t) < Self.margin
            if nearBefore || nearAfter { continue }
            steps += 1
            var expected = truth.speaker(at: t)
            var got = found.speaker(at: t)
            if meOnly {
                if expected != .me { expected = .silence }
                if got != .me { got = .silence }
            }
            if expected == got { right += 1 }
        }
        self.steps = steps
        self.right = right
        extraSwitches = max(0, Self.switches(found) - Self.switches(truth))
    }

    static func switches(_ timeline: SpeakerTimeline) -> Int {
        let talkers = timeline.segments.map(\.speaker).filter { $0 != .silence }
        return zip(talkers, talkers.dropFirst()).filter { $0 != $1 }.count
    }
}
