import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

extension Desk {
    /// Files a finished call: the call saved on its day, the prospect updated, each
    /// referral turned into a lead or linked to the person already filed (anywhere in the
    /// store, so a do-not-call never comes back as a new lead), and the follow-up written
    /// to the outbox when one is kept. Nothing counts as done until it is written: a
    /// failure throws, naming the file, and the caller keeps the call's checkpoint.
    ///
    /// This, `updateCall` and `checkpoint` are where a call's text enters the store, so
    /// they clean it of control characters (an edited note may hold any byte).
    public func fileCall(_ finished: Call, prospect: Prospect, at now: Date) throws(StoreError) -> FiledCall {
        let finished = finished.cleaned()
        let index = try store.contactIndex()
        var wanted = Set<ProspectID>([prospect.id])
        for referral in finished.referrals {
            if let id = referral.prospectID { wanted.insert(id) }
            if let twin = index.match(referral.card) { wanted.insert(twin.id) }
        }
        let filed = try store.prospects(ids: wanted)
        // The store's copy wins: an import or `callboard add` may have changed them since.
        let current = filed.first { $0.id == prospect.id } ?? prospect
        var random = SystemRandomNumberGenerator()
        var made: Set<ProspectID> = []
        let after = AfterCall(
            call: finished, prospect: current, today: day(of: finished.startedAt), zone: zone, retry: settings.retry,
            outcomes: settings.outcomes, known: filed,
            newID: {
                let id = Self.newID(using: &random, index: index, alsoTaken: made)
                made.insert(id)
                return id
            })
        // Every bucket the prospects go into is read before anything is written, so a broken
        // one stops the filing here, not after the call was saved without its prospects.
        _ = try store.prospects(ids: after.changedProspects.map(\.id))
        var call = after.call
        var file: String?
        // Written before the call is saved, so the saved call says it is ready to send; a
        // failure leaves the checkpoint, and the next try writes the same file again.
        if call.followUp?.status == .pending {
            file = try writeFollowUp(call, to: after.prospect, at: now)
            call.followUp?.messageFile = file
        }
        try store.save(call: call, targets: settings.targets, types: settings.callTypes)
        try store.upsert(prospects: after.changedProspects)
        if afterCallCommand != nil {
            let document = HandOffJSON.document(call: call, prospect: after.prospect, zone: zone, outcomes: settings.outcomes)
            try store.queueHandOff(Data(document.utf8), for: call.id)
        }
        return FiledCall(
            call: call, prospect: after.prospect, prospects: after.changedProspects,
            referralFilings: after.referralFilings, followUpFile: file)
    }

    /// Saves a change to a call already filed: its follow-up sent, skipped or edited.
    public func updateCall(_ call: Call) throws(StoreError) {
        try store.save(call: call.cleaned(), targets: settings.targets, types: settings.callTypes)
    }

    /// The call's follow-up as an email from the seller to the prospect.
    public func followUpMessage(for call: Call, to prospect: Prospect, at now: Date) -> EmailMessage {
        EmailMessage(
            fromName: settings.sellerName, fromAddress: settings.sellerEmail, toName: prospect.name,
            toAddress: prospect.email, subject: call.followUp?.subject ?? "", body: call.followUp?.body ?? "",
            date: now, zone: zone, uniqueID: call.id.rawValue)
    }

    /// Writes the call's follow-up into the outbox; returns the file's name.
    public func writeFollowUp(_ call: Call, to prospect: Prospect, at now: Date) throws(StoreError) -> String {
        let message = followUpMessage(for: call, to: prospect, at: now)
        return try store.writeOutboxMessage(message.rendered(), name: Store.messageName(for: call.id)).lastPathComponent
    }

    // MARK: The live call

    /// Saves the call in progress so a crash never loses it.
    public func checkpoint(_ checkpoint: LiveCallCheckpoint) throws(StoreError) {
        var checkpoint = checkpoint
        checkpoint.call = checkpoint.call.cleaned()
        checkpoint.noteDraft = checkpoint.noteDraft.map(StoredText.lines)
        try store.writeCheckpoint(checkpoint)
    }

    /// The call a crash left live, if any, with its prospect as the store has them now:
    /// the dashboard holds only some queue rows.
    public func recoveredCall() throws(StoreError) -> RecoveredCall? {
        guard let checkpoint = try store.checkpoint() else { return nil }
        do {
            return RecoveredCall(checkpoint: checkpoint, prospect: try store.prospects(ids: [checkpoint.call.prospectID]).first)
        } catch {
            // The call is offered all the same: losing it for a bad prospects file is worse.
            return RecoveredCall(checkpoint: checkpoint, prospect: nil, prospectUnread: error)
        }
    }

    /// The live call was filed; its checkpoint goes.
    public func clearCheckpoint() throws(StoreError) {
        try store.clearCheckpoint()
    }
}

/// A call a crash left live and whom it was with.
public struct RecoveredCall: Sendable {
    public var checkpoint: LiveCallCheckpoint
    /// The prospect as the store has them; nil when it no longer does, or could not say.
    public var prospect: Prospect?
    /// Why the prospect could not be read, when it could not.
    public var prospectUnread: StoreError?
}
