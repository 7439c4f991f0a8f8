import CallboardCore
import Foundation

/// Work for the runtime. The update function only asks; the results come back as events.
public enum Effect: Hashable, Sendable {
    /// Read the working set and today's call count; answer `.loaded`.
    case load
    /// Read the follow-ups still owed from the last two weeks of calls; answer
    /// `.followUpsLoaded`. `known` are the prospects the dashboard already holds, so only
    /// the others are looked up.
    case loadFollowUps(known: Set<ProspectID>)
    /// Rows of a queue too long to hold whole, from `from`; `select` is the row (of the
    /// whole queue) the cursor goes to.
    case loadQueue(from: Int, select: Int, orderedAt: Date? = nil)
    /// Save the live call so a crash never loses it.
    case checkpoint(LiveCallCheckpoint)
    /// The live call was saved for good; its checkpoint can go.
    case clearCheckpoint
    /// File a finished call: save it, update its prospect, turn its referrals into leads
    /// (or link them to who is already filed) and write its follow-up when one is kept;
    /// answer `.callFiled`, or `.callNotFiled` with nothing counted as done. `send` pipes
    /// the follow-up to the send command once it is written.
    case fileCall(call: Call, prospect: Prospect, send: Bool)
    /// Save a change to a call already filed (its follow-up sent, skipped or edited);
    /// answer `.saved`.
    case updateCall(Call)
    /// Add someone typed in on the dashboard unless the store already has the same person;
    /// answer `.prospectAdded` or `.prospectRefused`.
    case addProspect(ContactLine)
    /// Write the call's follow-up as an .eml into the outbox; answer `.followUpWritten`.
    case writeFollowUp(call: Call, prospect: Prospect)
    /// Pipe the call's follow-up to the send command; answer `.followUpSent` or `.failed`.
    case sendFollowUp(call: Call, prospect: Prospect)
    /// Open `$EDITOR` on the text; answer `.edited`.
    case openEditor(text: String, purpose: EditorPurpose)
    /// Read the review of a day for the review screen.
    case loadReview(CalendarDay)
    /// Leave the program with this exit code (after any checkpoint before it).
    case quit(exitCode: Int32)
    /// Dial the prospect's number through the configured dialer; a dialer that cannot
    /// answers `.phone(.dialFailed)`, a softphone its own events.
    case dial(DialNumber, prospect: ProspectID)
    /// Hang up the softphone's call.
    case hangUp
    /// Hand the calls queued in the store to the after-call command; answer `.handedOff`.
    case handOffCalls
    /// Keep a finished calling block for the review.
    case saveBlock(CallingBlockSummary)
}

extension Effect {
    /// Whether the runtime may carry this out after drawing the next frame: a read whose
    /// answer the screen can do without for a moment, so it never delays the first frame.
    public var canWaitForFrame: Bool {
        if case .loadFollowUps = self { return true }
        return false
    }
}
