import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct NoteTests {
    @Test func nOpensTheNoteFieldAndEnterSavesATaggedNote() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 30)
        #expect(state.keyContext == .note)
        F.type("o: 3 warehouses, 40 drivers", &state, at: 31)
        F.press([.enter], &state, at: 35)
        #expect(state.mode == .call)
        let note = try #require(state.live?.call.notes.first)
        #expect(note == CallNote(text: "3 warehouses, 40 drivers", tag: .organization, at: 35))
        #expect(state.status?.text == "Noted (organization)")
    }

    @Test func eachPrefixTagsItsPartOfTheWorld() {
        #expect(AppState.tagged("c: late deliveries") == (.challenge, "late deliveries"))
        #expect(AppState.tagged("R:needs SSO") == (.requirement, "needs SSO"))
        #expect(AppState.tagged("call back after lunch") == (nil, "call back after lunch"))
    }

    @Test func talkLettersTypedInANoteAreText() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        F.type("meps q", &state, at: 2)
        #expect(state.mode == .note(TextField("meps q")))
        #expect(state.live?.figures(at: F.at(3).monotonic).speaker == nil)
    }

    @Test func escPutsTheNoteAsideAndNBringsItBack() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        F.type("budget in Q2", &state, at: 2)
        F.press([.escape], &state, at: 3)
        #expect(state.mode == .call)
        #expect(state.live?.call.notes.isEmpty == true)
        F.press([.char("n")], &state, at: 4)
        #expect(state.mode == .note(TextField("budget in Q2")))
    }

    @Test func anEmptyNoteIsNotSaved() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n"), .char(" "), .enter], &state, at: 1)
        #expect(state.live?.call.notes.isEmpty == true)
    }

    @Test func ctrlOEditsTheNoteInTheEditor() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        F.type("c: churn", &state, at: 2)
        #expect(F.press([.ctrl("o")], &state, at: 3) == [.openEditor(text: "c: churn", purpose: .note)])
        _ = update(&state, .edited(.note, text: "c: churn\nin the north region\n"))
        F.press([.enter], &state, at: 4)
        #expect(state.live?.call.notes.first?.text == "churn\nin the north region")
    }

    @Test func taggedNotesReachTheProspectsWorldWhenTheCallIsSaved() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 1)
        F.press([.char("n")], &state, at: 5)
        F.type("r: must work offline", &state, at: 6)
        F.press([.enter], &state, at: 7)
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 60)
        let (_, prospects) = try #require(EndOfCallFlowTests.saved(F.press([.char("x")], &state, at: 61), &state))
        #expect(prospects.first?.world.requirements == "must work offline")
        #expect(state.prospects.first { $0.id == "anna" }?.world.requirements == "must work offline")
    }
}

@Suite struct FollowUpsPendingTests {
    static func pending(_ id: CallID, _ prospect: Prospect, hoursAgo: Double) -> PendingFollowUp {
        PendingFollowUp(
            call: Call(id: id, prospectID: prospect.id, startedAt: F.start.addingTimeInterval(-hoursAgo * 3600),
                       outcome: .callback, followUp: FollowUp(subject: "Thanks", body: "Hello")),
            prospect: prospect)
    }

    static func state() -> AppState {
        var state = F.state()
        let list = [pending("new", F.bram, hoursAgo: 1), pending("old", F.anna, hoursAgo: 30)]
        _ = update(&state, .followUpsLoaded(calls: list.map(\.call), prospects: []))
        return state
    }

    @Test func openingAsksForFollowUpsWithTheProspectsAlreadyHeld() {
        var state = F.state()
        let effects = update(&state, .loaded(StoreSnapshot(prospects: F.prospects), F.at(1)))
        #expect(effects == [.loadFollowUps(known: Set(F.prospects.map(\.id)))])
    }

    @Test func followUpsPairWithHeldProspectsOrThoseSentAlongAndAReloadReplacesThem() {
        var state = Self.state()
        let outsider = Prospect(id: "zoe", name: "Zoe Outside", status: .lost, createdAt: F.start)
        let calls = [
            Self.pending("z", outsider, hoursAgo: 50).call,
            Self.pending("new", F.bram, hoursAgo: 1).call,
            Call(id: "ghost", prospectID: "gone", startedAt: F.start, followUp: FollowUp(subject: "s", body: "b")),
        ]
        F.press([.char("f"), .char("j")], &state, at: 1)
        _ = update(&state, .followUpsLoaded(calls: calls, prospects: [outsider]))
        #expect(state.pendingFollowUps.map(\.prospect.name) == ["Zoe Outside", F.bram.name])
        #expect(state.selectedFollowUp?.call.id == "new")
        _ = update(&state, .followUpsLoaded(calls: [], prospects: []))
        #expect(state.pendingFollowUps.isEmpty)
        #expect(state.selectedFollowUp == nil)
    }

    @Test func theListIsOldestFirstAndFOpensIt() {
        var state = Self.state()
        #expect(state.pendingFollowUps.map(\.call.id) == ["old", "new"])
        F.press([.char("f")], &state, at: 1)
        #expect(state.mode == .followUps(FollowUpsBrowser()))
        F.press([.char("j"), .char("j")], &state, at: 1)
        #expect(state.selectedFollowUp?.call.id == "new")
        F.press([.escape], &state, at: 1)
        #expect(state.mode == .queue)
    }

    @Test func dMarksAFollowUpSentFromTheSellersOwnMailAndItLeavesTheList() throws {
        var state = Self.state()
        F.press([.char("f")], &state, at: 1)
        let effects = F.press([.char("d")], &state, at: 2)
        guard case .updateCall(let call)? = effects.first else {
            Issue.record("d saved nothing: \(effects)")
            return
        }
        #expect(call.id == "old")
        #expect(call.followUp?.status == .sent)
        #expect(call.followUp?.sentAt == F.at(2).wall)
        #expect(state.pendingFollowUps.map(\.call.id) == ["new"])
        expectShows(F.screen(state), "Marked the follow-up to Anna de Vries as sent")
    }

    @Test func enterOpensTheDraftAndEnterAgainWritesIt() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        #expect(state.keyContext == .followUpDraft)
        let effects = F.press([.enter], &state, at: 2)
        #expect(effects == [.writeFollowUp(call: state.pendingFollowUps[0].call, prospect: F.anna)])
        // Back to the list at once, where the line will say what became of it.
        #expect(state.mode == .followUps(FollowUpsBrowser()))
        state.outboxFolder = "/home/me/.local/share/callboard/outbox"
        let saved = update(&state, .followUpWritten("old", file: "old.eml"))
        #expect(state.pendingFollowUps[0].call.followUp?.messageFile == "old.eml")
        #expect(state.pendingFollowUps[0].call.followUp?.stage == .ready)
        // Saved so, so it is still ready after a restart.
        #expect(saved == [.updateCall(state.pendingFollowUps[0].call)])
        #expect(state.status?.text
            == "Follow-up to Anna de Vries ready to send: /home/me/.local/share/callboard/outbox/old.eml")
        expectShows(F.screen(state), "callback · ready to send")
        #expect(StatusLineView.right(state).contains("2 follow-ups: 1 drafted, 1 ready to send"))
        // Opened again, the draft says where it was written, in full.
        F.press([.enter], &state, at: 3)
        expectShows(F.screen(state), "Written to /home/me/.local/share/callboard/outbox/old.eml")
    }

    @Test func aSentFollowUpLeavesTheListAndIsSavedAsSent() throws {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        let effects = F.press([.char("S")], &state, at: 2)
        guard case .sendFollowUp(let call, _)? = effects.first else {
            Issue.record("expected a send, got \(effects)")
            return
        }
        #expect(state.pendingFollowUps.count == 2, "still pending until the command succeeds")
        let saved = update(&state, .followUpSent(call.id, at: F.at(3).wall))
        guard case .updateCall(let savedCall)? = saved.first else {
            Issue.record("expected a save, got \(saved)")
            return
        }
        #expect(savedCall.followUp?.status == .sent)
        #expect(savedCall.followUp?.sentAt == F.at(3).wall)
        #expect(state.pendingFollowUps.map(\.call.id) == ["new"])
    }

    @Test func aKeyRightAfterADraftOpensNeverSendsOrSkipsIt() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        // A double Enter, then S and x typed too fast to have read anything.
        for key in [Key.enter, .char("S"), .char("x"), .char("E")] {
            #expect(F.press([key], &state, at: 1.2) == [], "\(key)")
        }
        #expect(state.keyContext == .followUpDraft)
        #expect(state.pendingFollowUps.count == 2)
        // After a moment on screen the keys act.
        #expect(!F.press([.char("S")], &state, at: 1.4).isEmpty)
    }

    @Test func aDoubleSSendsOneEmailAndComesBackToTheList() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        let first = F.press([.char("S")], &state, at: 2)
        #expect(first.count == 1)
        #expect(state.keyContext == .followUps)
        #expect(state.status?.text == "Sending the follow-up to Anna de Vries…")
        // The second S finds the list, not the next draft: nothing is sent.
        #expect(F.press([.char("S")], &state, at: 2.1) == [])
        _ = update(&state, .followUpSent("old", at: F.at(3).wall))
        #expect(state.keyContext == .followUps)
        #expect(state.status?.text == "Follow-up sent to Anna de Vries")
    }

    @Test func aFailedSendKeepsTheFollowUpPending() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        F.press([.char("S")], &state, at: 2)
        _ = update(&state, .failed("The send command exited with status 1"))
        #expect(state.pendingFollowUps.count == 2)
        #expect(state.status?.isError == true)
    }

    @Test func xSkipsTheSelectedFollowUp() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        let effects = F.press([.char("x")], &state, at: 2)
        guard case .updateCall(let call)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(call.id == "old")
        #expect(call.followUp?.status == .skipped)
        #expect(state.pendingFollowUps.map(\.call.id) == ["new"])
        #expect(state.mode == .followUps(FollowUpsBrowser(selection: 0, isOpen: false)))
    }

    @Test func anEditedPendingFollowUpIsSaved() {
        var state = Self.state()
        F.press([.char("f"), .enter], &state, at: 1)
        let effects = F.press([.char("E")], &state, at: 2)
        #expect(effects == [.openEditor(text: "Subject: Thanks\n\nHello", purpose: .pendingFollowUp("old"))])
        let saved = update(&state, .edited(.pendingFollowUp("old"), text: "Subject: Thanks again\n\nHello Anna"))
        #expect(state.pendingFollowUps[0].call.followUp?.body == "Hello Anna")
        #expect(saved.count == 1)
    }

    @Test func onlyTodaysPendingFollowUpsAreCountedAtQuit() {
        let state = Self.state()
        #expect(state.pendingFollowUps.count == 2)
        #expect(state.pendingFollowUpsToday == 1)
    }
}

@Suite struct FollowUpWithoutAnAddressTests {
    /// An email written for a prospect with no usable address cannot be sent: it is never
    /// counted as ready, in the list, the status line or the quit question.
    @Test func aWrittenEmailWithoutAnAddressIsNotReadyToSend() throws {
        var noEmail = F.anna
        noEmail.email = ""
        var state = EndOfCallFlowTests.conversation(prospects: [noEmail])
        F.press([.char("e"), .char("n"), .char("4")], &state, at: 100)
        _ = EndOfCallFlowTests.saved(F.press([.enter], &state, at: 101), &state)
        let pending = try #require(state.pendingFollowUps.first)
        #expect(pending.call.followUp?.stage == .ready, "written to the outbox")
        #expect(pending.stage == .noRecipient)
        #expect(state.followUpCounts().ready == 0)
        #expect(AppState.followUpPhrase(state.followUpCounts()) == "1 follow-up without an address")
        F.press([.char("f")], &state, at: 102)
        expectShows(F.screen(state), "without an address")
        expectHides(F.screen(state), "ready to send")
    }
}
