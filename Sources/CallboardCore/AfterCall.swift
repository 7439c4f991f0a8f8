import Foundation

/// What a finished call changes: the prospect's next call, attempts, last outcome and
/// world, and a new prospect for every referral. Pure: the caller saves the result.
public struct AfterCall: Hashable, Sendable {
    /// The call, its referrals linked to the prospects made for them.
    public var call: Call
    /// The called prospect, updated.
    public var prospect: Prospect
    /// One new prospect per referral not already known, due the next business day.
    public var newProspects: [Prospect]
    /// Prospects already known who were referred on this call: the referral links to them,
    /// and one with no referrer yet now counts as a referral from the caller.
    public var referredProspects: [Prospect]

    /// - Parameters:
    ///   - today: the seller's calendar day of the call.
    ///   - zone: the seller's zone, to file an appointment under its day.
    ///   - known: prospects a referral may already be (the same person by email or phone).
    public init(
        call: Call, prospect original: Prospect, today: CalendarDay, zone: TimeZone,
        retry: RetryRule, known: [Prospect] = []
    ) {
        var call = call
        call.prospectName = original.name
        call.prospectCompany = original.company
        var prospect = original
        prospect.attempts += 1
        prospect.lastOutcome = call.outcome
        prospect.lastCalledAt = call.startedAt
        let untagged = call.notes.filter { $0.tag == nil }.map(\.text)
        if !untagged.isEmpty || call.outcome?.isConversation == true {
            prospect.lastCallNotes = untagged.joined(separator: "\n")
        }
        for note in call.notes {
            switch note.tag {
            case .organization?: Self.append(note.text, to: &prospect.world.organization)
            case .challenge?: Self.append(note.text, to: &prospect.world.challenges)
            case .requirement?: Self.append(note.text, to: &prospect.world.requirements)
            case nil: break
            }
        }
        Self.schedule(&prospect, call: call, today: today, zone: zone, retry: retry)

        var created: [Prospect] = []
        var referred: [Prospect] = []
        let createdAt = call.endedAt ?? call.startedAt
        let others = known.filter { $0.id != original.id }
        for index in call.referrals.indices {
            let referral = call.referrals[index]
            if referral.prospectID == nil,
                var twin = ContactCheck.existing(email: referral.email, phone: referral.phone, among: others)
            {
                call.referrals[index].prospectID = twin.id
                if twin.referredBy == nil, twin.status.isCallable, !referred.contains(where: { $0.id == twin.id }) {
                    twin.source = .referral
                    twin.referredBy = original.id
                    referred.append(twin)
                }
                continue
            }
            let id = referral.prospectID ?? ProspectID("\(call.id.rawValue)/r\(index + 1)")
            call.referrals[index].prospectID = id
            created.append(
                Prospect(
                    id: id, name: referral.name, company: referral.company, phone: referral.phone,
                    email: referral.email, source: .referral, referredBy: original.id,
                    nextCallDay: today.nextBusinessDay, createdAt: createdAt))
        }
        self.call = call
        self.prospect = prospect
        self.newProspects = created
        self.referredProspects = referred
    }

    private static func schedule(
        _ prospect: inout Prospect, call: Call, today: CalendarDay, zone: TimeZone, retry: RetryRule
    ) {
        prospect.callbackAt = nil
        switch call.outcome {
        case .callback?:
            if let at = call.nextStepAt {
                prospect.callbackAt = at
                prospect.nextCallDay = CalendarDay(containing: at, in: zone)
            } else {
                prospect.nextCallDay = today.nextBusinessDay
            }
        case .meetingBooked?:
            prospect.meetingAt = call.nextStepAt
            // Call again after the meeting, to hear how it went.
            let meetingDay = call.nextStepAt.map { CalendarDay(containing: $0, in: zone) } ?? today
            prospect.nextCallDay = meetingDay.nextBusinessDay
        case .opportunity?:
            prospect.nextCallDay = today.nextBusinessDay
        case .notInterested?, .noFit?:
            prospect.status = .lost
            prospect.nextCallDay = nil
        case .noAnswer?, .voicemail?, .gatekeeper?, nil:
            if let next = retry.nextAttempt(after: today, attemptsSoFar: prospect.attempts) {
                prospect.nextCallDay = next
            } else {
                prospect.status = .unreachable
                prospect.nextCallDay = nil
            }
        }
    }

    private static func append(_ text: String, to field: inout String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        field = field.isEmpty ? trimmed : field + "\n" + trimmed
    }
}
