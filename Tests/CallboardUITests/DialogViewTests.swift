import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct DialogViewTests {
    @Test func theReferralAskDialogSaysHowToGoBackAndAsk() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e")], &state, at: 100)
        let screen = F.screen(state)
        expectShows(screen, "Ending the call with Anna de Vries", "Did you ask for referrals?", "Esc goes back to the call",
                    "y I asked", "n I did not ask")
        expectShows(screen, "on hold")
    }

    @Test func theReferralDialogListsWhatWasAddedAndShowsTheField() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, Smit BV, carla@smit.example", &state, at: 101)
        F.press([.enter], &state, at: 101)
        F.type("Dirk", &state, at: 101)
        let screen = F.screen(state)
        expectShows(screen, "Enter on an empty line", "✓ Carla Smit — Smit BV · carla@smit.example", "› Dirk")
    }

    @Test func theOutcomeDialogListsEveryOutcomeWithItsKey() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("n")], &state, at: 100)
        let screen = F.screen(state)
        for (i, outcome) in Outcome.builtIns.enumerated() { expectShows(screen, "\(i + 1) \(outcome.label)") }
    }

    @Test func theNextStepDialogPreviewsTheDateAndShowsErrors() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        F.type("tomorrow 10:00", &state, at: 101)
        expectShows(F.screen(state), "When do you call back?", "› tomorrow 10:00", "= Tue 1 Dec 10:00")
        F.press([.ctrl("u")], &state, at: 102)
        F.type("someday", &state, at: 102)
        F.press([.enter], &state, at: 103)
        expectShows(F.screen(state, width: 100, height: 30), "› someday", "could not read a time")
    }

    @Test func aMeetingInAnotherZoneIsShownInBothTimes() {
        var state = F.state()
        F.press([.char("j"), .char("j"), .enter, .char("p")], &state, at: 0)  // Bram, New York
        F.press([.char("e"), .char("n"), .char("7")], &state, at: 60)
        F.type("tue 10:00", &state, at: 61)
        let screen = F.screen(state)
        expectShows(screen, "When is the meeting?", "In their time: America/New_York",
                    "= Tue 1 Dec 10:00 their time · Tue 1 Dec 16:00 yours")
    }

    @Test func outcomeLabelsReadAsTheCoreWritesThemSentenceCased() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("e"), .char("1")], &state, at: 20)
        let screen = F.screen(state)
        expectShows(screen, "No answer.")
        expectHides(screen, "No Answer.")
        #expect(Format.sentence(Outcome.meetingBooked.label) == "Meeting booked")
    }

    @Test func aRetryOutcomeShowsWhenTheNextAttemptIs() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("e"), .char("2")], &state, at: 20)
        expectShows(F.screen(state), "Voicemail.", "Next attempt Tue 1 Dec (2 of 6 attempts so far).", "Enter saves this and goes on.")
    }

    @Test func theDraftShowsRecipientSubjectAndBodyWithItsKeys() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let screen = F.screen(state, width: 100, height: 30)
        expectShows(screen, "To: Anna de Vries <anna@acme.example>", "Subject: Thank you for your time, Anna", "Hello Anna,",
                    "Enter accept, write the email", "E edit in $EDITOR", "x skip", "S send now")
    }

    @Test func atTheMinimumSizeALongDraftScrollsWithJAndKAndSaysWhatIsBelow() {
        var state = EndOfCallFlowTests.conversation()
        _ = update(&state, .resize(width: 60, height: 18))
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let body = (1...20).map { "Line \($0)." }.joined(separator: "\n")
        _ = update(&state, .edited(.followUpDraft, text: "Subject: Our call\n\n\(body)"))
        var screen = F.screen(state)
        expectShows(screen, "Line 1.", "more lines (j/k scroll)", "S send now")
        expectHides(screen, "Line 20.")
        // Scrolling is no answer to the email: nothing is sent, written or skipped.
        for _ in 0..<30 { #expect(F.press([.char("j")], &state, at: 101).isEmpty) }
        screen = F.screen(state)
        expectShows(screen, "Line 20.", "↑ more above")
        expectHides(screen, "Line 1.")
        // Back up at once, however far j was pressed past the end.
        for _ in 0..<30 { F.press([.up], &state, at: 102) }
        expectShows(F.screen(state), "Line 1.")
        #expect(state.draftScroll == 0)
    }

    @Test func aGNoteSetsTheNameToGreetForTheEmailAndTheSavedProspect() throws {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("n")], &state, at: 50)
        F.type("g: Annie", &state, at: 51)
        F.press([.enter], &state, at: 52)
        #expect(state.live?.prospect.greetingName == "Annie")
        #expect(state.live?.call.notes.isEmpty == true, "a greeting is no call note")
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        expectShows(F.screen(state, width: 100, height: 30), "Hello Annie,")
    }

    @Test func aDraftWithoutAValidAddressIsFlagged() {
        var anna = F.anna
        anna.email = ""
        var state = EndOfCallFlowTests.conversation(prospects: [anna])
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        let screen = F.screen(state)
        expectShows(screen, "no recipient")
        #expect(screen.style(of: "To: Anna de Vries")?.role == .bad)
    }

    @Test func theNoteDialogExplainsTheTags() {
        var state = F.state()
        F.press([.enter, .char("n")], &state, at: 0)
        F.type("c: slow", &state, at: 1)
        expectShows(F.screen(state), "o: organization · c: challenge · r: requirement", "› c: slow", "Enter save the note")
    }

    @Test func theHelpOverlayListsEveryKeyOfACall() {
        var state = F.state(width: 120, height: 40)
        F.press([.enter, .char("?")], &state, at: 0)
        let screen = F.screen(state)
        expectShows(screen, "Keys — ? or Esc closes")
        for binding in Keymap.bindings(in: .call) where ![.help, .quit].contains(binding.action) {
            expectShows(screen, binding.label + String(repeating: " ", count: max(1, 7 - binding.label.count)) + binding.summary)
        }
    }

    @Test func theQuitDialogNamesTheLiveCallAndPendingFollowUps() {
        var state = FollowUpsPendingTests.state()
        F.press([.enter, .char("q")], &state, at: 1)
        let screen = F.screen(state)
        expectShows(screen, "Quit?", "The call with Anna de Vries is live", "From today: 1 follow-up drafted, not sent.", "y quit · n or Esc stay")
    }

    @Test func theFollowUpsListShowsOldestFirstWithTheOutcome() throws {
        var state = FollowUpsPendingTests.state()
        F.press([.char("f")], &state, at: 1)
        let screen = F.screen(state)
        expectShows(screen, "Follow-ups to send (2)", "▶ Sun 29 Nov 03:00  Anna de Vries · Acme BV · callback")
        let old = try #require(screen.row(containing: "Anna de Vries · Acme BV"))
        let new = try #require(screen.row(containing: "Bram Jansen"))
        #expect(old < new)
        #expect(screen.line(29).contains("2 follow-ups drafted"))
        F.press([.enter], &state, at: 2)
        expectShows(F.screen(state), "To: Anna de Vries <anna@acme.example>", "Subject: Thanks")
    }

    @Test func theReviewSlotSaysItIsReadingAndHowToGoBack() {
        var state = F.state()
        F.press([.char("r")], &state, at: 1)
        expectShows(F.screen(state), "Review", "Esc goes back to the dashboard.")
    }

    @Test func theReviewItselfDrawsOnceItArrives() {
        var state = F.state()
        F.press([.char("r")], &state, at: 1)
        let today = CalendarDay(year: 2026, month: 11, day: 30)
        _ = update(&state, .reviewLoaded(ReviewState(day: today, today: today, calls: [], prospects: [], summaries: [:], zone: F.zone)))
        let screen = F.screen(state)
        expectHides(screen, "Esc goes back to the dashboard.", "Today's queue (")
        expectShows(screen, "Review ·")
    }
}

@Suite struct BriefDuringACallTests {
    @Test func notesTakenInTheCallShowInTheBriefAtOnceBelowWhoTheyAre() throws {
        var state = F.state(width: 100, height: 40)
        F.press([.enter, .char("n")], &state, at: 0)
        F.type("c: drivers wait at the dock", &state, at: 65)
        F.press([.enter, .char("n")], &state, at: 65)
        F.type("asked about pricing", &state, at: 70)
        F.press([.enter], &state, at: 70)
        let screen = F.screen(state)
        expectShows(screen, "This call", "1:10 asked about pricing", "Challenges", "drivers wait at the dock")
        // Who, company and phone stay at the top; the call's notes come after them.
        let phone = try #require(screen.row(containing: "+31 20 123 4567"))
        let title = try #require(screen.row(containing: "Head of Operations · Acme BV"))
        let notes = try #require(screen.row(containing: "This call"))
        #expect(title < phone && phone < notes)
        // A c: note makes the challenges known: no "not known yet" under them.
        let challenges = try #require(screen.row(containing: "Challenges"))
        #expect(screen.lines[challenges + 1].contains("drivers wait at the dock"))
    }

    @Test func theWorldIsNoLongerUnknownOnceATaggedNoteIsTaken() {
        var state = F.state(width: 100, height: 40)
        F.press([.char("j"), .enter], &state, at: 0)  // Chen: nothing known of their world
        expectShows(F.screen(state), "Their world is not known yet")
        F.press([.char("n")], &state, at: 10)
        F.type("o: 200 people in Beijing", &state, at: 12)
        F.press([.enter], &state, at: 12)
        let screen = F.screen(state)
        expectHides(screen, "Their world is not known yet")
        expectShows(screen, "Organization", "200 people in Beijing")
    }

    @Test func aReferredLeadShowsWhoReferredThemAndAnInferredZone() {
        var lead = Prospect(
            id: "lead", name: "Tom Hughes", company: "Hughes Ltd", phone: "+44 20 5555 0101", source: .referral,
            referredBy: "anna", createdAt: F.start)
        lead.inferTimeZoneFromPhone()
        var state = F.state(prospects: [F.anna, lead])
        state.selection = state.queue.firstIndex { $0.id == "lead" } ?? 0
        expectShows(F.screen(state), "Referred by Anna de Vries", "Time zone Europe/London, inferred from +44")
    }

    @Test func theKeymapReadsAsMarkdownForTheKeysPage() {
        let markdown = Keymap.markdownTables()
        #expect(markdown.contains("## During a call"))
        #expect(markdown.contains("| `Space` | switch |"))
        #expect(markdown.contains("| `8` | opportunity |"))
    }
}

@Suite struct HelpOrderTests {
    @Test func helpOnASmallScreenShowsTheKeysOfTheCurrentDialogFirst() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter, .char("?")], &state, at: 100)
        let screen = F.screen(state, width: 60, height: 18)
        expectShows(screen, "Follow-up email", "E      edit in $EDITOR", "S      send now")
        #expect((screen.row(containing: "Follow-up email") ?? 99) <= 2)
    }
}
