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
    /// Whether the headset marks the talk, and how the keys overrode it.
    public var handsFree: HandsFreeMarking = .off
    /// Dialled through a softphone that has not yet said the prospect picked up: the
    /// timer waits for the answer.
    public var isRinging = false

    /// A new call of `type`, judged by its targets (`targets` when it has no type).
    public init(
        prospect: Prospect, at moment: Moment, targets: TalkTargets, type: CallType? = nil,
        handsFree: HandsFreeMarking = .off
    ) {
        self.handsFree = handsFree
        self.prospect = prospect
        wallStart = moment.wall
        call = Call(
            id: Call.makeID(prospect: prospect.id, startedAt: moment.wall), prospectID: prospect.id,
            prospectName: prospect.name, prospectCompany: prospect.company, startedAt: moment.wall)
        call.callType = type?.name
        meter = TalkMeter(startedAt: moment.monotonic, targets: type?.targets ?? targets)
        lastCheckpoint = moment.monotonic
    }

    /// A call brought back from a checkpoint; it resumes on hold.
    public init(
        resuming checkpoint: LiveCallCheckpoint, prospect: Prospect, at moment: Moment, targets: TalkTargets,
        handsFree: HandsFreeMarking = .off
    ) {
        // It resumes on hold, so detection waits for a talk key too.
        self.handsFree = handsFree
        self.handsFree.pause()
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

    /// The prospect picked up a call that was ringing: the call starts now, its timer from
    /// zero, with what was typed or marked while it rang (notes, the ask, its type, hands-free).
    public mutating func answer(at moment: Moment) {
        wallStart = moment.wall
        call.id = Call.makeID(prospect: prospect.id, startedAt: moment.wall)
        call.startedAt = moment.wall
        call.segments = []
        // Questions are dated from the call's start, which has only now come.
        call.questions = []
        meter = TalkMeter(startedAt: moment.monotonic, targets: meter.targets)
        lastCheckpoint = moment.monotonic
        isRinging = false
    }

    /// The record with how its talk was marked so far, as a checkpoint or the saved call
    /// keeps it.
    public var callAsMarked: Call {
        var marked = call
        handsFree.record(into: &marked)
        return marked
    }

    /// Whether the seller pressed `a` during the call.
    public var askMarked: Bool { call.referralAsk == .asked }

    /// Whether the ask was made as things stand: marked with `a`, or answered "y" in the
    /// end-of-call dialog before the seller went back to the call.
    public var askMade: Bool { askMarked || endOfCallAnswers?.askAnswer == true }

    public func figures(at instant: MonotonicInstant) -> TalkFigures { meter.figures(at: instant) }

    /// The questions so far, spread over the call's length at `instant`.
    public func questions(at instant: MonotonicInstant) -> QuestionFigures {
        QuestionFigures(call.questions, length: meter.elapsed(at: instant))
    }

    /// Counts a question asked by `speaker` now.
    public mutating func countQuestion(by speaker: Speaker, at instant: MonotonicInstant) {
        call.questions.append(QuestionMark(by: speaker, at: meter.elapsed(at: instant)))
    }

    /// Makes the call one of `type`: the meter and the nudges judge by its targets from now.
    public mutating func setType(_ type: CallType) {
        call.callType = type.name
        meter.targets = type.targets
    }

    /// The call as saved for a crash; `answers` are the dialogs' when the seller is in
    /// them, else those kept from the last time.
    ///
    /// `note` is the note field's text when it is open, else the one put aside.
    public func checkpoint(at moment: Moment, answers: EndOfCallAnswers? = nil, note: String? = nil) -> LiveCallCheckpoint {
        let draft = note ?? noteDraft.text
        return LiveCallCheckpoint(
            call: callAsMarked, meter: meter, at: moment.monotonic, wall: moment.wall, answers: answers ?? endOfCallAnswers,
            noteDraft: draft.isEmpty ? nil : draft)
    }
}
