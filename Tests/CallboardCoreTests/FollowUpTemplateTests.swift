import CallboardCore
import Foundation
import Testing

@Suite("Thank-you email draft")
struct FollowUpTemplateTests {
    let zone = Fixture.amsterdam

    func draft(_ outcome: Outcome, nextStep: Date? = nil, referrals: [String] = [],
               template: FollowUpTemplate = .standard, theirZone: String? = "Europe/Amsterdam") -> FollowUp {
        let prospect = Fixture.prospect("p1", "Anna de Vries", zone: theirZone)
        let call = Call(id: "c1", prospectID: "p1", startedAt: Fixture.at("2026-12-02 10:00", zone),
                        duration: 200, outcome: outcome, referrals: referrals.map { Referral(name: $0) },
                        nextStepAt: nextStep)
        return template.draft(call: call, prospect: prospect, sellerName: "Sam Seller", zone: zone)
    }

    @Test("thanks for the time, states the outcome and the next step, signed by the seller")
    func callbackDraft() {
        let d = draft(.callback, nextStep: Fixture.at("2026-12-03 10:00", zone))
        #expect(d.subject == "Thank you for your time, Anna")
        #expect(d.body.hasPrefix("Hello Anna,"))
        #expect(d.body.contains("Thank you for taking my call"))
        #expect(d.body.contains("I will call you again on Thursday 3 December at 10:00."))
        #expect(d.body.hasSuffix("Sam Seller"))
        #expect(d.status == .pending)
        #expect(!d.body.contains("{{"))
    }

    @Test("with their zone unknown, a time in the email says which zone it is in")
    func unknownZoneIsNamed() {
        let d = draft(.callback, nextStep: Fixture.at("2026-12-03 10:00", zone), theirZone: nil)
        #expect(d.body.contains("I will call you again on Thursday 3 December at 10:00 (Europe/Amsterdam time)."))
        let known = draft(.callback, nextStep: Fixture.at("2026-12-03 10:00", zone))
        #expect(!known.body.contains("Europe/Amsterdam"))
    }

    @Test("an opportunity's agreed follow-up time is in the email")
    func opportunityWithATime() {
        let d = draft(.opportunity, nextStep: Fixture.at("2026-12-04 11:00", zone))
        #expect(d.body.contains("I will call you on Friday 4 December at 11:00 to take it further."))
        #expect(!draft(.opportunity).body.contains("I will call you on"))
    }

    @Test("the greeting: \"Last, First\", a quoted nickname, titles and suffixes, or the name the seller set")
    func greetingNames() {
        let cases: [(String, String)] = [
            ("Anna de Vries", "Anna"), ("Doe, Jane", "Jane"), ("Doe, Jane \"JD\"", "JD"), ("Jane \"JD\" Doe", "JD"),
            ("Jane “JD” Doe", "JD"), ("Dr. Anna Berg", "Anna"), ("Jane Doe, PhD", "Jane"), ("Smith, Dr. John", "John"),
            ("O'Neill, Sam", "Sam"), ("Seán O'Brien", "Seán"), ("Madonna", "Madonna"), ("陈伟", "陈伟"),
        ]
        for (name, greeting) in cases { #expect(Prospect.greeting(from: name) == greeting, "\(name)") }
        var prospect = Fixture.prospect("p1", "Doe, Jane \"JD\"")
        let call = Call(id: "c1", prospectID: "p1", startedAt: Fixture.at("2026-12-02 10:00", zone), outcome: .noFit)
        var d = FollowUpTemplate.standard.draft(call: call, prospect: prospect, sellerName: "Sam", zone: zone)
        #expect(d.subject == "Thank you for your time, JD")
        #expect(d.body.hasPrefix("Hello JD,\n"))
        prospect.greetingName = "Janie"
        d = FollowUpTemplate.standard.draft(call: call, prospect: prospect, sellerName: "Sam", zone: zone)
        #expect(d.body.hasPrefix("Hello Janie,\n"))
    }

    @Test("every conversation outcome gets its own sentence, even the ones that led nowhere")
    func everyOutcome() {
        let sentences = [Outcome.notInterested, .noFit, .callback, .meetingBooked, .opportunity]
            .map { FollowUpTemplate.outcomeSentence(call: Call(id: "c", prospectID: "p", startedAt: .now, outcome: $0), zone: zone) }
        #expect(Set(sentences).count == 5)
        #expect(draft(.notInterested).body.contains("not a priority"))
    }

    func call(_ outcome: Outcome, seconds: Double, theirs: Double? = nil) -> Call {
        var call = Call(id: "c", prospectID: "p1", startedAt: Fixture.at("2026-12-02 10:00", zone),
                        duration: seconds, outcome: outcome)
        if let theirs {
            call.segments = [TalkSegment(speaker: .me, start: 0, end: seconds - theirs),
                             TalkSegment(speaker: .prospect, start: seconds - theirs, end: seconds)]
        }
        return call
    }

    func body(_ call: Call) -> String {
        FollowUpTemplate.standard.draft(call: call, prospect: Fixture.prospect("p1", "Anna de Vries"),
                                        sellerName: "Sam", zone: zone).body
    }

    @Test("a 13-second \"not interested\" is thanked for the moment, not for telling about their work")
    func briefCallIsThankedBriefly() {
        let text = body(call(.notInterested, seconds: 13, theirs: 4))
        #expect(text.contains("Thank you for the moment you gave me on the phone today."))
        #expect(!text.contains("your work"))
        #expect(text.contains("not a priority"))
    }

    @Test("the thanks follows how long they spoke: their work only when they told of it")
    func thanksFollowsTheConversation() {
        #expect(body(call(.callback, seconds: 300, theirs: 20)).contains("Thank you for taking my call today. As we agreed"))
        #expect(body(call(.callback, seconds: 300, theirs: 150))
            .contains("Thank you for taking my call today and for telling me about your work at Anna de Vries Ltd. As we agreed"))
        // Nobody marked who talked: a long call counts as one where they told of their work.
        #expect(body(call(.opportunity, seconds: 400)).contains("telling me about your work"))
        #expect(!body(call(.opportunity, seconds: 90)).contains("telling me about your work"))
    }

    @Test("every outcome's email thanks once in its body, and states the outcome")
    func thanksOnce() {
        for outcome in Outcome.builtIns where Outcomes.standard.rule(for: outcome).isConversation {
            for seconds: Double in [13, 120, 600] {
                let text = body(call(outcome, seconds: seconds, theirs: seconds / 2)).lowercased()
                #expect(text.components(separatedBy: "thank").count - 1 == 1, "\(outcome) \(seconds) s: \(text)")
            }
        }
        let noFit = body(call(.noFit, seconds: 120))
        #expect(noFit.contains("does not match what you need right now"))
    }

    @Test("without a company the thanks is for their work, not for \"your company\"")
    func noCompany() {
        let prospect = Prospect(id: "p2", name: "Sam Solo", createdAt: Fixture.at("2026-12-01 09:00", zone))
        let call = Call(id: "c2", prospectID: "p2", startedAt: Fixture.at("2026-12-02 10:00", zone), duration: 240,
                        outcome: .notInterested)
        let d = FollowUpTemplate.standard.draft(call: call, prospect: prospect, sellerName: "Sam Seller", zone: zone)
        #expect(d.body.contains("for telling me about your work. I understand"))
        #expect(!d.body.contains("your company"))
    }

    @Test("a company name ending in a full stop does not double it")
    func companyWithFullStop() {
        let prospect = Prospect(id: "p2", name: "Ana Lima", company: "Atlas Engineering S.A.", createdAt: .distantPast)
        let call = Call(id: "c2", prospectID: "p2", startedAt: .distantPast, duration: 200, outcome: .noFit)
        let d = FollowUpTemplate.standard.draft(call: call, prospect: prospect, sellerName: "Sam", zone: zone)
        #expect(d.body.contains("your work at Atlas Engineering S.A. As we found"))
        #expect(!d.body.contains(".."))
    }

    @Test("referrals are thanked by name")
    func referralThanks() {
        #expect(draft(.noFit, referrals: ["Jan Jansen"]).body.contains("suggesting I speak with Jan Jansen;"))
        #expect(draft(.noFit, referrals: ["A", "B", "C"]).body.contains("speak with A, B and C;"))
        #expect(!draft(.noFit).body.contains("suggesting"))
    }

    @Test("a seller's own template replaces ours; a broken one is refused with the reason")
    func customTemplate() throws {
        let custom = try FollowUpTemplate.parse("Subject: Re: our call\n\nHi {{first_name}} at {{company}}. {{outcome}}").get()
        let d = draft(.meetingBooked, nextStep: Fixture.at("2026-12-09 15:00", zone), template: custom)
        #expect(d.subject == "Re: our call")
        #expect(d.body == "Hi Anna at Anna de Vries Ltd. I look forward to our meeting on Wednesday 9 December at 15:00. If the time stops suiting you, a reply to this email is enough to move it.")

        guard case .failure(let noSubject) = FollowUpTemplate.parse("Hello {{first_name}}") else {
            Issue.record("a template without a subject must be refused"); return
        }
        #expect(noSubject.description.contains("Subject:"))
        guard case .failure(let unknown) = FollowUpTemplate.parse("Subject: x\n\n{{fist_name}}") else {
            Issue.record("an unknown placeholder must be refused"); return
        }
        #expect(unknown.description.contains("{{fist_name}}"))
    }
}
