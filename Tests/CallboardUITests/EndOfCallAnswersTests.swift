import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// What the end-of-call dialogs were told is kept: the draft follows the answers, and
/// backing out to the call loses nothing.
@Suite struct EndOfCallAnswersTests {
    typealias Flow = EndOfCallFlowTests

    // MARK: The thank-you draft follows the answers

    @Test func aNextStepChangedOnTheWayBackIsTheOneTheDraftStates() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("today 4pm", &state, at: 101)
        F.press([.enter], &state, at: 102)
        #expect(try #require(Flow.flow(state)?.answers.draft).body.contains("at 16:00"))
        F.press([.escape, .ctrl("u")], &state, at: 103)
        F.type("tomorrow 10:00", &state, at: 104)
        F.press([.enter], &state, at: 105)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .followUp)
        let body = try #require(flow.answers.draft).body
        #expect(body.contains("Tuesday 1 December at 10:00"))
        #expect(!body.contains("16:00"))
        expectShows(F.screen(state), "call you again on Tuesday 1 December at")
        let (call, _) = try #require(Flow.saved(F.press([.enter], &state, at: 106), &state))
        #expect(call.followUp?.body.contains("Tuesday 1 December at 10:00") == true)
    }

    @Test func aChangedOutcomeAndAnAddedReferralAreInTheDraft() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, carla@smit.example", &state, at: 101)
        F.press([.enter, .enter, .char("8"), .enter], &state, at: 102)
        #expect(try #require(Flow.flow(state)?.answers.draft).body.contains("Carla Smit"))
        // Back to the referrals (past the next step and the outcome): add one more, then
        // choose a booked meeting instead.
        F.press([.escape, .escape, .escape], &state, at: 103)
        #expect(Flow.flow(state)?.step == .referrals)
        F.type("Dirk Bos, dirk@bos.example", &state, at: 104)
        F.press([.enter, .enter, .char("7")], &state, at: 105)
        F.type("tomorrow 10:00", &state, at: 106)
        F.press([.enter], &state, at: 107)
        let body = try #require(Flow.flow(state)?.answers.draft).body
        #expect(body.contains("Carla Smit and Dirk Bos"))
        #expect(body.contains("I look forward to our meeting on Tuesday 1 December at 10:00"))
    }

    @Test func textEditedInTheEditorIsKeptAndTheDialogSaysTheAnswersChanged() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("today 4pm", &state, at: 101)
        F.press([.enter, .char("E")], &state, at: 102)
        _ = update(&state, .edited(.followUpDraft, text: "Subject: Our call\n\nHi Anna, talk at four!\n"))
        expectShows(F.screen(state), "Your edited text is kept.", "Hi Anna, talk at four!")
        F.press([.escape, .ctrl("u")], &state, at: 103)
        F.type("tomorrow 10:00", &state, at: 104)
        F.press([.enter], &state, at: 105)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .followUp)
        #expect(flow.answers.draft?.body == "Hi Anna, talk at four!\n")
        #expect(flow.editedDraftIsOutdated)
        expectShows(F.screen(state), "the answers changed since, so check it (E)", "Hi Anna, talk at four!")
    }

    @Test func anEditedDraftSurvivesAChangeOfOutcome() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter, .char("E")], &state, at: 100)
        _ = update(&state, .edited(.followUpDraft, text: "Subject: Next steps\n\nMy own words\n"))
        F.press([.escape, .escape, .char("4")], &state, at: 101)  // not interested after all
        let flow = try #require(Flow.flow(state))
        #expect(flow.answers.draft?.subject == "Next steps")
        #expect(flow.editedDraftIsOutdated)
    }

    // MARK: Backing out to the call loses nothing

    @Test func aReferralTypedBeforeEscBackToTheCallIsThereOnTheNextE() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Jan Jansen, Jansen BV, 020-5550114", &state, at: 101)
        F.press([.enter], &state, at: 102)
        F.type("Half typed", &state, at: 102)
        F.press([.escape, .escape], &state, at: 103)
        #expect(state.mode == .call)
        F.press([.char("e")], &state, at: 110)
        // The same first question as the first time, so `y` is an answer, not text.
        #expect(Flow.flow(state)?.step == .referralAsk)
        expectShows(F.screen(state), "Did you ask for referrals?", "Kept from before: I asked, 1 referral.")
        F.press([.char("y")], &state, at: 111)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .referrals)
        #expect(flow.answers.referrals == [Referral(name: "Jan Jansen", company: "Jansen BV", phone: "020-5550114")])
        #expect(flow.referralField.text == "Half typed")
        expectShows(F.screen(state), "✓ Jan Jansen — Jansen BV · 020-5550114", "› Half typed")
        F.press([.ctrl("u"), .enter, .char("8"), .enter], &state, at: 112)
        let (call, prospects) = try #require(Flow.saved(F.press([.char("x")], &state, at: 113), &state))
        #expect(call.referrals.map(\.name) == ["Jan Jansen"])
        #expect(call.referralAsk == .asked)
        #expect(prospects.map(\.name) == ["Anna de Vries", "Jan Jansen"])
    }

    @Test func theOutcomeAndNextStepTextComeBackAfterEscToTheCall() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("tomorrow 10:00", &state, at: 101)
        F.press([.escape, .escape, .escape], &state, at: 102)  // next step → outcome → ask → call
        #expect(state.mode == .call)
        F.press([.char("e")], &state, at: 120)
        var flow = try #require(Flow.flow(state))
        #expect(flow.step == .referralAsk)
        #expect(flow.referralAsk == .notAsked)
        expectShows(F.screen(state), "Kept from before: I did not ask, callback.")
        F.press([.char("n")], &state, at: 121)
        flow = try #require(Flow.flow(state))
        #expect(flow.step == .outcome)
        #expect(flow.answers.outcome == .callback)
        expectShows(F.screen(state), "6 callback ◀")
        F.press([.char("6")], &state, at: 122)
        #expect(Flow.flow(state)?.nextStepField.text == "tomorrow 10:00")
    }

    @Test func anAskAnsweredNoAfterReferralsWereTypedSavesNoReferrals() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Jan Jansen, 020-5550114", &state, at: 101)
        F.press([.enter, .escape, .char("n"), .char("8"), .enter], &state, at: 102)
        let (call, prospects) = try #require(Flow.saved(F.press([.char("x")], &state, at: 103), &state))
        #expect(call.referralAsk == .notAsked)
        #expect(call.referrals.isEmpty)
        #expect(prospects.map(\.name) == ["Anna de Vries"])
    }

    @Test func anAskMarkedWithAAfterBackingOutGoesStraightToTheKeptReferrals() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n")], &state, at: 100)
        F.press([.escape, .escape], &state, at: 101)
        F.press([.char("a")], &state, at: 110)
        F.press([.char("e")], &state, at: 120)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .referrals)
        #expect(flow.referralAsk == .asked)
    }
}
