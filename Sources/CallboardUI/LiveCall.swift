import CallboardCore
import Foundation

/// The call in progress: the record being built, the meter, and who is on the line.
public struct LiveCall: Hashable, Sendable {
    public var prospect: Prospect
    public var call: Call
    public var meter: TalkMeter
    /// When the call began on the wall clock, for the saved record.
    public var wallStart: Date
    /// When the call was last checkpointed, on the monotonic clock.
    public var lastCheckpoint: MonotonicInstant
    /// A note begun and put aside with Esc.
    public var noteDraft = TextField()
    /// Who held the floor when `e` was pressed, to hand it back if the seller returns.
    public var speakerAtHangUp: Speaker?
    /// The end-of-call answers when the seller went back to the call with Esc (or the
    /// call came back from a checkpoint taken in the dialogs), so the next `e` starts
    /// from them rather than from nothing.
    public var endOfCallAnswers: EndOfCallAnswers?
    /// Dialled through a softphone that has not yet said the prospect picked up: the
    /// timer waits for the answer.
    public var isRinging = false

    public init(prospect: Prospect, at moment: Moment, targets: TalkTargets) {
        self.prospect = prospect
        wallStart = moment.wall
        call = Call(
            id: Call.makeID(prospect: prospect.id, startedAt: moment.wall), prospectID: prospect.id,
            prospectName: prospect.name, prospectCompany: prospect.company, startedAt: moment.wall)
        meter = TalkMeter(startedAt: moment.monotonic, targets: targets)
        lastCheckpoint = moment.monotonic
    }

    /// A call brought back from a checkpoint; it resumes on hold.
    public init(resuming checkpoint: LiveCallCheckpoint, prospect: Prospect, at moment: Moment, targets: TalkTargets) {
        self.prospect = prospect
        call = checkpoint.call
        wallStart = checkpoint.call.startedAt
        meter = TalkMeter(
            resuming: checkpoint.call.segments, elapsed: checkpoint.elapsed, now: moment.monotonic,
            targets: targets)
        lastCheckpoint = moment.monotonic
        endOfCallAnswers = checkpoint.answers
        noteDraft = TextField(checkpoint.noteDraft ?? "")
    }

    /// Whether the seller pressed `a` during the call.
    public var askMarked: Bool { call.referralAsk == .asked }

    /// Whether the ask was made as things stand: marked with `a`, or answered "y" in the
    /// end-of-call dialog before the seller went back to the call.
    public var askMade: Bool { askMarked || endOfCallAnswers?.askAnswer == true }

    public func figures(at instant: MonotonicInstant) -> TalkFigures { meter.figures(at: instant) }

    /// The call as saved for a crash; `answers` are the dialogs' when the seller is in
    /// them, else those kept from the last time.
    ///
    /// `note` is the note field's text when it is open, else the one put aside.
    public func checkpoint(at moment: Moment, answers: EndOfCallAnswers? = nil, note: String? = nil) -> LiveCallCheckpoint {
        let draft = note ?? noteDraft.text
        return LiveCallCheckpoint(
            call: call, meter: meter, at: moment.monotonic, wall: moment.wall, answers: answers ?? endOfCallAnswers,
            noteDraft: draft.isEmpty ? nil : draft)
    }
}
