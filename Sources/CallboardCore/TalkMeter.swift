import Foundation

/// The live talk-ratio state machine of one call.
///
/// The seller taps who is talking; the meter keeps closed segments plus the open one and
/// answers every figure at any instant. Instants come from a monotonic clock. An instant
/// earlier than the last one seen is treated as that last one, so a figure never runs
/// backwards.
public struct TalkMeter: Hashable, Codable, Sendable {
    public enum State: Hashable, Codable, Sendable {
        /// Started, nobody marked yet; the time counts as silence.
        case idle
        case speaking(Speaker)
        /// On hold: the time counts for nobody.
        case onHold
        case ended
    }

    public private(set) var origin: MonotonicInstant
    /// Closed segments, offsets from `origin`, in order, never overlapping.
    public private(set) var segments: [TalkSegment]
    public private(set) var state: State
    /// Offset at which the open stretch began (the current speaker, hold or idle).
    public private(set) var openSince: Double
    /// The latest offset seen; later events never move before it.
    public private(set) var lastSeen: Double
    public var targets: TalkTargets

    public init(startedAt origin: MonotonicInstant, targets: TalkTargets = .standard) {
        self.origin = origin
        self.segments = []
        self.state = .idle
        self.openSince = 0
        self.lastSeen = 0
        self.targets = targets
    }

    /// Rebuilds a meter from saved segments, e.g. after a crash: the call resumes on hold
    /// at `now`, so the time the program was down counts for nobody.
    public init(
        resuming segments: [TalkSegment], elapsed: Double, now: MonotonicInstant,
        targets: TalkTargets = .standard
    ) {
        let end = max(elapsed, segments.last?.end ?? 0)
        self.origin = now + -end
        self.segments = segments
        self.state = .onHold
        self.openSince = end
        self.lastSeen = end
        self.targets = targets
    }

    public var isEnded: Bool { state == .ended }

    // MARK: Events

    /// The seller taps who is talking now. Marking the current speaker again changes nothing.
    public mutating func mark(_ speaker: Speaker, at instant: MonotonicInstant) {
        guard !isEnded else { return }
        if case .speaking(speaker) = state { return }
        let t = advance(to: instant)
        closeOpenStretch(at: t)
        state = .speaking(speaker)
        openSince = t
    }

    /// Puts the call on hold: time stops counting for anyone until the next mark.
    public mutating func hold(at instant: MonotonicInstant) {
        guard !isEnded, state != .onHold else { return }
        let t = advance(to: instant)
        closeOpenStretch(at: t)
        state = .onHold
        openSince = t
    }

    /// Hangs up. Later events are ignored.
    public mutating func end(at instant: MonotonicInstant) {
        guard !isEnded else { return }
        let t = advance(to: instant)
        closeOpenStretch(at: t)
        state = .ended
        openSince = t
    }

    /// Swaps me and the prospect. From silence, hold or a fresh start the floor goes to
    /// whoever did not speak last, and to the prospect when nobody has spoken yet.
    public mutating func toggle(at instant: MonotonicInstant) {
        switch state {
        case .speaking(.me): mark(.prospect, at: instant)
        case .speaking(.prospect): mark(.me, at: instant)
        default:
            let lastTalker = segments.last(where: { $0.speaker != .silence })?.speaker
            mark(lastTalker == .prospect ? .me : .prospect, at: instant)
        }
    }

    // MARK: Figures

    /// Every figure of the call at `instant`.
    public func figures(at instant: MonotonicInstant) -> TalkFigures {
        let t = isEnded ? lastSeen : max(lastSeen, instant - origin)
        let all = segments(upTo: t)
        return TalkFigures(segments: all, elapsed: t, state: state, openSince: openSince, targets: targets)
    }

    /// Closed segments plus the open one cut at offset `t`.
    public func segments(upTo t: Double) -> [TalkSegment] {
        var all = segments
        if let open = openSegment(endingAt: t) { all.append(open) }
        return all
    }

    /// Elapsed seconds at `instant`, hold included.
    public func elapsed(at instant: MonotonicInstant) -> Double {
        isEnded ? lastSeen : max(lastSeen, instant - origin)
    }

    // MARK: Private

    private mutating func advance(to instant: MonotonicInstant) -> Double {
        lastSeen = max(lastSeen, instant - origin)
        return lastSeen
    }

    private func openSegment(endingAt t: Double) -> TalkSegment? {
        let speaker: Speaker
        switch state {
        case .idle: speaker = .silence
        case .speaking(let s): speaker = s
        case .onHold, .ended: return nil
        }
        guard t > openSince else { return nil }
        return TalkSegment(speaker: speaker, start: openSince, end: t)
    }

    private mutating func closeOpenStretch(at t: Double) {
        guard let open = openSegment(endingAt: t) else { return }
        // Silence after silence (idle, then an explicit silence mark) is one stretch.
        if var last = segments.last, last.speaker == open.speaker, last.end == open.start {
            last.end = open.end
            segments[segments.count - 1] = last
        } else {
            segments.append(open)
        }
    }
}

/// A call's talk figures at one instant.
public struct TalkFigures: Hashable, Sendable {
    public var elapsed: Double
    public var me: Double
    public var prospect: Double
    public var silence: Double
    /// The current speaker (nil on hold, idle or ended) and how long they have held the floor.
    public var speaker: Speaker?
    public var floorSeconds: Double
    public var longestMonologue: Double
    public var longestStory: Double
    /// Times the floor passed between me and the prospect.
    public var switches: Int
    public var targets: TalkTargets
    public var isOnHold: Bool

    public init(
        segments: [TalkSegment], elapsed: Double, state: TalkMeter.State, openSince: Double,
        targets: TalkTargets
    ) {
        self.elapsed = elapsed
        self.targets = targets
        var me = 0.0, prospect = 0.0, silence = 0.0, longestMe = 0.0, longestProspect = 0.0
        var switches = 0
        var lastTalker: Speaker?
        for segment in segments {
            switch segment.speaker {
            case .me:
                me += segment.duration
                longestMe = max(longestMe, segment.duration)
            case .prospect:
                prospect += segment.duration
                longestProspect = max(longestProspect, segment.duration)
            case .silence:
                silence += segment.duration
            }
            if segment.speaker != .silence {
                if let lastTalker, lastTalker != segment.speaker { switches += 1 }
                lastTalker = segment.speaker
            }
        }
        self.me = me
        self.prospect = prospect
        self.silence = silence
        self.longestMonologue = longestMe
        self.longestStory = longestProspect
        self.switches = switches
        self.isOnHold = state == .onHold
        if case .speaking(let s) = state {
            speaker = s
            floorSeconds = max(0, elapsed - openSince)
        } else {
            speaker = nil
            floorSeconds = 0
        }
    }

    /// Seconds anyone spoke.
    public var talk: Double { me + prospect }

    /// Seconds counted: talk and silence, hold excluded.
    public var counted: Double { me + prospect + silence }

    /// My share of the talk, silence excluded; nil before anyone spoke.
    public var myShare: Double? { talk > 0 ? me / talk : nil }

    public var silenceShare: Double? { counted > 0 ? silence / counted : nil }

    /// Floor changes per minute of counted call time.
    public var switchesPerMinute: Double { counted > 0 ? Double(switches) / (counted / 60) : 0 }

    public var verdict: TalkVerdict { targets.verdict(forShare: myShare) }

    /// How strongly to nudge me now: only while I hold the floor.
    public var nudge: MonologueNudge {
        guard speaker == .me else { return .none }
        if floorSeconds >= targets.monologueStrong { return .strong }
        if floorSeconds >= targets.monologueNudge { return .gentle }
        return .none
    }
}
