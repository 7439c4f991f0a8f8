import Foundation

/// What is saved of a call while it is live, so a crash or `kill -9` never loses it.
///
/// The call carries every segment up to `elapsed`; the open stretch at the moment of the
/// checkpoint is closed into the segments. On resume the meter continues on hold.
public struct LiveCallCheckpoint: Hashable, Codable, Sendable {
    /// The promise: a live call is checkpointed at least this often, whatever else is
    /// going on, so a crash or `kill -9` loses at most these seconds of it.
    public static let interval = 5.0

    public var call: Call
    /// Seconds from the call's start to the checkpoint, hold included.
    public var elapsed: Double
    /// Wall-clock time of the checkpoint, to tell the seller how old it is.
    public var savedAt: Date
    /// The end-of-call answers given so far, once `e` was pressed; absent before.
    public var answers: EndOfCallAnswers?
    /// A note being typed and not yet added; absent when there is none.
    public var noteDraft: String?

    public init(
        call: Call, elapsed: Double, savedAt: Date, answers: EndOfCallAnswers? = nil, noteDraft: String? = nil
    ) {
        self.call = call
        self.elapsed = elapsed
        self.savedAt = savedAt
        self.answers = answers
        self.noteDraft = noteDraft
    }

    /// A checkpoint of a live call: the meter's segments up to `instant`.
    public init(
        call: Call, meter: TalkMeter, at instant: MonotonicInstant, wall: Date, answers: EndOfCallAnswers? = nil,
        noteDraft: String? = nil
    ) {
        var snapshot = call
        let elapsed = meter.elapsed(at: instant)
        snapshot.segments = meter.segments(upTo: elapsed)
        self.init(call: snapshot, elapsed: elapsed, savedAt: wall, answers: answers, noteDraft: noteDraft)
    }

    /// The call as it would be saved if the seller chose "save it as it was" after a crash.
    public var callAsEnded: Call {
        var ended = call
        if ended.duration == nil { ended.duration = elapsed }
        return ended
    }
}
