import Foundation

/// A calling block: the queue as it stood when the seller pressed `P`, called in order.
/// After each call's wrap-up the next prospect is shown with a countdown and dialled when
/// it runs out. The block keeps its own figures: dials, connects, dials per hour.
///
/// Time arrives as instants on the monotonic clock; the block never reads a clock.
public struct CallingBlock: Hashable, Sendable {
    /// What a block does between calls (from the configuration).
    public struct Rules: Hashable, Sendable {
        /// Seconds the next prospect is shown before it is dialled.
        public var countdown: Double
        /// Whether prospects outside their business hours are called anyway.
        public var callsOutsideHours: Bool

        public init(countdown: Double = 10, callsOutsideHours: Bool = false) {
            self.countdown = countdown
            self.callsOutsideHours = callsOutsideHours
        }
    }

    public enum Phase: Hashable, Sendable {
        /// The next prospect is shown; dialled at `until`.
        case countdown(until: MonotonicInstant)
        /// The countdown stopped at a key; `left` seconds remained.
        case paused(left: Double)
        /// A call of the block is live.
        case calling
        /// The call ended; the seller is doing the after-call work since `since`.
        case wrapUp(since: MonotonicInstant)
        /// Nobody is left to call.
        case finished
    }

    public var rules: Rules
    public var startedAt: MonotonicInstant
    public var startedWall: Date
    /// Still to call, in the queue's order.
    public private(set) var waiting: [ProspectID]
    /// Left out because it was outside their business hours when the block began.
    public private(set) var skipped: [ProspectID]
    public private(set) var dials = 0
    public private(set) var connects = 0
    /// Seconds of after-call work, one per call wrapped up.
    public private(set) var wrapUps: [Double] = []
    public private(set) var phase: Phase
    /// When the block ended (Esc, or nobody left), for its length.
    public private(set) var endedAt: MonotonicInstant?

    /// A block over `queue` as it stands: who to call in order, and who is skipped for
    /// being outside business hours (unless the rules say to call them anyway). A prospect
    /// whose local time is unknown is called.
    ///
    /// Their local time is read at `wall`, not when the queue was built.
    public init(
        queue: [QueueEntry], rules: Rules, at instant: MonotonicInstant, wall: Date, sellerZone: TimeZone,
        hours: BusinessHours
    ) {
        self.rules = rules
        startedAt = instant
        startedWall = wall
        let outside = queue.filter { entry in
            guard !rules.callsOutsideHours, let zone = entry.local?.zone ?? entry.prospect.zone else { return false }
            return !LocalTime(at: wall, in: zone, sellerZone: sellerZone, hours: hours).isBusinessHours
        }
        let left = Set(outside.map(\.id))
        skipped = outside.map(\.id)
        let callable = queue.map(\.id).filter { !left.contains($0) }
        waiting = callable
        phase = callable.isEmpty ? .finished : .countdown(until: instant + rules.countdown)
    }

    /// The prospect shown as next.
    public var next: ProspectID? { waiting.first }

    /// Whether the block is still going.
    public var isRunning: Bool { endedAt == nil && phase != .finished }

    /// Seconds left on the countdown, rounded up to whole seconds as the screen shows them.
    public func countdownLeft(at instant: MonotonicInstant) -> Int? {
        switch phase {
        case .countdown(let until): return max(0, Int((until - instant).rounded(.up)))
        case .paused(let left): return Int(left.rounded(.up))
        default: return nil
        }
    }

    /// Whether the countdown has run out at `instant`: time to dial ``next``.
    public func isDue(at instant: MonotonicInstant) -> Bool {
        if case .countdown(let until) = phase, instant >= until, next != nil { return true }
        return false
    }

    /// Any key stops the countdown where it is.
    public mutating func pause(at instant: MonotonicInstant) {
        guard case .countdown(let until) = phase else { return }
        phase = .paused(left: max(0, until - instant))
    }

    /// The countdown goes on from where it stopped.
    public mutating func resume(at instant: MonotonicInstant) {
        guard case .paused(let left) = phase else { return }
        phase = .countdown(until: instant + max(1, left))
    }

    /// The seller moved on from `id` without calling it (it left the queue, say).
    public mutating func drop(_ id: ProspectID) {
        waiting.removeAll { $0 == id }
        if waiting.isEmpty, case .countdown = phase { phase = .finished }
        if waiting.isEmpty, case .paused = phase { phase = .finished }
    }

    /// A call of the block started with `id`: one more dial.
    public mutating func dialled(_ id: ProspectID) {
        waiting.removeAll { $0 == id }
        dials += 1
        phase = .calling
    }

    /// The call was hung up; the wrap-up timer starts.
    public mutating func hungUp(at instant: MonotonicInstant) {
        guard phase == .calling else { return }
        phase = .wrapUp(since: instant)
    }

    /// Seconds of after-call work so far, while the seller is wrapping up.
    public func wrapUpTime(at instant: MonotonicInstant) -> Double? {
        if case .wrapUp(let since) = phase { return max(0, instant - since) }
        return nil
    }

    /// The call was filed: it counts as a connect when the seller reached the prospect,
    /// and the countdown to the next prospect begins.
    public mutating func filed(_ call: Call, at instant: MonotonicInstant) {
        if let spent = wrapUpTime(at: instant) { wrapUps.append(spent) }
        if Self.isConnect(call) { connects += 1 }
        phase = waiting.isEmpty ? .finished : .countdown(until: instant + rules.countdown)
    }

    /// The seller stopped the block (Esc), or it ran out of prospects.
    public mutating func end(at instant: MonotonicInstant) {
        guard endedAt == nil else { return }
        endedAt = instant
        if phase != .calling { phase = .finished }
    }

    /// Seconds since the block began (to its end once it ended).
    public func elapsed(at instant: MonotonicInstant) -> Double { max(0, (endedAt ?? instant) - startedAt) }

    /// Dials per hour of block so far; nil in the first minute, when one dial would read
    /// as a rate nobody keeps.
    public func dialsPerHour(at instant: MonotonicInstant) -> Double? {
        let seconds = elapsed(at: instant)
        guard seconds >= 60 else { return nil }
        return Double(dials) * 3600 / seconds
    }

    /// A connect: the prospect talked on the call, or its outcome is a conversation.
    public static func isConnect(_ call: Call) -> Bool { call.reachedProspect }

    /// The block as the review keeps it.
    public func summary(at instant: MonotonicInstant) -> CallingBlockSummary {
        CallingBlockSummary(
            startedAt: startedWall, seconds: elapsed(at: instant), dials: dials, connects: connects,
            wrapUpSeconds: wrapUps.reduce(0, +), skipped: skipped.count)
    }
}

/// A finished calling block, as saved for the review.
public struct CallingBlockSummary: Hashable, Codable, Sendable {
    public var startedAt: Date
    public var seconds: Double
    public var dials: Int
    public var connects: Int
    /// Seconds of after-call work over the whole block.
    public var wrapUpSeconds: Double
    /// Prospects left out for being outside their business hours.
    public var skipped: Int

    public init(startedAt: Date, seconds: Double, dials: Int, connects: Int, wrapUpSeconds: Double, skipped: Int) {
        self.startedAt = startedAt
        self.seconds = seconds
        self.dials = dials
        self.connects = connects
        self.wrapUpSeconds = wrapUpSeconds
        self.skipped = skipped
    }

    /// Dials per hour over the block; nil for a block under a minute.
    public var dialsPerHour: Double? { seconds >= 60 ? Double(dials) * 3600 / seconds : nil }
}
