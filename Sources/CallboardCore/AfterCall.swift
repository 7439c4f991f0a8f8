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
    /// What became of each referral, in the order they were given.
    public var referralFilings: [ReferralFiling]

    /// Every prospect the call changed or created, to be saved together.
    public var changedProspects: [Prospect] { [prospect] + newProspects + referredProspects }

    /// - Parameters:
    ///   - today: the seller's calendar day of the call.
    ///   - zone: the seller's zone, to file an appointment under its day.
    ///   - known: prospects a referral may already be, from the whole store (see
    ///     ``ContactIndex``): a referral who is the same person links to them and never
    ///     becomes a second record, above all not an active lead for someone who asked
    ///     not to be called.
    ///   - outcomes: what each outcome leads to (the configured list).
    ///   - newID: the id for each new referral lead.
    public init(
        call: Call, prospect original: Prospect, today: CalendarDay, zone: TimeZone,
        retry: RetryRule, outcomes: Outcomes = .standard, known: [Prospect] = [], newID: () -> ProspectID
    ) {
        var call = call
        call.prospectName = original.name
        call.prospectCompany = original.company
        var prospect = original
        prospect.attempts += 1
        prospect.lastOutcome = call.outcome
        prospect.lastCalledAt = call.startedAt
        // Counted at their wall-clock hour (yours when their zone is not known).
        prospect.reach = (prospect.reach ?? ReachCounts()).adding(
            dialAt: call.startedAt, in: prospect.zone ?? zone, pickedUp: call.reachedProspect)
        let rule = call.outcome.map(outcomes.rule(for:))
        let untagged = call.notes.filter { $0.tag == nil }.map(\.text)
        if !untagged.isEmpty || rule?.isConversation == true {
            prospect.lastCallNotes = untagged.joined(separator: "\n")
        }
        prospect.world = prospect.world.adding(call.notes)
        Self.schedule(&prospect, call: call, rule: rule, today: today, zone: zone, retry: retry)

        var created: [Prospect] = []
        var referred: [Prospect] = []
        var filings: [ReferralFiling] = []
        let createdAt = call.endedAt ?? call.startedAt
        for index in call.referrals.indices {
            let referral = call.referrals[index]
            let card = referral.card
            // Those already filed on this call first, so a name given twice is one lead.
            let pool = referred + created + known.filter { $0.id != original.id }
            let twin = referral.prospectID.flatMap { id in pool.first { $0.id == id } }
                ?? ContactCheck.existing(card, among: pool)
            guard var twin else {
                let id = referral.prospectID ?? newID()
                call.referrals[index].prospectID = id
                var lead = Prospect(
                    id: id, name: referral.name, company: referral.company, phone: referral.phone,
                    email: referral.email, source: .referral, referredBy: original.id,
                    nextCallDay: today.nextBusinessDay, createdAt: createdAt)
                lead.inferTimeZoneFromPhone()
                created.append(lead)
                filings.append(.added(id, name: referral.name))
                continue
            }
            call.referrals[index].prospectID = twin.id
            guard twin.status.isCallable else {
                // Linked for the record; their status stays exactly as it is.
                filings.append(.notQueued(twin.id, name: twin.name, status: twin.status))
                continue
            }
            filings.append(.linked(twin.id, name: twin.name))
            if let at = created.firstIndex(where: { $0.id == twin.id }) {
                Self.takeNewer(referral, into: &created[at])
                continue
            }
            var changed = Self.takeNewer(referral, into: &twin)
            if twin.referredBy == nil {
                twin.source = .referral
                twin.referredBy = original.id
                changed = true
            }
            guard changed else { continue }
            if let at = referred.firstIndex(where: { $0.id == twin.id }) {
                referred[at] = twin
            } else {
                referred.append(twin)
            }
        }
        self.call = call
        self.prospect = prospect
        self.newProspects = created
        self.referredProspects = referred
        self.referralFilings = filings
    }

    /// A referral's email replaces the one on file when it differs: the same name on the
    /// same number with a new address is the same person, who moved. Returns whether
    /// anything changed.
    @discardableResult
    private static func takeNewer(_ referral: Referral, into prospect: inout Prospect) -> Bool {
        guard let email = ContactCheck.emailKey(referral.email), email != ContactCheck.emailKey(prospect.email)
        else { return false }
        prospect.email = referral.email.trimmingCharacters(in: .whitespaces)
        return true
    }

    private static func schedule(
        _ prospect: inout Prospect, call: Call, rule: OutcomeRule?, today: CalendarDay, zone: TimeZone,
        retry: RetryRule
    ) {
        prospect.callbackAt = nil
        // A call saved without an outcome reached nobody, as far as anyone knows.
        switch rule?.next ?? .retry {
        case .callback, .followUp:
            // A time agreed for a follow-up is kept like a callback's; without one, the
            // next business day.
            if let at = call.nextStepAt {
                prospect.callbackAt = at
                prospect.nextCallDay = CalendarDay(containing: at, in: zone)
            } else {
                prospect.nextCallDay = today.nextBusinessDay
            }
        case .meeting:
            prospect.meetingAt = call.nextStepAt
            // Call again after the meeting, to hear how it went.
            let meetingDay = call.nextStepAt.map { CalendarDay(containing: $0, in: zone) } ?? today
            prospect.nextCallDay = meetingDay.nextBusinessDay
        case .stayInTouch:
            prospect.nextCallDay = rule?.stayInTouchDay(after: today)
        case .never:
            prospect.status = .lost
            prospect.nextCallDay = nil
        case .retry:
            if let next = retry.plan(attemptsBefore: prospect.attempts - 1, on: today).next {
                prospect.nextCallDay = next
            } else {
                prospect.status = .unreachable
                prospect.nextCallDay = nil
            }
        }
    }

}

extension Prospect.World {
    /// The world with the tagged notes of a call added (o: organization, c: challenges,
    /// r: requirements); untagged notes are not part of it. The brief shows it so during
    /// the call, and the saved prospect keeps it.
    public func adding(_ notes: [CallNote]) -> Self {
        var world = self
        for note in notes {
            switch note.tag {
            case .organization?: Self.append(note.text, to: &world.organization)
            case .challenge?: Self.append(note.text, to: &world.challenges)
            case .requirement?: Self.append(note.text, to: &world.requirements)
            case nil: break
            }
        }
        return world
    }

    private static func append(_ text: String, to field: inout String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        field = field.isEmpty ? trimmed : field + "\n" + trimmed
    }
}

/// What became of one referral when the call was saved.
public enum ReferralFiling: Hashable, Sendable {
    /// A new lead, due the next business day.
    case added(ProspectID, name: String)
    /// Already a prospect who can be called: the referral links to them.
    case linked(ProspectID, name: String)
    /// Already a prospect who must not be called (do-not-call, lost, won, unreachable):
    /// the referral links to them for the record, and they stay out of the queue.
    case notQueued(ProspectID, name: String, status: Prospect.Status)
}
