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
    /// Whether detection was on at any time during the call.
    public private(set) var wasOn = false
    /// The instants of the last keys pressed (any key), newest last: the microphone hears
    /// the keyboard, so a voice of mine starting just after one is typing, not talk.
    public private(set) var recentKeys: [MonotonicInstant] = []

    /// After any key, a voice of mine starting within this many seconds is the keyboard.
    public static let typingSeconds = 0.2
    /// Keys older than this are forgotten: detection decides at most a second late.
    static let keyMemorySeconds = 2.0

    public static let off = HandsFreeMarking(isOn: false)

    public init(isOn: Bool, keyWins: Double = Settings.defaultHandsFreeKeySeconds) {
        self.isOn = isOn
        self.keyWins = keyWins
        wasOn = isOn
    }

    /// The marking of a call brought back from a checkpoint: how it was marked so far
    /// carries on (only whether keys and detection marked at all matters to ``markedBy``).
    public init(resuming call: Call, settings: Settings) {
        self.init(settings)
        keyMarks = call.markedBy == .keys || call.markedBy == .mixed ? 1 : 0
        detectedMarks = call.markedBy == .handsFree || call.markedBy == .mixed ? 1 : 0
        overrides = call.keyOverrides ?? 0
        wasOn = isOn || call.keyOverrides != nil
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

    /// Any key at `instant`, talk key or not: for a moment the microphone hears typing.
    public mutating func keyTyped(at instant: MonotonicInstant) {
        recentKeys.removeAll { instant - $0 > Self.keyMemorySeconds || $0 > instant }
        recentKeys.append(instant)
        if recentKeys.count > 32 { recentKeys.removeFirst(recentKeys.count - 32) }
    }

    /// Whether a change to `speaker` heard with its onset at `instant` may mark the meter.
    /// A voice of mine that starts within ``typingSeconds`` after a key is the keyboard
    /// (with 50 ms before it, for the terminal's delay in reporting the key).
    public func accepts(_ speaker: Speaker, onset instant: MonotonicInstant) -> Bool {
        guard isOn, !isPaused else { return false }
        if speaker == .me, recentKeys.contains(where: { instant - $0 >= -0.05 && instant - $0 < Self.typingSeconds }) {
            return false
        }
        return quietUntil.map { instant >= $0 } ?? true
    }

    /// The switch for the current call: on listens at once, off ignores what is heard.
    public mutating func toggle() {
        isOn.toggle()
        if isOn {
            wasOn = true
            isPaused = false
            quietUntil = nil
        }
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

    /// What the saved call records of its marking: how, and, when detection was on at all,
    /// how often a key overrode it.
    public func record(into call: inout Call) {
        call.markedBy = markedBy
        call.keyOverrides = wasOn ? overrides : nil
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
