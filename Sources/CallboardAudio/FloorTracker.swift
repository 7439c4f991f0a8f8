import CallboardCore
import Foundation

/// Who holds the floor, from who is heard frame by frame, with about a second of
/// lookahead.
///
/// The lookahead is what lets it be both quick and calm: a change is dated at its onset,
/// but decided only when up to ``Timing/lookahead`` of what follows is known, so a
/// "mm-hmm" under my story stays mine, a breath between two sentences does not split a
/// turn, and a turn ends where the voice stopped rather than where a hangover ran out.
public struct FloorTracker: Sendable {
    /// The rules' durations, in frames.
    public struct Timing: Hashable, Sendable {
        /// Voice needs 2 of this many frames to begin.
        public var onsetFrames = 3
        /// A gap in one voice shorter than this is bridged (the hangover).
        public var bridge: Int
        /// A pause of the same speaker shorter than this does not end their turn.
        public var samePause: Int
        /// The other side's burst shorter than this inside a turn is a backchannel.
        public var backchannel: Int
        /// Talking over the holder this long takes the floor.
        public var takeover: Int
        /// How far ahead a decision may look.
        public var lookahead: Int

        public init(frameSeconds: Double = SpeakerDetector.frameSeconds) {
            func frames(_ seconds: Double) -> Int { max(1, Int((seconds / frameSeconds).rounded())) }
            bridge = frames(0.3)
            samePause = frames(1.0)
            backchannel = frames(0.8)
            takeover = frames(0.9)
            lookahead = frames(1.0)
        }
    }

    /// Who is heard in one frame, after the cross-talk gate.
    public struct Heard: Hashable, Sendable {
        public var me: Bool
        public var prospect: Bool
        public var at: MonotonicInstant

        public init(me: Bool, prospect: Bool, at: MonotonicInstant) {
            self.me = me
            self.prospect = prospect
            self.at = at
        }
    }

    public let timing: Timing
    /// Frames kept before the first undecided one, so the rules see what came just before.
    private let context: Int
    private var window: [Heard] = []
    /// The absolute index of `window[0]`.
    private var base = 0
    /// The absolute index of the first frame not yet decided.
    private var decided = 0
    private var current: Speaker?
    private var lastTalker: Speaker?

    public init(timing: Timing = Timing()) {
        self.timing = timing
        context = 3 * timing.lookahead
    }

    /// Frames are decided in batches of this many (100 ms): a decision comes at most that
    /// much later, for a fifth of the work.
    static let batch = 5

    /// Adds a frame; returns the changes now decided, dated at their onsets.
    public mutating func add(_ heard: Heard) -> [SpeakerChange] {
        window.append(heard)
        let end = base + window.count - timing.lookahead
        guard end - decided >= Self.batch else { return [] }
        return decide(upTo: end, complete: false)
    }

    /// Decides every frame still open: the input has ended.
    public mutating func finish() -> [SpeakerChange] {
        decide(upTo: base + window.count, complete: true)
    }

    private mutating func decide(upTo end: Int, complete: Bool) -> [SpeakerChange] {
        guard end > decided else { return [] }
        let labels = Self.labels(
            me: window.map(\.me), prospect: window.map(\.prospect), holder: lastTalker, complete: complete,
            timing: timing)
        var changes: [SpeakerChange] = []
        for index in decided..<end {
            let speaker = labels[index - base]
            if speaker != .silence { lastTalker = speaker }
            if speaker != current {
                changes.append(SpeakerChange(speaker, at: window[index - base].at))
                current = speaker
            }
        }
        decided = end
        let keepFrom = decided - context
        if keepFrom > base {
            window.removeFirst(keepFrom - base)
            base = keepFrom
        }
        return changes
    }

    // MARK: The rules, on a window of frames

    private enum Label: Hashable { case me, prospect, both, silence }

    private struct Run {
        var label: Label
        var start: Int
        var end: Int
        var length: Int { end - start }
        var isTalk: Bool { label == .me || label == .prospect }
    }

    /// Who holds the floor in each frame of a window. `holder` is who held it before the
    /// window; `complete` says nothing follows the window (else its end is still open).
    static func labels(me: [Bool], prospect: [Bool], holder: Speaker?, complete: Bool, timing: Timing) -> [Speaker] {
        let count = me.count
        let meActive = activity(me, timing: timing)
        let prospectActive = activity(prospect, timing: timing)
        var runs: [Run] = []
        for i in 0..<count {
            let label: Label =
                switch (meActive[i], prospectActive[i]) {
                case (true, true): .both
                case (true, false): .me
                case (false, true): .prospect
                case (false, false): .silence
                }
            if let last = runs.last, last.label == label {
                runs[runs.count - 1].end = i + 1
            } else {
                runs.append(Run(label: label, start: i, end: i + 1))
            }
        }
        let fallback: Label? = holder.flatMap { $0 == .me ? .me : $0 == .prospect ? .prospect : nil }

        // Both talking: the holder keeps the floor unless the newcomer lasts.
        for k in runs.indices where runs[k].label == .both {
            if let holder = runs[..<k].last(where: \.isTalk)?.label ?? fallback {
                runs[k].label = runs[k].length >= timing.takeover ? other(holder) : holder
            } else {
                runs[k].label = runs[(k + 1)...].first(where: \.isTalk)?.label ?? .prospect
            }
        }
        runs = merged(runs)

        // A short burst of the other side inside a turn is a backchannel.
        for k in runs.indices where runs[k].isTalk && runs[k].length < timing.backchannel {
            guard let previous = runs[..<k].last(where: \.isTalk), previous.label != runs[k].label,
                runs[k].start - previous.end < timing.samePause
            else { continue }
            if let next = runs[(k + 1)...].first(where: \.isTalk) {
                if next.label == previous.label, next.start - runs[k].start <= timing.lookahead {
                    runs[k].label = previous.label
                }
            } else if !complete, count - runs[k].start < timing.lookahead {
                // Not decided yet: until the holder is heard again or not, they keep it.
                runs[k].label = previous.label
            }
        }
        runs = merged(runs)

        // A short pause between two stretches of the same speaker is theirs.
        for k in runs.indices where runs[k].label == .silence && runs[k].length < timing.samePause {
            guard k > 0, k + 1 < runs.count, runs[k - 1].label == runs[k + 1].label else { continue }
            runs[k].label = runs[k - 1].label
        }

        var labels = [Speaker](repeating: .silence, count: count)
        for run in runs {
            let speaker: Speaker = run.label == .me ? .me : run.label == .prospect ? .prospect : .silence
            for i in run.start..<run.end { labels[i] = speaker }
        }
        return labels
    }

    /// Stretches of one voice: they begin where 2 of 3 frames are voice, and bridge gaps
    /// shorter than the hangover, ending at the last voiced frame.
    static func activity(_ voice: [Bool], timing: Timing) -> [Bool] {
        let count = voice.count
        var active = [Bool](repeating: false, count: count)
        var i = 0
        while i < count {
            guard voice[i] else {
                i += 1
                continue
            }
            let voiced = voice[i..<min(count, i + timing.onsetFrames)].filter { $0 }.count
            guard voiced >= 2 else {
                i += 1
                continue
            }
            var last = i
            var j = i + 1
            while j < count, j - last <= timing.bridge {
                if voice[j] { last = j }
                j += 1
            }
            for k in i...last { active[k] = true }
            i = j
        }
        return active
    }

    private static func other(_ label: Label) -> Label { label == .me ? .prospect : .me }

    private static func merged(_ runs: [Run]) -> [Run] {
        var result: [Run] = []
        for run in runs {
            if let last = result.last, last.label == run.label {
                result[result.count - 1].end = run.end
            } else {
                result.append(run)
            }
        }
        return result
    }
}
