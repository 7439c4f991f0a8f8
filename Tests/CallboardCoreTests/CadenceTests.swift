import CallboardCore
import Foundation
import Testing

/// Stay-in-touch rules and configured outcomes: what a call that reached someone not
/// ready does to them, and how the queue says why they are back.
@Suite("Cadences and configured outcomes")
struct CadenceTests {
    let zone = Fixture.amsterdam
    let today = Fixture.day("2026-09-03")  // a Thursday

    static let notNow = OutcomeRule(Outcome("not now"), isConversation: true, next: .stayInTouch(days: 90), crmLabel: "Nurture")

    /// The built-ins with "not interested" on a 90-day cadence, and a seller's own "not now".
    static let configured: Outcomes = {
        var rules = Outcomes.standard.list.map { rule -> OutcomeRule in
            var rule = rule
            rule.key = nil
            if rule.outcome == .notInterested { rule.next = .stayInTouch(days: 90) }
            return rule
        }
        rules.append(notNow)
        return Outcomes(rules)
    }()

    func file(_ outcome: Outcome, outcomes: Outcomes, on day: CalendarDay? = nil) -> AfterCall {
        let day = day ?? today
        let start = day.at(hour: 10, minute: 0, in: zone) ?? Date()
        let call = Call(
            id: Call.makeID(prospect: "p1", startedAt: start), prospectID: "p1", startedAt: start,
            duration: 200, outcome: outcome)
        return AfterCall(
            call: call, prospect: Fixture.prospect("p1", "Anna de Vries"), today: day, zone: zone,
            retry: RetryRule(), outcomes: outcomes, newID: { ProspectID("x") })
    }

    @Test("not interested on a cadence comes back after 90 days, saying when you last spoke")
    func notInterestedComesBack() throws {
        let after = file(.notInterested, outcomes: Self.configured)
        #expect(after.prospect.status == .active)
        // 3 Sep + 90 days is Wednesday 2 December.
        #expect(after.prospect.nextCallDay == Fixture.day("2026-12-02"))
        let early = CallQueue.entries(
            prospects: [after.prospect], today: Fixture.day("2026-12-01"),
            now: Fixture.at("2026-12-01 10:00", zone), zone: zone, outcomes: Self.configured)
        #expect(early.isEmpty)
        let due = CallQueue.entries(
            prospects: [after.prospect], today: Fixture.day("2026-12-02"),
            now: Fixture.at("2026-12-02 10:00", zone), zone: zone, outcomes: Self.configured)
        let entry = try #require(due.first)
        #expect(entry.reason.name == "stay_in_touch")
        #expect(entry.purpose(sellerZone: zone) == "stay in touch, last spoke 3 Sep")
    }

    @Test("by default not interested and no fit close the prospect, as before")
    func defaultsStay() {
        #expect(file(.notInterested, outcomes: .standard).prospect.status == .lost)
        #expect(file(.noFit, outcomes: Self.configured).prospect.status == .lost)
        #expect(file(.noFit, outcomes: Self.configured).prospect.nextCallDay == nil)
    }

    @Test("a stay-in-touch day on a weekend moves to the Monday")
    func weekendMovesOn() {
        let rule = OutcomeRule(Outcome("later"), isConversation: true, next: .stayInTouch(days: 2))
        // Thursday + 2 = Saturday → Monday.
        #expect(rule.stayInTouchDay(after: today) == Fixture.day("2026-09-07"))
        #expect(rule.stayInTouchDay(after: Fixture.day("2026-09-01")) == Fixture.day("2026-09-03"))
        #expect(OutcomeRule.builtIn(.noFit)?.stayInTouchDay(after: today) == nil)
    }

    @Test("a configured outcome files by its rule and is named in the seller's words")
    func customOutcome() {
        let after = file(Outcome("not now"), outcomes: Self.configured)
        #expect(after.prospect.status == .active)
        #expect(after.prospect.nextCallDay == Fixture.day("2026-12-02"))
        #expect(after.prospect.lastOutcome?.label == "not now")
        #expect(Self.configured.rule(for: Outcome("not now")).crmLabel == "Nurture")
    }

    @Test("a stay-in-touch across the change to winter time still lands on the right day")
    func acrossDST() throws {
        // Called 20 Oct in New York; 30 days later is after both the EU and US clock changes.
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let day = Fixture.day("2026-10-20")
        let start = try #require(day.at(hour: 16, minute: 30, in: newYork))
        let call = Call(id: "c", prospectID: "p1", startedAt: start, duration: 60, outcome: Outcome("not now"))
        let after = AfterCall(
            call: call, prospect: Fixture.prospect("p1", "Anna"), today: day, zone: newYork, retry: RetryRule(),
            outcomes: Outcomes([OutcomeRule(Outcome("not now"), isConversation: true, next: .stayInTouch(days: 30))]),
            newID: { "x" })
        #expect(after.prospect.nextCallDay == Fixture.day("2026-11-19"))
        let queue = CallQueue.entries(
            prospects: [after.prospect], today: Fixture.day("2026-11-19"),
            now: try #require(Fixture.day("2026-11-19").at(hour: 9, minute: 0, in: newYork)), zone: newYork,
            outcomes: Outcomes([OutcomeRule(Outcome("not now"), isConversation: true, next: .stayInTouch(days: 30))]))
        #expect(queue.first?.purpose(sellerZone: newYork) == "stay in touch, last spoke 20 Oct")
    }

    @Test("ten outcomes get the digits 1 to 9 and 0, an eleventh a letter, and a key of their own wins")
    func keys() {
        var rules = Outcomes.standard.list.map { rule -> OutcomeRule in
            var rule = rule
            rule.key = nil
            return rule
        }
        rules.append(OutcomeRule(Outcome("not now"), isConversation: true, next: .stayInTouch(days: 90)))
        rules.append(OutcomeRule(Outcome("wrong number"), isConversation: false, next: .never))
        let ten = Outcomes(rules)
        #expect(ten.list.compactMap(\.key) == Array("1234567890"))
        #expect(ten.outcome(forKey: "0") == Outcome("wrong number"))
        rules.append(OutcomeRule(Outcome("sent info"), isConversation: true, next: .followUp))
        #expect(Outcomes(rules).list.last?.key == "a")
        rules[0].key = "n"
        let own = Outcomes(rules)
        #expect(own.outcome(forKey: "n") == .noAnswer)
        #expect(own.outcome(forKey: "1") == .voicemail)
        #expect(Outcomes.problem(in: rules) == nil)
    }

    @Test("a list with a clash says which outcomes clash")
    func problems() {
        let a = OutcomeRule(Outcome("a"), isConversation: true, next: .never, key: "x")
        let b = OutcomeRule(Outcome("b"), isConversation: true, next: .never, key: "x")
        #expect(Outcomes.problem(in: [a, b])?.contains("\"x\" is given to both \"a\" and \"b\"") == true)
        #expect(Outcomes.problem(in: [a, a])?.contains("\"a\" appears twice") == true)
        #expect(Outcomes.problem(in: [OutcomeRule(Outcome("c"), isConversation: true, next: .never, key: "q")]) != nil)
        #expect(Outcomes.problem(in: [OutcomeRule(Outcome("d"), isConversation: true, next: .stayInTouch(days: 0))]) != nil)
        #expect(Outcomes.problem(in: []) != nil)
    }

    @Test("the built-ins keep their meaning and their stored names")
    func builtIns() throws {
        let s = Outcomes.standard
        #expect(s.outcomes.map(\.rawValue) == [
            "noAnswer", "voicemail", "gatekeeper", "notInterested", "noFit", "callback", "meetingBooked", "opportunity",
        ])
        #expect(s.list.filter(\.isConversation).map(\.outcome) == [.notInterested, .noFit, .callback, .meetingBooked, .opportunity])
        #expect(s.list.filter(\.isRetry).map(\.outcome) == [.noAnswer, .voicemail, .gatekeeper])
        #expect(s.list.filter(\.needsAppointment).map(\.outcome) == [.callback, .meetingBooked])
        #expect(s.list.filter(\.asksTime).map(\.outcome) == [.callback, .meetingBooked, .opportunity])
        #expect(s.list.filter { !$0.continues }.map(\.outcome) == [.notInterested, .noFit])
        #expect(Outcome.meetingBooked.reportName == "meeting_booked")
        let json = try JSONEncoder().encode([Outcome.meetingBooked, Outcome("not now")])
        #expect(String(decoding: json, as: UTF8.self) == "[\"meetingBooked\",\"not now\"]")
    }

    @Test("a call saved before outcomes were configurable is a conversation by its built-in meaning")
    func olderCalls() throws {
        let old = #"{"id": "c", "prospectID": "p", "startedAt": "2026-09-03T08:00:00Z", "outcome": "voicemail"}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let call = try decoder.decode(Call.self, from: Data(old.utf8))
        #expect(call.conversation == nil)
        #expect(call.reachedProspect == false)
        var custom = call
        custom.outcome = Outcome("not now")
        custom.conversation = false
        #expect(custom.reachedProspect == false)
        #expect(CallSummary(call: custom).isConversation == false)
    }

    @Test("an outcome no longer configured leaves its prospect plainly due")
    func unknownOutcome() {
        var p = Fixture.prospect("p1", "Anna")
        p.attempts = 1
        p.lastOutcome = Outcome("retired outcome")
        let queue = CallQueue.entries(prospects: [p], today: today, now: Fixture.at("2026-09-03 10:00", zone), zone: zone)
        #expect(queue.first?.reason == .due)
    }
}
