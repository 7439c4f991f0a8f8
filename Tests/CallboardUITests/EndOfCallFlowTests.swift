import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Each step of the end-of-call flow, driven by keys as the seller presses them.
@Suite struct EndOfCallFlowTests {
    /// A call with Anna where she spoke from 10 s to 70 s and I from 70 s to 100 s.
    static func conversation(canSend: Bool = true, prospects: [Prospect] = F.prospects) -> AppState {
        var state = F.state(prospects: prospects, canSend: canSend)
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 10)
        F.press([.char("m")], &state, at: 70)
        return state
    }

    static func flow(_ state: AppState) -> EndOfCallFlow? {
        if case .endOfCall(let flow) = state.mode { return flow }
        return nil
    }

    /// The call sent to the store to be filed, as a stand-in for the store files it (the
    /// core's after-call rules over the prospects the dashboard holds; the desk's own tests
    /// cover the whole store), with the store's answer fed back into `state`. Returns the
    /// filed call and the prospects saved with it.
    @discardableResult
    static func saved(_ effects: [Effect], _ state: inout AppState) -> (Call, [Prospect])? {
        guard let filed = filed(effects, state) else { return nil }
        _ = update(&state, .callFiled(filed, send: false))
        return (filed.call, filed.prospects)
    }

    static func filed(_ effects: [Effect], _ state: AppState) -> FiledCall? {
        for case .fileCall(let call, let prospect, _) in effects {
            var made = 0
            let after = AfterCall(
                call: call, prospect: prospect, today: CalendarDay(containing: call.startedAt, in: state.zone),
                zone: state.zone, retry: state.settings.retry, outcomes: state.settings.outcomes, known: state.prospects,
                newID: {
                    made += 1
                    return ProspectID("\(call.id)/r\(made)")
                })
            return FiledCall(
                call: after.call, prospect: after.prospect, prospects: after.changedProspects,
                referralFilings: after.referralFilings,
                followUpFile: after.call.followUp?.status == .pending ? "\(call.id).eml" : nil)
        }
        return nil
    }

    @Test func eAsksAboutReferralsAndPutsTheMeterOnHold() throws {
        var state = Self.conversation()
        let effects = F.press([.char("e")], &state, at: 100)
        let flow = try #require(Self.flow(state))
        #expect(flow.step == .referralAsk)
        #expect(state.keyContext == .referralAsk)
        #expect(state.live?.figures(at: F.at(200).monotonic).isOnHold == true)
        #expect(effects.count == 1)
    }

    @Test func escOnTheFirstQuestionReturnsToTheCallWithTheFloorHandedBack() throws {
        var state = Self.conversation()
        F.press([.char("e")], &state, at: 100)
        F.press([.escape], &state, at: 110)
        #expect(state.mode == .call)
        let figures = try #require(state.live?.figures(at: F.at(120).monotonic))
        #expect(figures.speaker == .me)
        // The 10 s in the dialog count for nobody.
        #expect(figures.me == 40)
    }

    @Test func yLeadsToReferralEntryAndEachLineBecomesAReferral() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        #expect(Self.flow(state)?.step == .referrals)
        F.type("Carla Smit, Smit BV, carla@smit.example", &state, at: 101)
        F.press([.enter], &state, at: 102)
        F.type("Dirk Bos, +31 6 1234 5678", &state, at: 103)
        F.press([.enter], &state, at: 104)
        let flow = try #require(Self.flow(state))
        #expect(flow.step == .referrals)
        #expect(flow.answers.referrals == [
            Referral(name: "Carla Smit", company: "Smit BV", email: "carla@smit.example"),
            Referral(name: "Dirk Bos", phone: "+31 6 1234 5678"),
        ])
        #expect(flow.referralField.text.isEmpty)
        F.press([.enter], &state, at: 105)
        #expect(Self.flow(state)?.step == .outcome)
    }

    @Test func anEmailWithoutTheSellersNameOrAddressSaysHowToSetThem() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("4")], &state, at: 100)
        expectHides(F.screen(state), "Unsigned", "No sender address")
        state.settings.sellerName = ""
        expectShows(F.screen(state), "Unsigned: set sellerName in the configuration (callboard config).")
        state.settings.sellerEmail = ""
        expectShows(F.screen(state), "Unsigned: set sellerName and sellerEmail in the configuration")
    }

    @Test func manyReferralsScrollAndNeverCoverTheField() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        let names = ["Ann", "Ben", "Cas", "Dee", "Eli", "Fay", "Gus", "Hal"].map { "\($0) Example, Co, \($0.lowercased())@example.com" }
        for name in names + ["Maximilian von und zu Hohenzollern-Sigmaringen, Internationale Speditionsgesellschaft mbH & Co. KG Süd, max@example.de"] {
            F.type(name, &state, at: 101)
            F.press([.enter], &state, at: 102)
        }
        F.type("Zed", &state, at: 103)
        let screen = F.screen(state)
        let field = try #require(screen.row(containing: "› Zed"))
        let newest = try #require(screen.row(containing: "✓ Maximilian"))
        #expect(newest < field, "the newest referral shows above the field")
        expectShows(screen, "more above")
        #expect(Self.flow(state)?.answers.referrals.count == 9)
    }

    @Test func lettersTypedInAFieldAreTextNotKeys() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        let effects = F.type("q?e", &state, at: 101)
        // Only the live call's checkpoint, with the text typed so far: no quit, no help.
        #expect(effects.allSatisfy { if case .checkpoint = $0 { true } else { false } })
        #expect(state.showingHelp == false && state.confirmingQuit == false)
        #expect(Self.flow(state)?.referralField.text == "q?e")
        F.press([.backspace], &state, at: 101)
        #expect(Self.flow(state)?.referralField.text == "q?")
    }

    @Test func escGoesBackOneStepAndKeepsWhatWasTyped() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, carla@smit.example", &state, at: 101)
        F.press([.enter, .enter], &state, at: 102)
        #expect(Self.flow(state)?.step == .outcome)
        F.press([.escape], &state, at: 103)
        let flow = try #require(Self.flow(state))
        #expect(flow.step == .referrals)
        #expect(flow.answers.referrals.map(\.name) == ["Carla Smit"])
        F.press([.escape], &state, at: 104)
        #expect(Self.flow(state)?.step == .referralAsk)
        #expect(Self.flow(state)?.answers.referrals.count == 1)
    }

    @Test func nSkipsTheReferralsAndRecordsTheAskAsNotMade() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n")], &state, at: 100)
        #expect(Self.flow(state)?.step == .outcome)
        F.press([.char("4")], &state, at: 101)  // not interested
        #expect(Self.flow(state)?.step == .followUp)
        let (call, _) = try #require(Self.saved(F.press([.char("x")], &state, at: 102), &state))
        #expect(call.referralAsk == .notAsked)
        #expect(call.outcome == .notInterested)
    }

    @Test func anAskMarkedDuringTheCallGoesStraightToTheReferrals() throws {
        var state = Self.conversation()
        F.press([.char("a")], &state, at: 80)
        F.press([.char("e")], &state, at: 100)
        #expect(Self.flow(state)?.step == .referrals)
        F.press([.enter, .char("8"), .enter], &state, at: 101)
        let (call, _) = try #require(Self.saved(F.press([.char("x")], &state, at: 102), &state))
        #expect(call.referralAsk == .asked)
    }

    @Test func aCallThatNeverConnectedStartsAtTheOutcomeAndFollowsTheRetryRule() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("e")], &state, at: 25)
        #expect(Self.flow(state)?.step == .outcome)
        F.press([.char("1")], &state, at: 26)  // no answer
        #expect(Self.flow(state)?.step == .nextStep)
        let effects = F.press([.enter], &state, at: 27)
        let (call, prospects) = try #require(Self.saved(effects, &state))
        #expect(call.outcome == .noAnswer)
        #expect(call.referralAsk == .notApplicable)
        #expect(call.followUp == nil)
        #expect(call.duration == 25)
        let anna = try #require(prospects.first)
        #expect(anna.attempts == 2)
        #expect(anna.nextCallDay == CalendarDay(year: 2026, month: 12, day: 1))
        #expect(effects.count == 1, "no email for a call that never connected")
        #expect(state.mode == .queue)
        #expect(state.live == nil)
        #expect(state.callsToday == 3)
        // Anna is not due again today.
        #expect(!state.queue.contains { $0.id == "anna" })
    }

    @Test func aConversationOutcomeAfterNoTalkStillAsksAboutReferrals() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("e"), .char("5")], &state, at: 30)  // no fit
        #expect(Self.flow(state)?.step == .referralAsk)
        F.press([.char("y")], &state, at: 31)
        #expect(Self.flow(state)?.step == .referrals)
    }

    @Test func changingTheOutcomeOnTheWayBackForgetsTheOldNextStep() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("tomorrow 10:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        #expect(Self.flow(state)?.answers.nextStepAt != nil)
        F.press([.escape, .escape, .char("7")], &state, at: 103)
        let flow = try #require(Self.flow(state))
        #expect(flow.answers.outcome == .meetingBooked)
        #expect(flow.answers.nextStepAt == nil)
        #expect(flow.nextStepField.text == "tomorrow 10:00")
    }

    @Test func aDateThatDoesNotParseSaysWhatWasExpectedAndKeepsTheText() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("next blursday", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let flow = try #require(Self.flow(state))
        #expect(flow.step == .nextStep)
        #expect(flow.nextStepField.text == "next blursday")
        #expect(flow.nextStepError?.contains("tomorrow 10:00") == true)
        F.press([.backspace], &state, at: 103)
        #expect(Self.flow(state)?.nextStepError == nil)
    }

    @Test func aCallbackIsReadInTheProspectsZoneAndLandsInTheDraft() throws {
        var state = Self.conversation()
        F.press([.char("j")], &state, at: 0)
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("tomorrow 10:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let flow = try #require(Self.flow(state))
        #expect(flow.step == .followUp)
        let expected = CalendarDay(year: 2026, month: 12, day: 1).at(hour: 10, minute: 0, in: F.zone)
        #expect(flow.answers.nextStepAt == expected)
        let draft = try #require(flow.answers.draft)
        #expect(draft.subject == "Thank you for your time, Anna")
        #expect(draft.body.contains("I will call you again on Tuesday 1 December at 10:00"))
        #expect(draft.body.contains("Sam Seller"))
    }

    @Test func enterOnTheDraftSavesTheCallAndWritesTheEmail() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, Smit BV, carla@smit.example", &state, at: 101)
        F.press([.enter, .enter, .char("8"), .enter], &state, at: 102)
        let effects = F.press([.enter], &state, at: 103)
        #expect(effects.count == 1, "one workflow: the store saves, links referrals and writes the email")
        guard case .fileCall(_, let to, let send)? = effects.first else {
            Issue.record("expected the call to be filed, got \(effects)")
            return
        }
        #expect(to.id == "anna")
        #expect(!send)
        #expect(state.status?.text == "Saving the call with Anna de Vries…")
        let (call, prospects) = try #require(Self.saved(effects, &state))
        #expect(call.followUp?.status == .pending)
        #expect(call.followUp?.body.contains("Carla Smit") == true)
        #expect(call.referrals.first?.prospectID != nil)
        #expect(prospects.map(\.name) == ["Anna de Vries", "Carla Smit"])
        #expect(prospects.last?.source == .referral)
        #expect(prospects.last?.referredBy == "anna")
        #expect(state.pendingFollowUps.map(\.call.id) == [call.id])
        #expect(state.pendingFollowUps.first?.call.followUp?.messageFile == "\(call.id).eml")
        #expect(state.status?.text
            == "Saved the call with Anna de Vries; 1 referral added for tomorrow; thank-you email ready to send: outbox/\(call.id).eml")
        #expect(state.pendingFollowUps.first?.call.followUp?.stage == .ready)
        #expect(state.prospects.contains { $0.name == "Carla Smit" })
    }

    @Test func keysRightAfterTheEmailAppearsDoNotSendSkipOrWriteIt() throws {
        var state = Self.conversation()
        // "n", "4", then "x" and Enter typed on: the email step came with the 4.
        F.press([.char("e"), .char("n"), .char("4")], &state, at: 100)
        #expect(Self.flow(state)?.step == .followUp)
        #expect(F.press([.char("x")], &state, at: 100.1) == [])
        #expect(F.press([.enter], &state, at: 100.2) == [])
        #expect(F.press([.char("S")], &state, at: 100.29) == [])
        #expect(Self.flow(state)?.step == .followUp)
        let (call, _) = try #require(Self.saved(F.press([.char("x")], &state, at: 100.4), &state))
        #expect(call.followUp?.status == .skipped)
        #expect(state.status?.text == "Saved the call with Anna de Vries; thank-you email skipped")
    }

    @Test func xSkipsTheEmailAndRecordsItSkipped() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)
        #expect(effects.count == 1)
        #expect(Self.saved(effects, &state)?.0.followUp?.status == .skipped)
        #expect(state.pendingFollowUps.isEmpty)
    }

    @Test func capitalSSendsWhenASendCommandAndAnAddressExist() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("S")], &state, at: 101)
        guard case .fileCall(_, _, true)? = effects.first, effects.count == 1 else {
            Issue.record("expected the call filed with a send, got \(effects)")
            return
        }
        let filed = try #require(Self.filed(effects, state))
        let after = update(&state, .callFiled(filed, send: true))
        #expect(after.contains(.clearCheckpoint))
        if case .sendFollowUp(let call, _)? = after.last {
            #expect(call.followUp?.status == .pending, "sent only when the command says so")
        } else {
            Issue.record("expected a send, got \(effects)")
        }
    }

    @Test func capitalSIsRefusedWithoutASendCommand() throws {
        var state = Self.conversation(canSend: false)
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        #expect(F.press([.char("S")], &state, at: 101).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("No send command") == true)
        #expect(Self.flow(state)?.step == .followUp)
    }

    @Test func capitalSIsRefusedWithoutARecipientButTheDraftCanStillBeWritten() throws {
        var noEmail = F.anna
        noEmail.email = "anna at acme"
        var state = Self.conversation(prospects: [noEmail])
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        #expect(F.press([.char("S")], &state, at: 101).isEmpty)
        #expect(state.status?.text.contains("is not a usable email address") == true)
        expectShows(F.screen(state), "no recipient: no valid email address")
        let effects = F.press([.enter], &state, at: 102)
        #expect(Self.saved(effects, &state)?.0.followUp?.status == .pending)
    }

    @Test func capitalEOpensTheDraftInTheEditorAndTheEditedTextComesBack() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("E")], &state, at: 101)
        guard case .openEditor(let text, .followUpDraft)? = effects.first else {
            Issue.record("expected the editor, got \(effects)")
            return
        }
        #expect(text.hasPrefix("Subject: Thank you for your time, Anna\n\nHello Anna,"))
        _ = update(&state, .edited(.followUpDraft, text: "Subject: Our call\n\nHi Anna,\nthanks!\n"))
        let draft = try #require(Self.flow(state)?.answers.draft)
        #expect(draft.subject == "Our call")
        #expect(draft.body == "Hi Anna,\nthanks!\n")
        let saved = Self.saved(F.press([.enter], &state, at: 102), &state)
        #expect(saved?.0.followUp?.subject == "Our call")
    }

    /// Minutes of editing are not thrown away by one key: `x` on an edited email asks, a
    /// second `x` skips it, any other key keeps it.
    @Test func xOnAnEditedEmailAsksBeforeSkippingIt() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        F.press([.char("E")], &state, at: 101)
        _ = update(&state, .edited(.followUpDraft, text: "Subject: Our call\n\nHi Anna,\nthanks!\n"))
        #expect(F.press([.char("x")], &state, at: 102).isEmpty)
        #expect(state.status?.text == "Skip the email you edited? x again skips it; Enter writes it")
        #expect(Self.flow(state)?.step == .followUp)
        // Another key answers no (scrolling to read it does not): the next `x` asks again.
        F.press([.char("z")], &state, at: 103)
        #expect(F.press([.char("x")], &state, at: 104).isEmpty)
        let saved = Self.saved(F.press([.char("x")], &state, at: 105), &state)
        #expect(saved?.0.followUp?.status == .skipped)
        #expect(saved?.0.followUp?.subject == "Our call", "the edited text stays with the call")

        // An email nobody edited is skipped at once, as before.
        var plain = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &plain, at: 100)
        #expect(Self.saved(F.press([.char("x")], &plain, at: 101), &plain)?.0.followUp?.status == .skipped)
    }

    @Test func theCheckpointIsClearedOnlyOnceTheFinishedCallIsSaved() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)
        #expect(!effects.contains(.clearCheckpoint))
        let filed = try #require(Self.filed(effects, state))
        #expect(update(&state, .saved("someone-else")).isEmpty)
        #expect(update(&state, .callFiled(filed, send: false)) == [.clearCheckpoint])
    }

    @Test func aCallTheStoreCouldNotFileIsNotCountedAndSaysWhereItWaits() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)
        guard case .fileCall(let call, _, _)? = effects.first else {
            Issue.record("expected the call to be filed, got \(effects)")
            return
        }
        #expect(state.callsToday == 3)
        let after = update(
            &state, .callNotFiled(call.id, reason: "/store/calls/2026/2026-11-30.json: the disk is full"))
        #expect(after.isEmpty, "the checkpoint stays")
        #expect(state.callsToday == 2)
        #expect(state.status?.isError == true)
        expectShows(
            F.screen(state, width: 200, height: 40),
            "Call NOT saved (kept in live-call.json for the next start): /store/calls/2026/2026-11-30.json: the disk is full")
    }

    /// On a slow disk the queue moves only once the call is saved: Enter meanwhile starts
    /// no call (it would be the same prospect again, and take the checkpoint's place).
    @Test func enterWaitsForTheSaveOfTheCallBefore() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)
        let filed = try #require(Self.filed(effects, state))
        #expect(F.press([.enter], &state, at: 102).isEmpty)
        #expect(state.live == nil)
        #expect(state.status?.text == "Still saving the call with Anna de Vries…")
        _ = update(&state, .callFiled(filed, send: false))
        F.press([.enter], &state, at: 103)
        #expect(state.live != nil, "once saved, Enter calls")
    }

    /// A call the store could not save is not lost to the next one: Enter saves it again,
    /// and only once it is saved does Enter start a call.
    @Test func enterSavesACallTheStoreRefusedBeforeAnyNewCall() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)
        guard case .fileCall(let call, let prospect, _)? = effects.first else {
            Issue.record("expected the call to be filed, got \(effects)")
            return
        }
        _ = update(&state, .callNotFiled(call.id, reason: "calls/2026/2026-11-30.json: the disk is full"))
        #expect(state.status?.text.hasSuffix("Enter tries again") == true)
        let retry = F.press([.enter], &state, at: 130)
        #expect(retry == [.fileCall(call: call, prospect: prospect, send: false)])
        #expect(state.live == nil)
        #expect(state.callsToday == 3)
        let filed = try #require(Self.filed(retry, state))
        #expect(update(&state, .callFiled(filed, send: false)) == [.clearCheckpoint])
        F.press([.enter], &state, at: 140)
        #expect(state.live != nil)
    }

    @Test func aNewCallStartedBeforeTheSaveAnswersKeepsItsCheckpoint() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let (call, _) = try #require(Self.saved(F.press([.char("x")], &state, at: 101), &state))
        F.press([.enter], &state, at: 102)
        #expect(state.live != nil)
        let filed = FiledCall(call: call, prospect: F.prospects[0], prospects: [], referralFilings: [])
        #expect(update(&state, .callFiled(filed, send: false)).isEmpty)
    }

    @Test func oneLineReferralsAreReadInAnyOrderByTheSameReaderAsTheAddField() {
        func read(_ line: String) -> Referral? { try? ContactLine.read(line).get().referral }
        // A referral becomes a lead to call: a name alone is not enough.
        #expect(read("  Eva Claes ") == nil)
        #expect(read("  Eva Claes , eva@claes.example") == Referral(name: "Eva Claes", email: "eva@claes.example"))
        #expect(read("Eva Claes, eva@claes.example, Claes & Zn, 0470 12 34 56")
            == Referral(name: "Eva Claes", company: "Claes & Zn", phone: "0470 12 34 56", email: "eva@claes.example"))
        #expect(read("Eva, \"Acme, Inc.\", 020 555 0101") == Referral(name: "Eva", company: "Acme, Inc.", phone: "020 555 0101"))
        // A part that is none of these was once glued to the company; now it is refused.
        #expect(read("Eva, Acme, 3 Main Street") == nil)
        #expect(read("Eva, 12-34") == nil, "an implausible phone")
    }

    @Test func aRefusedReferralStaysInTheFieldWithTheReason() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, carla@smit", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let flow = try #require(Self.flow(state))
        #expect(flow.answers.referrals.isEmpty)
        #expect(flow.referralField.text == "Carla Smit, carla@smit")
        expectShows(F.screen(state), "Not added: “carla@smit” is not an email address")
        F.press([.backspace], &state, at: 103)
        expectHides(F.screen(state), "Not added:")
    }
}

@Suite struct BriefAfterACallTests {
    /// The brief scrolled during a call opens at the top for the next prospect, so their
    /// name and phone are in view.
    @Test func theNextProspectsBriefOpensAtTheTop() throws {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("j"), .char("j"), .char("j")], &state, at: 80)
        #expect(state.briefScroll == 3)
        F.press([.char("e"), .char("n"), .char("4")], &state, at: 100)
        _ = EndOfCallFlowTests.saved(F.press([.char("x")], &state, at: 101), &state)
        #expect(state.mode == .queue)
        #expect(state.briefScroll == 0)
    }
}
