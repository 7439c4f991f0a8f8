import CallboardCore
import Foundation
import Testing

@Suite("After a call")
struct AfterCallTests {
    let zone = Fixture.amsterdam
    let today = Fixture.day("2026-12-04")  // a Friday
    var start: Date { Fixture.at("2026-12-04 10:00", zone) }

    func finish(_ outcome: Outcome, attempts: Int = 0, nextStep: Date? = nil,
                notes: [CallNote] = [], referrals: [Referral] = [], retry: RetryRule = RetryRule()) -> AfterCall {
        let prospect = Fixture.prospect("p1", "Anna de Vries", attempts: attempts)
        let call = Call(
            id: Call.makeID(prospect: "p1", startedAt: start), prospectID: "p1", startedAt: start,
            duration: 300, outcome: outcome, referralAsk: .asked, referrals: referrals, notes: notes,
            nextStepAt: nextStep)
        var made = 0
        return AfterCall(
            call: call, prospect: prospect, today: today, zone: zone, retry: retry,
            newID: {
                made += 1
                return ProspectID("new-\(made)")
            })
    }

    @Test("referrals become prospects due the next business day, referred by the caller")
    func referralLoop() {
        let result = finish(.notInterested, referrals: [
            Referral(name: "Jan Jansen", company: "Jansen BV", phone: "020-5550114"),
            Referral(name: "Piet Pieters", email: "piet@example.nl"),
        ])
        #expect(result.newProspects.count == 2)
        let jan = result.newProspects[0]
        #expect(jan.source == .referral)
        #expect(jan.referredBy == "p1")
        #expect(jan.nextCallDay == Fixture.day("2026-12-07"))  // Monday
        #expect(jan.company == "Jansen BV")
        #expect(result.call.referrals.map(\.prospectID) == result.newProspects.map(\.id))
        #expect(Set(result.newProspects.map(\.id)).count == 2)

        // ...and on Monday they stand in the queue above cold leads, named for the referrer.
        let cold = Fixture.prospect("cold", "Cold Lead", priority: 1)
        let queue = CallQueue.entries(
            prospects: [cold, result.prospect] + result.newProspects, today: Fixture.day("2026-12-07"),
            now: Fixture.at("2026-12-07 09:30", zone), zone: zone)
        #expect(queue.map(\.prospect.name) == ["Jan Jansen", "Piet Pieters", "Cold Lead"])
        #expect(queue[0].reason == .referral(from: "Anna de Vries"))
    }

    @Test("a referral who is already a prospect is linked, not added twice, and now counts as referred")
    func knownReferral() {
        let greta = Prospect(id: "greta", name: "Greta Müller", company: "Müller GmbH", email: "greta@example.de",
                             createdAt: Fixture.at("2026-11-01 09:00", zone))
        let call = Call(
            id: Call.makeID(prospect: "p1", startedAt: start), prospectID: "p1", startedAt: start, duration: 300,
            outcome: .notInterested, referralAsk: .asked,
            referrals: [Referral(name: "Greta M.", email: "Greta@Example.de"), Referral(name: "Jan Jansen", phone: "020-5550114")])
        let anna = Fixture.prospect("p1", "Anna de Vries")
        let result = AfterCall(
            call: call, prospect: anna, today: today, zone: zone, retry: RetryRule(), known: [anna, greta],
            newID: { "new" })
        #expect(result.newProspects.map(\.name) == ["Jan Jansen"])
        #expect(result.call.referrals.first?.prospectID == "greta")
        #expect(result.referredProspects.map(\.id) == ["greta"])
        #expect(result.referredProspects.first?.referredBy == "p1")
        #expect(result.referredProspects.first?.source == .referral)
        #expect(result.referredProspects.first?.name == "Greta Müller", "the record she has is kept")
    }

    @Test("a callback sets the time and the day; attempts and last outcome follow")
    func callback() {
        let at = Fixture.at("2026-12-08 14:30", zone)
        let result = finish(.callback, nextStep: at)
        #expect(result.prospect.callbackAt == at)
        #expect(result.prospect.nextCallDay == Fixture.day("2026-12-08"))
        #expect(result.prospect.attempts == 1)
        #expect(result.prospect.lastOutcome == .callback)
        #expect(result.prospect.lastCalledAt == start)
        #expect(result.call.prospectName == "Anna de Vries")
        #expect(result.call.prospectCompany == "Anna de Vries Ltd")
    }

    @Test("a referral's zone is inferred from a one-zone calling code, and left unknown for +1")
    func referralZones() {
        let result = finish(.noFit, referrals: [
            Referral(name: "Tom Hughes", phone: "+44 20 5555 0101"),
            Referral(name: "Dana Mills", phone: "+1 212 555 0101"),
        ])
        #expect(result.newProspects[0].timeZone == "Europe/London")
        #expect(result.newProspects[0].timeZoneInferredFrom == "+44")
        #expect(result.newProspects[1].timeZone == nil)
    }

    @Test("an opportunity with a follow-up time comes back at that time; without one, the next business day")
    func opportunity() {
        let at = Fixture.at("2026-12-08 11:00", zone)
        let timed = finish(.opportunity, nextStep: at)
        #expect(timed.prospect.callbackAt == at)
        #expect(timed.prospect.nextCallDay == Fixture.day("2026-12-08"))
        let untimed = finish(.opportunity)
        #expect(untimed.prospect.callbackAt == nil)
        #expect(untimed.prospect.nextCallDay == Fixture.day("2026-12-07"))
        // ...and the queue says what that call is for.
        let queue = CallQueue.entries(
            prospects: [untimed.prospect], today: Fixture.day("2026-12-07"), now: Fixture.at("2026-12-07 09:30", zone),
            zone: zone)
        #expect(queue.first?.reason == .opportunity)
        #expect(queue.first?.purpose(sellerZone: zone) == "follow-up on opportunity")
    }

    @Test("an opportunity's agreed time ranks with the timed calls and reads as its follow-up, not a callback")
    func timedOpportunityIsNoCallback() {
        let at = Fixture.at("2026-12-08 11:00", zone)
        let timed = finish(.opportunity, nextStep: at).prospect
        let asked = finish(.callback, nextStep: at).prospect
        func queue(on day: String, now: String) -> [QueueEntry] {
            CallQueue.entries(prospects: [timed], today: Fixture.day(day), now: Fixture.at(now, zone), zone: zone)
        }
        let today = queue(on: "2026-12-08", now: "2026-12-08 09:00")
        #expect(today.first?.reason == .callback(at: at))
        #expect(today.first?.purpose(sellerZone: zone) == "follow-up on opportunity")
        #expect(queue(on: "2026-12-09", now: "2026-12-09 09:00").first?.purpose(sellerZone: zone)
            == "overdue follow-up on opportunity Tue 8 Dec")
        let callback = CallQueue.entries(prospects: [asked], today: Fixture.day("2026-12-08"),
                                         now: Fixture.at("2026-12-08 09:00", zone), zone: zone)
        #expect(callback.first?.purpose(sellerZone: zone) == "callback")
    }

    @Test("a meeting is kept for the calendar and the prospect comes back after it")
    func meeting() {
        let at = Fixture.at("2026-12-10 11:00", zone)
        let result = finish(.meetingBooked, nextStep: at)
        #expect(result.prospect.meetingAt == at)
        #expect(result.prospect.callbackAt == nil)
        #expect(result.prospect.nextCallDay == Fixture.day("2026-12-11"))
        let queue = CallQueue.entries(
            prospects: [result.prospect], today: Fixture.day("2026-12-11"), now: Fixture.at("2026-12-11 09:30", zone),
            zone: zone)
        #expect(queue.first?.purpose(sellerZone: zone) == "after meeting Thu 10 Dec")
    }

    @Test("not interested and no fit close the prospect")
    func closing() {
        #expect(finish(.notInterested).prospect.status == .lost)
        #expect(finish(.noFit).prospect.status == .lost)
        #expect(finish(.opportunity).prospect.status == .active)
    }

    @Test("no answer follows the retry rule until the attempts are used up")
    func retry() {
        let rule = RetryRule(businessDays: 2, maxAttempts: 3)
        let first = finish(.noAnswer, attempts: 0, retry: rule)
        #expect(first.prospect.nextCallDay == Fixture.day("2026-12-08"))  // Fri + 2 business days
        #expect(first.prospect.status == .active)
        let last = finish(.voicemail, attempts: 2, retry: rule)
        #expect(last.prospect.attempts == 3)
        #expect(last.prospect.status == .unreachable)
        #expect(last.prospect.nextCallDay == nil)
    }

    @Test("tagged notes grow the prospect's world; untagged ones become the last call's notes")
    func notes() {
        let result = finish(.callback, notes: [
            CallNote(text: "Runs 3 warehouses", tag: .organization, at: 10),
            CallNote(text: "Late deliveries", tag: .challenge, at: 20),
            CallNote(text: "Needs EDI", tag: .requirement, at: 30),
            CallNote(text: "Prefers mornings", at: 40),
            CallNote(text: "Peak season in March", tag: .challenge, at: 50),
        ])
        #expect(result.prospect.world.organization == "Runs 3 warehouses")
        #expect(result.prospect.world.challenges == "Late deliveries\nPeak season in March")
        #expect(result.prospect.world.requirements == "Needs EDI")
        #expect(result.prospect.lastCallNotes == "Prefers mornings")
    }

    @Test("the retry rule skips weekends")
    func retryRuleWeekend() {
        #expect(RetryRule().nextAttempt(after: Fixture.day("2026-12-04"), attemptsSoFar: 1) == Fixture.day("2026-12-07"))
        #expect(RetryRule().nextAttempt(after: Fixture.day("2026-12-05"), attemptsSoFar: 1) == Fixture.day("2026-12-07"))
        #expect(RetryRule(maxAttempts: 2).nextAttempt(after: Fixture.day("2026-12-01"), attemptsSoFar: 2) == nil)
    }

    // MARK: A referral who must not be called

    func referring(_ referral: Referral, known: [Prospect]) -> AfterCall {
        let call = Call(
            id: Call.makeID(prospect: "p1", startedAt: start), prospectID: "p1", startedAt: start, duration: 300,
            outcome: .notInterested, referralAsk: .asked, referrals: [referral])
        return AfterCall(
            call: call, prospect: Fixture.prospect("p1", "Anna de Vries"), today: today, zone: zone,
            retry: RetryRule(), known: known, newID: { "new" })
    }

    @Test("a referral who is on the do-not-call list is linked for the record and never becomes a lead")
    func doNotCallReferral() {
        let dora = Prospect(
            id: "dora", name: "Dora Never", phone: "+1 555 0777", status: .doNotCall,
            createdAt: Fixture.at("2026-11-01 09:00", zone))
        let result = referring(Referral(name: "Dora Never", company: "NoCo", phone: "+1 555 0777"), known: [dora])
        #expect(result.newProspects.isEmpty)
        #expect(result.referredProspects.isEmpty, "her record is not touched")
        #expect(result.call.referrals.first?.prospectID == "dora")
        #expect(result.referralFilings == [.notQueued("dora", name: "Dora Never", status: .doNotCall)])
        #expect(result.changedProspects.map(\.id) == ["p1"])
        // Tomorrow's queue has no Dora.
        let queue = CallQueue.entries(
            prospects: result.changedProspects + [dora], today: Fixture.day("2026-12-07"),
            now: Fixture.at("2026-12-07 09:30", zone), zone: zone)
        #expect(!queue.contains { $0.prospect.name == "Dora Never" })
    }

    @Test("the same name on the same number with a new email is the same person, who keeps the new address")
    func newEmailSamePerson() {
        let greta = Prospect(
            id: "greta", name: "Greta Müller", phone: "+49 30 5550 1234", email: "greta@old.example",
            createdAt: Fixture.at("2026-11-01 09:00", zone))
        let result = referring(
            Referral(name: "greta muller", phone: "+49 (30) 55501234", email: "greta@new.example"), known: [greta])
        #expect(result.newProspects.isEmpty)
        #expect(result.referredProspects.map(\.email) == ["greta@new.example"])
    }

    @Test("a referral given with only a new email, under the name and company on file, is the one on file")
    func newEmailOnlySamePerson() {
        let carla = Prospect(
            id: "carla", name: "Carla Smit", company: "Smit BV", phone: "+31 20 555 0199", email: "carla@old.example",
            createdAt: Fixture.at("2026-11-01 09:00", zone))
        let result = referring(Referral(name: "Carla Smit", company: "Smit BV", email: "carla@new.example"), known: [carla])
        #expect(result.newProspects.isEmpty, "no second Carla")
        #expect(result.referralFilings == [.linked("carla", name: "Carla Smit")])
        #expect(result.referredProspects.map(\.email) == ["carla@new.example"])
        #expect(result.referredProspects.map(\.phone) == ["+31 20 555 0199"], "her number stays")
    }

    @Test("a colleague behind the same switchboard number is someone else")
    func switchboardColleague() {
        let greta = Prospect(
            id: "greta", name: "Greta Müller", phone: "+49 30 5550 1234", createdAt: Fixture.at("2026-11-01 09:00", zone))
        let result = referring(Referral(name: "Hans Weber", phone: "+49 30 5550 1234"), known: [greta])
        #expect(result.newProspects.map(\.name) == ["Hans Weber"])
        #expect(result.referralFilings == [.added("new", name: "Hans Weber")])
    }
}
