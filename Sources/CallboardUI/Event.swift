import CallboardCore
import Foundation

/// Everything that can happen to the app: keys, time, the terminal's size, and the
/// answers to effects the runtime carried out.
public enum Event: Hashable, Sendable {
    case key(Key, Moment)
    /// The clock moved; the runtime sends one a second during a call, a minute otherwise.
    case tick(Moment)
    case resize(width: Int, height: Int)
    /// A talk mark from outside the dashboard; it acts like the call's key for it.
    case remote(RemoteMark, Moment)
    /// Hands-free: the headset's audio says this speaker began at `moment` (their onset,
    /// which is up to a second before the event arrives).
    case speakerDetected(Speaker, Moment)
    /// Hands-free: the inputs' levels changed step (a few times a second at most).
    case inputLevels(InputLevels)

    /// The store's working set and today's call count.
    case loaded(StoreSnapshot, Moment)
    /// The calls whose follow-up is still owed, and those of their prospects the
    /// dashboard did not hold.
    case followUpsLoaded(calls: [Call], prospects: [Prospect])
    /// Rows of the queue, after `.loadQueue`; the cursor goes to row `select`.
    case queueLoaded(QueueWindow, select: Int, Moment)
    /// A live call found after a crash, offered to resume (on hold) or save, with its
    /// prospect as the store has them (nil when the store no longer does): the queue rows
    /// held need not include them.
    case resumed(LiveCallCheckpoint, prospect: Prospect?, Moment)
    /// The store added a prospect typed in the add field.
    case prospectAdded(Prospect)
    /// The store refused the line typed in the add field; `reason` says why.
    case prospectRefused(line: String, reason: String)
    /// A finished call was filed; `send` is the request that came with it.
    case callFiled(FiledCall, send: Bool)
    /// A finished call could not be filed; `reason` says what failed and where. Its
    /// checkpoint stays, so it is offered again.
    case callNotFiled(CallID, reason: String)
    /// A change to a filed call was saved.
    case saved(CallID)
    /// A follow-up was written to the outbox as `file`.
    case followUpWritten(CallID, file: String)
    /// The send command took the follow-up (it exited 0).
    case followUpSent(CallID, at: Date)
    /// The follow-up could not be sent; `reason` says why. It stays pending in the outbox.
    case sendFailed(CallID, reason: String)
    /// The editor closed with this text.
    case edited(EditorPurpose, text: String)
    /// The review of a day, read from the store after `.loadReview`.
    case reviewLoaded(ReviewState)
    /// An effect failed; the text says what happened, for the seller.
    case failed(String)
    /// The phone's word on the call it placed (the softphone's events, a dialer's failure).
    case phone(PhoneEvent, Moment)
    /// The after-call command took `handed` calls; `failure` says why the rest still wait.
    case handedOff(handed: Int, waiting: Int, failure: String?)
}

/// What a phone says about the call callboard placed.
public enum PhoneEvent: Hashable, Sendable {
    /// The far end is ringing.
    case ringing
    /// The prospect picked up: the call's timer starts now.
    case answered
    /// The call ended (the far end hung up, rejected it, was busy, or nobody answered);
    /// `reason` is the phone's own words.
    case ended(reason: String)
    /// The number could not be dialled at all; nothing rang.
    case dialFailed(reason: String)
}

/// Why the editor was opened, so its text lands in the right place.
public enum EditorPurpose: Hashable, Sendable {
    /// The note field of the live call.
    case note
    /// The follow-up draft of the call being ended.
    case followUpDraft
    /// A pending follow-up of an earlier call.
    case pendingFollowUp(CallID)
}
