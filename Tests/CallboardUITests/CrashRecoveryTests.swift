import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// A call a crash left live is offered at the next start: resume it or save it, and
/// nothing the seller presses throws it away unasked.
@Suite struct CrashRecoveryTests {
    /// Anna spoke for the first 40 s of a call that ran 45 s before the crash.
    static func checkpoint(prospect: ProspectID = "anna", name: String? = nil) -> LiveCallCheckpoint {
        var call = Call(id: "anna@1", prospectID: prospect, prospectName: name, startedAt: F.start)
        call.segments = [TalkSegment(speaker: .prospect, start: 0, end: 40)]
        return LiveCallCheckpoint(call: call, elapsed: 45.25, savedAt: F.start.addingTimeInterval(45))
    }

    /// The checkpoint the last effect writes, if it writes one.
    static func checkpoint(in effects: [Effect]) -> LiveCallCheckpoint? {
        if case .checkpoint(let checkpoint)? = effects.last { return checkpoint }
        return nil
    }

    static func offered(width: Int = 100) -> AppState {
        var state = F.state(width: width)
        _ = update(&state, .resumed(checkpoint(), prospect: nil, F.at(500)))
        return state
    }

    @Test func theCallIsOfferedWithWhoWhenAndHowLongNotResumed() {
        var state = F.state()
        #expect(update(&state, .resumed(Self.checkpoint(), prospect: nil, F.at(500))).isEmpty)
        #expect(state.live == nil)
        #expect(state.keyContext == .recovery)
        for width in [80, 100] {
            expectShows(F.screen(state, width: width, height: 24),
                "A call was still live", "The call with Anna de Vries (Acme BV) was live",
                "Started Mon 30 Nov 09:00 · 0:45 long", "r resume it, on hold", "s save it: end the call")
        }
    }

    @Test func rResumesItOnHoldWithItsSegments() throws {
        var state = Self.offered()
        F.press([.char("r")], &state, at: 500)
        let live = try #require(state.live)
        #expect(live.prospect.name == "Anna de Vries")
        #expect(state.mode == .call)
        let figures = live.figures(at: F.at(600).monotonic)
        #expect(figures.isOnHold)
        #expect(figures.prospect == 40)
        #expect(figures.elapsed == 145.25)
    }

    @Test func sEndsItAsItWasThroughTheEndOfCallDialogs() throws {
        var state = Self.offered()
        F.press([.char("s")], &state, at: 500)
        #expect(EndOfCallFlowTests.flow(state)?.step == .referralAsk, "Anna spoke, so the ask comes first")
        F.press([.char("n"), .char("4")], &state, at: 510)
        let (call, _) = try #require(EndOfCallFlowTests.saved(F.press([.char("x")], &state, at: 520), &state))
        #expect(call.id == "anna@1")
        #expect(call.duration == 45.25, "the time spent in the dialogs is not talk")
        #expect(call.segments == [TalkSegment(speaker: .prospect, start: 0, end: 40)])
        #expect(call.outcome == .notInterested)
        #expect(state.live == nil)
    }

    /// Every answer in the end-of-call dialogs is checkpointed at once, so a crash in the
    /// middle of them loses none: the next start brings the call back with them.
    @Test func answersGivenInTheDialogsAreCheckpointedAndComeBackAfterACrash() throws {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Jan Jansen, Jansen BV, 020-5550114", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let effects = F.type("Pie", &state, at: 103)
        let last = try #require(Self.checkpoint(in: effects), "typing a referral saved nothing")
        let answers = try #require(last.answers)
        #expect(answers.askAnswer == true)
        #expect(answers.referrals.map(\.name) == ["Jan Jansen"])
        #expect(answers.referralText == "Pie")

        // The process dies here; the next start offers the call and `s` ends it with them.
        var next = F.state()
        _ = update(&next, .resumed(last, prospect: nil, F.at(900)))
        F.press([.char("s")], &next, at: 900)
        expectShows(F.screen(next), "Kept from before: I asked, 1 referral.")
        F.press([.char("y")], &next, at: 901)
        let flow = try #require(EndOfCallFlowTests.flow(next))
        #expect(flow.answers.referrals.map(\.name) == ["Jan Jansen"])
        #expect(flow.referralField.text == "Pie")
    }

    @Test func aNoteBeingTypedIsCheckpointedAndWaitsInTheFieldAfterACrash() throws {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("n")], &state, at: 100)
        let effects = F.type("budget 50k", &state, at: 101)
        let last = try #require(Self.checkpoint(in: effects), "typing a note saved nothing")
        #expect(last.noteDraft == "budget 50k")
        var next = F.state()
        _ = update(&next, .resumed(last, prospect: nil, F.at(900)))
        F.press([.char("r"), .char("n")], &next, at: 900)
        guard case .note(let field) = next.mode else {
            Issue.record("n did not open the note field: \(next.mode)")
            return
        }
        #expect(field.text == "budget 50k")
        // Added, it leaves the checkpoint as a note of the call.
        let saved = F.press([.enter], &next, at: 901)
        let after = try #require(Self.checkpoint(in: saved), "adding the note saved nothing")
        #expect(after.noteDraft == nil)
        #expect(after.call.notes.map(\.text) == ["budget 50k"])
    }

    /// A crash at the first question, before any answer: the call comes back, and the
    /// dialog claims no answer the seller never gave.
    @Test func aQuestionLeftUnansweredIsNotReportedAsAnAnswer() throws {
        var state = EndOfCallFlowTests.conversation()
        let effects = F.press([.char("e")], &state, at: 100)
        let last = try #require(Self.checkpoint(in: effects), "e saved nothing")
        var next = F.state()
        _ = update(&next, .resumed(last, prospect: nil, F.at(900)))
        F.press([.char("s")], &next, at: 900)
        expectShows(F.screen(next), "Did you ask for referrals?")
        expectHides(F.screen(next), "Kept from before")
        // Answered, then lost to a crash: the answer is named.
        F.press([.char("n")], &next, at: 901)
        var again = F.state()
        _ = update(&again, .resumed(try #require(next.liveCheckpoint(at: F.at(902))), prospect: nil, F.at(903)))
        F.press([.char("s")], &again, at: 903)
        expectShows(F.screen(again), "Kept from before: I did not ask.")
    }

    @Test func aCheckpointBeforeTheDialogsCarriesNoAnswers() throws {
        var state = EndOfCallFlowTests.conversation()
        let effects = F.press([.char("m")], &state, at: 100)
        let checkpoint = try #require(Self.checkpoint(in: effects), "a talk key saved nothing")
        #expect(checkpoint.answers == nil)
    }

    @Test func escFromSavingLeadsBackToTheCallNotAway() {
        var state = Self.offered()
        F.press([.char("s"), .escape], &state, at: 500)
        #expect(state.mode == .call)
        #expect(state.live != nil)
    }

    @Test func qAsksFirstAndQuittingKeepsTheCheckpointForNextTime() {
        var state = Self.offered()
        #expect(F.press([.char("q")], &state, at: 501).isEmpty)
        #expect(state.confirmingQuit)
        expectShows(F.screen(state), "The call with Anna de Vries is not saved yet", "offered again next time")
        let effects = F.press([.char("y")], &state, at: 502)
        #expect(effects == [.quit(exitCode: 0)], "no clearCheckpoint: the call is offered again")
    }

    @Test func queueKeysAndEscLeaveTheOfferInPlace() {
        var state = Self.offered()
        for key: Key in [.enter, .escape, .char("a"), .char("j"), .char("e"), .char("m")] {
            #expect(F.press([key], &state, at: 501).isEmpty)
            #expect(state.live == nil)
            #expect(state.recoveredCall != nil, "\(key) dropped the offer")
        }
    }

    @Test func aProspectOutsideTheWorkingSetIsNamedFromTheCheckpoint() {
        var state = F.state()
        _ = update(&state, .resumed(Self.checkpoint(prospect: "eva", name: "Eva Claes"), prospect: nil, F.at(500)))
        expectShows(F.screen(state), "The call with Eva Claes was live")
        F.press([.char("r")], &state, at: 501)
        #expect(state.live?.prospect.name == "Eva Claes")
    }

    /// A long queue is held a window of rows at a time, a short one only those due: the
    /// prospect of a recovered call need not be among them. The store's copy comes with
    /// the offer, so the brief has their details and `S` has an address to send to.
    @Test func aProspectOutsideTheQueueRowsComesFromTheStoreAndTheEmailCanBeSent() throws {
        let eva = Prospect(
            id: "eva", name: "Eva Claes", company: "Claes Transport", title: "Fleet manager",
            email: "eva@claes.example", createdAt: F.start)
        var state = F.state()
        #expect(!state.prospects.contains { $0.id == "eva" })
        _ = update(&state, .resumed(Self.checkpoint(prospect: "eva", name: "Eva Claes"), prospect: eva, F.at(500)))
        expectShows(F.screen(state), "The call with Eva Claes (Claes Transport) was live")
        F.press([.char("r")], &state, at: 501)
        let live = try #require(state.live)
        #expect(live.prospect == eva)
        expectShows(F.screen(state), "Claes Transport")
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 510)
        let effects = F.press([.char("S")], &state, at: 511)
        guard case .fileCall(let call, let prospect, true)? = effects.first, effects.count == 1 else {
            Issue.record("expected the call filed with a send, got \(effects); status: \(String(describing: state.status))")
            return
        }
        #expect(call.id == "anna@1")
        #expect(prospect.email == "eva@claes.example")
        #expect(prospect.company == "Claes Transport")
    }

    /// A prospect that is not the checkpoint's is never taken for theirs.
    @Test func aStoredProspectWithAnotherIDIsNotTaken() {
        var state = F.state()
        let bob = Prospect(id: "bob", name: "Bob Stone", email: "bob@example.com", createdAt: F.start)
        _ = update(&state, .resumed(Self.checkpoint(prospect: "eva", name: "Eva Claes"), prospect: bob, F.at(500)))
        F.press([.char("r")], &state, at: 501)
        #expect(state.live?.prospect.name == "Eva Claes")
        #expect(state.live?.prospect.email == "")
    }
}
