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
    public func fileCall(_ call: Call, prospect: Prospect, at now: Date) throws(StoreError) -> FiledCall {
        let index = try store.contactIndex()
        var wanted = Set<ProspectID>([prospect.id])
        for referral in call.referrals {
            if let id = referral.prospectID { wanted.insert(id) }
            let card = ContactCard(id: "", name: referral.name, email: referral.email, phone: referral.phone)
            if let twin = index.match(card) { wanted.insert(twin.id) }
        }
        let filed = try store.prospects(ids: wanted)
        // The store's copy wins: an import or `callboard add` may have changed them since.
        let current = filed.first { $0.id == prospect.id } ?? prospect
        var random = SystemRandomNumberGenerator()
        var made: Set<ProspectID> = []
        let after = AfterCall(
            call: call, prospect: current, today: day(of: call.startedAt), zone: zone, retry: settings.retry,
            outcomes: settings.outcomes, known: filed,
            newID: {
                let id = Self.newID(using: &random, index: index, alsoTaken: made)
                made.insert(id)
                return id
            })
        try store.save(call: after.call, targets: settings.targets, types: settings.callTypes)
        try store.upsert(prospects: after.changedProspects)
        var file: String?
        if after.call.followUp?.status == .pending {
            file = try writeFollowUp(after.call, to: after.prospect, at: now)
        }
        return FiledCall(
            call: after.call, prospect: after.prospect, prospects: after.changedProspects,
            referralFilings: after.referralFilings, followUpFile: file)
    }

    /// Saves a change to a call already filed: its follow-up sent, skipped or edited.
    public func updateCall(_ call: Call) throws(StoreError) {
        try store.save(call: call, targets: settings.targets, types: settings.callTypes)
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
        try store.writeCheckpoint(checkpoint)
    }

    /// The call a crash left live, if any.
    public func liveCall() throws(StoreError) -> LiveCallCheckpoint? {
        try store.checkpoint()
    }

    /// The live call was filed; its checkpoint goes.
    public func clearCheckpoint() throws(StoreError) {
        try store.clearCheckpoint()
    }
}
