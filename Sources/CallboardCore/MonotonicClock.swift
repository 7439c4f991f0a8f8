import Foundation

/// A point on a monotonic clock, in seconds from an arbitrary origin.
///
/// Talk arithmetic uses only these, never wall-clock dates, so a wall clock that jumps
/// (NTP, a time zone change, a laptop waking) never bends a talk ratio.
public struct MonotonicInstant: Hashable, Comparable, Codable, Sendable {
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public static func + (lhs: Self, rhs: Double) -> Self { Self(seconds: lhs.seconds + rhs) }
    public static func - (lhs: Self, rhs: Self) -> Double { lhs.seconds - rhs.seconds }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.seconds < rhs.seconds }
}

/// Where the runtime gets its instants. Production reads the system's monotonic clock;
/// tests use ``ManualClock`` and advance it by hand.
public protocol MonotonicClock: Sendable {
    func now() -> MonotonicInstant
}

/// A clock that moves only when told to.
public final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: MonotonicInstant

    public init(start: Double = 0) { current = MonotonicInstant(seconds: start) }

    public func now() -> MonotonicInstant { lock.withLock { current } }

    public func advance(by seconds: Double) {
        lock.withLock { current = current + seconds }
    }
}
