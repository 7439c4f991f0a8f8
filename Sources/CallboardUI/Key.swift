import CallboardCore
import Foundation

/// A key as the app understands it, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// The instant an event happened, on both clocks: the monotonic one for talk arithmetic,
/// the wall clock for what people read (the clock in the status line, call start times).
public struct Moment: Hashable, Sendable {
    public var monotonic: MonotonicInstant
    public var wall: Date

    public init(monotonic: MonotonicInstant, wall: Date) {
        self.monotonic = monotonic
        self.wall = wall
    }
}

extension Moment {
    /// The moment at an earlier monotonic instant, its wall time set back by as much: for
    /// things dated in the recent past, like a speaker's onset.
    public func earlier(at instant: MonotonicInstant) -> Moment {
        Moment(monotonic: instant, wall: wall.addingTimeInterval(instant - monotonic))
    }
}
