import Foundation

/// How a live call's talk is marked when hands-free is on: changes heard on the headset
/// mark the meter, and a talk key always wins.
///
/// After a talk key, detection is ignored for ``keyWins`` seconds (a change heard with an
/// onset before then is older news than the key). `s` (hold) pauses detection until the
/// next talk key.
public struct HandsFreeMarking: Hashable, Codable, Sendable {
    /// What the seller sees of it.
    public enum Status: Hashable, Sendable {
        case off
        case listening
        /// A key was pressed; detection resumes in this many seconds.
        case keyWins(seconds: Double)
        /// On hold by `s`: a talk key resumes it.
        case paused
    }

    /// How a call's talk was marked, for the saved call.
    public enum MarkedBy: String, Hashable, Codable, Sendable {
        case keys, handsFree, mixed
    }

    public var isOn: Bool
    public var keyWins: Double
    public private(set) var quietUntil: MonotonicInstant?
    public private(set) var isPaused = false
    /// Changes of speaker that detection made on the meter.
    public private(set) var detectedMarks = 0
    /// Talk keys pressed.
    public private(set) var keyMarks = 0
    /// Talk keys pressed while detection was on: each time the seller put it right.
    public private(set) var overrides = 0

    public static let off = HandsFreeMarking(isOn: false)

    public init(isOn: Bool, keyWins: Double = Settings.defaultHandsFreeKeySeconds) {
        self.isOn = isOn
        self.keyWins = keyWins
    }

    public init(_ settings: Settings) {
        self.init(isOn: settings.handsFree, keyWins: settings.handsFreeKeySeconds)
    }

    /// A talk key (`m`, `p`, Space) or hold (`s`) at `instant`.
    public mutating func keyPressed(hold: Bool, at instant: MonotonicInstant) {
        keyMarks += 1
        guard isOn else { return }
        overrides += 1
        quietUntil = instant + keyWins
        isPaused = hold
    }

    /// Whether a change heard with its onset at `instant` may mark the meter.
    public func accepts(onset instant: MonotonicInstant) -> Bool {
        guard isOn, !isPaused else { return false }
        return quietUntil.map { instant >= $0 } ?? true
    }

    /// Detection changed the speaker on the meter.
    public mutating func countDetected() { detectedMarks += 1 }

    /// Pauses detection until the next talk key, e.g. for a call resumed on hold.
    public mutating func pause() { isPaused = isOn }

    public func status(at instant: MonotonicInstant) -> Status {
        guard isOn else { return .off }
        if isPaused { return .paused }
        if let quietUntil, instant < quietUntil { return .keyWins(seconds: quietUntil - instant) }
        return .listening
    }

    /// Keys only, hands-free only, or both; nil when nothing was marked.
    public var markedBy: MarkedBy? {
        switch (keyMarks > 0, detectedMarks > 0) {
        case (true, true): .mixed
        case (true, false): .keys
        case (false, true): .handsFree
        case (false, false): nil
        }
    }
}
