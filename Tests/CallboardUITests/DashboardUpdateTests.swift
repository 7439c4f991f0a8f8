import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

typealias F = AppFixture

@Suite struct DashboardUpdateTests {
    @Test func loadingBuildsTodaysQueueWithTheCursorOnTheFirstProspect() {
        let state = F.state()
        #expect(state.isLoaded)
        // A retry first; of the new leads, Shanghai (16:00) is inside its hours, New York (03:00) is not.
        #expect(state.queue.map(\.id) == ["anna", "chen", "bram"])
        #expect(state.selection == 0)
        #expect(state.callsToday == 2)
        #expect(state.mode == .queue)
    }

    @Test func jkAndArrowsMoveTheCursorAndStopAtTheEnds() {
        var state = F.state()
        F.press([.char("j")], &state, at: 1)
        #expect(state.selection == 1)
        F.press([.down, .down, .down], &state, at: 1)
        #expect(state.selection == 2)
        F.press([.char("k")], &state, at: 1)
        #expect(state.selection == 1)
        F.press([.up, .up, .up], &state, at: 1)
        #expect(state.selection == 0)
    }

    @Test func aReloadKeepsTheCursorOnTheSameProspect() {
        var state = F.state()
        F.press([.char("j"), .char("j")], &state, at: 1)
        let fresh = Prospect(id: "aaron", name: "Aaron Aalst", source: .referral, createdAt: F.start)
        _ = update(&state, .loaded(StoreSnapshot(prospects: F.prospects + [fresh]), F.at(2)))
        #expect(state.selectedEntry?.id == "bram")
    }

    @Test func enterStartsACallWithTheSelectedProspectAndCheckpointsIt() {
        var state = F.state()
        F.press([.char("j"), .char("j")], &state, at: 1)
        let effects = F.press([.enter], &state, at: 5)
        #expect(state.mode == .call)
        #expect(state.live?.prospect.id == "bram")
        #expect(state.live?.wallStart == F.at(5).wall)
        #expect(state.focus == .talk)
        guard case .checkpoint(let checkpoint)? = effects.first else {
            Issue.record("expected a checkpoint, got \(effects)")
            return
        }
        #expect(checkpoint.call.prospectID == "bram")
        #expect(checkpoint.call.prospectName == "Bram Jansen")
        #expect(checkpoint.call.prospectCompany == "Jansen Logistics")
        #expect(checkpoint.elapsed == 0)
    }

    @Test func enterOnAnEmptyQueueDoesNothing() {
        var state = F.state(prospects: [])
        #expect(F.press([.enter], &state, at: 1).isEmpty)
        #expect(state.live == nil)
    }

    @Test func talkKeysActAtOnceOnTheMeter() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 10)
        F.press([.char("m")], &state, at: 40)
        F.press([.char(" ")], &state, at: 50)  // back to the prospect
        F.press([.char("s")], &state, at: 70)  // hold
        let live = try #require(state.live)
        let figures = live.figures(at: F.at(100).monotonic)
        #expect(figures.prospect == 50)
        #expect(figures.me == 10)
        #expect(figures.isOnHold)
        #expect(figures.switches == 2)
    }

    @Test func everyTalkKeyCheckpointsTheCall() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        for key in ["p", "m", " ", "s", "a"] {
            let effects = F.press([.char(Character(key))], &state, at: 5)
            #expect(effects.count == 1, "key \(key)")
            if case .checkpoint? = effects.first {} else { Issue.record("key \(key) gave \(effects)") }
        }
    }

    @Test func aMarksTheReferralAsk() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        #expect(state.live?.askMarked == false)
        F.press([.char("a")], &state, at: 5)
        #expect(state.live?.askMarked == true)
        #expect(state.status?.text == "Referral ask marked: who else might be interested")
        F.press([.char("a")], &state, at: 6)
        #expect(state.live?.askMarked == false)
        #expect(state.status?.text == "Referral ask unmarked: who else might be interested")
    }

    @Test func aAndShiftAMarkTheTwoQuestionsOneByOneAndEitherCountsAsAsked() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("A")], &state, at: 5)
        #expect(state.live?.askMarked == true)
        #expect(state.live?.call.asked(.advice) == true)
        #expect(state.live?.call.asked(.whoElse) == false)
        #expect(state.status?.text == "Referral ask marked: asked their advice")
        F.press([.char("a")], &state, at: 6)
        #expect(state.live?.call.referralQuestions == [.whoElse, .advice])
        F.press([.char("A")], &state, at: 7)
        // Who else is still asked: the call still counts as asked.
        #expect(state.live?.askMarked == true)
        #expect(state.live?.call.referralQuestions == [.whoElse])
        F.press([.char("a")], &state, at: 8)
        #expect(state.live?.askMarked == false)
    }

    @Test func queueKeysDoNothingDuringACallAndTalkKeysNothingOutsideOne() {
        var state = F.state()
        #expect(F.press([.char("m"), .char("p"), .char("e")], &state, at: 1).isEmpty)
        #expect(state.live == nil)
        F.press([.enter], &state, at: 2)
        F.press([.char("j")], &state, at: 3)
        #expect(state.selection == 0)
        #expect(F.press([.char("r")], &state, at: 3).isEmpty)
        #expect(state.mode == .call)
    }

    @Test func qQuitsAtOnceWhenNothingIsOpen() {
        var state = F.state()
        #expect(F.press([.char("q")], &state, at: 1) == [.quit(exitCode: 0)])
    }

    @Test func qAsksFirstDuringACallAndYCheckpointsBeforeQuitting() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 1)
        #expect(F.press([.char("q")], &state, at: 30).isEmpty)
        #expect(state.confirmingQuit)
        #expect(state.keyContext == .quitConfirm)
        let effects = F.press([.char("y")], &state, at: 31)
        #expect(effects.count == 2)
        guard case .checkpoint(let checkpoint)? = effects.first else {
            Issue.record("expected a checkpoint first, got \(effects)")
            return
        }
        #expect(checkpoint.elapsed == 31)
        #expect(effects.last == .quit(exitCode: 0))
    }

    @Test func nOrEscStaysInTheCall() {
        for key in [Key.char("n"), .escape] {
            var state = F.state()
            F.press([.enter], &state, at: 0)
            F.press([.char("q")], &state, at: 1)
            #expect(F.press([key], &state, at: 2).isEmpty)
            #expect(!state.confirmingQuit)
            #expect(state.mode == .call)
        }
    }

    @Test func qAsksFirstWhenTodaysFollowUpsArePending() {
        var state = F.state()
        let call = Call(id: "c1", prospectID: "anna", startedAt: F.start, outcome: .callback,
                        followUp: FollowUp(subject: "Thanks", body: "Hi"))
        _ = update(&state, .followUpsLoaded(calls: [call], prospects: []))
        #expect(F.press([.char("q")], &state, at: 2).isEmpty)
        #expect(state.confirmingQuit)
        #expect(F.press([.char("y")], &state, at: 3) == [.quit(exitCode: 0)])
    }

    @Test func questionMarkTogglesHelpAndEscClosesIt() {
        var state = F.state()
        F.press([.char("?")], &state, at: 1)
        #expect(state.showingHelp)
        #expect(state.keyContext == .help)
        F.press([.char("?")], &state, at: 1)
        #expect(!state.showingHelp)
        F.press([.char("?"), .escape], &state, at: 1)
        #expect(!state.showingHelp)
    }

    @Test func tabCyclesThroughEveryPanel() {
        var state = F.state()
        var seen: [AppState.Panel] = [state.focus]
        for _ in 0..<4 {
            F.press([.tab], &state, at: 1)
            seen.append(state.focus)
        }
        #expect(seen == [.queue, .brief, .talk, .referrals, .queue])
    }

    @Test func withTheBriefFocusedJScrollsTheBriefNotTheQueue() {
        var state = F.state()
        F.press([.tab, .char("j"), .char("j")], &state, at: 1)
        #expect(state.briefScroll == 2)
        #expect(state.selection == 0)
    }

    @Test func rOpensTheReviewAndAsksForTodaysDayThenEscComesBack() {
        var state = F.state()
        let effects = F.press([.char("r")], &state, at: 1)
        #expect(state.mode == .review(nil))
        #expect(effects == [.loadReview(CalendarDay(year: 2026, month: 11, day: 30))])
        F.press([.escape], &state, at: 2)
        #expect(state.mode == .queue)
    }

    @Test func reviewKeysGoToTheReviewOnceItHasArrived() {
        var state = F.state()
        F.press([.char("r")], &state, at: 1)
        let today = CalendarDay(year: 2026, month: 11, day: 30)
        let review = ReviewState(day: today, today: today, calls: [], prospects: [], summaries: [:], zone: F.zone)
        _ = update(&state, .reviewLoaded(review))
        let effects = F.press([.char("h")], &state, at: 2)
        #expect(effects == [.loadReview(today.adding(days: -1))])
        F.press([.escape], &state, at: 3)
        #expect(state.mode == .queue)
    }

    @Test func aReviewArrivingAfterLeavingItIsDropped() {
        var state = F.state()
        let today = CalendarDay(year: 2026, month: 11, day: 30)
        _ = update(&state, .reviewLoaded(ReviewState(day: today, today: today, calls: [], prospects: [], summaries: [:], zone: F.zone)))
        #expect(state.mode == .queue)
    }

    /// The interval is the one the runtime keeps too: one promise, one constant.
    @Test func ticksCheckpointALiveCallEveryFiveSecondsAndNothingWithoutOne() {
        #expect(LiveCallCheckpoint.interval == 5)
        var state = F.state()
        #expect(update(&state, .tick(F.at(30))).isEmpty)
        F.press([.enter], &state, at: 100)
        #expect(update(&state, .tick(F.at(104.5))).isEmpty)
        let effects = update(&state, .tick(F.at(105)))
        #expect(effects.count == 1)
        if case .checkpoint(let c)? = effects.first { #expect(c.elapsed == 5) } else { Issue.record("\(effects)") }
        #expect(update(&state, .tick(F.at(106))).isEmpty)
        #expect(update(&state, .tick(F.at(110))).count == 1)
    }

    @Test func aTickOnANewDayReloadsTheStore() {
        var state = F.state()
        #expect(update(&state, .tick(F.at(15 * 3600))) == [.load])
        #expect(state.queueDay == CalendarDay(year: 2026, month: 12, day: 1))
    }

    @Test func resizeIsClampedAndBelowTheMinimumOnlyQuitAndTalkKeysAct() {
        var state = F.state()
        _ = update(&state, .resize(width: -5, height: 3))
        #expect(state.width == 0 && state.height == 3)
        #expect(state.isTooSmall)
        #expect(F.press([.enter], &state, at: 1).isEmpty)
        #expect(state.live == nil)
        #expect(F.press([.char("q")], &state, at: 1) == [.quit(exitCode: 0)])
    }

    @Test func talkKeysStillWorkInATinyWindowDuringACall() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        _ = update(&state, .resize(width: 20, height: 5))
        F.press([.char("p")], &state, at: 1)
        F.press([.char("e")], &state, at: 9)  // ending needs the dialogs: not while tiny
        #expect(state.mode == .call)
        #expect(state.live?.figures(at: F.at(9).monotonic).prospect == 8)
    }

    @Test func aFailedEffectShowsItsMessageUntilTheNextKey() {
        var state = F.state()
        _ = update(&state, .failed("The store is locked by another callboard"))
        #expect(state.status == StatusMessage("The store is locked by another callboard", isError: true))
        F.press([.char("j")], &state, at: 1)
        #expect(state.status == nil)
    }
}

@Suite struct OverlayOverReviewTests {
    static func inReview() -> AppState {
        var state = FollowUpsPendingTests.state()
        F.press([.char("r")], &state, at: 1)
        let today = CalendarDay(year: 2026, month: 11, day: 30)
        _ = update(&state, .reviewLoaded(ReviewState(day: today, today: today, calls: [], prospects: [], summaries: [:], zone: F.zone)))
        return state
    }

    @Test func escOverTheReviewClosesHelpNotTheReview() {
        var state = Self.inReview()
        F.press([.char("?")], &state, at: 2)
        #expect(state.showingHelp)
        F.press([.escape], &state, at: 3)
        #expect(!state.showingHelp)
        if case .review = state.mode {} else { Issue.record("the review was closed: \(state.mode)") }
    }

    @Test func yConfirmsQuittingFromTheReview() {
        var state = Self.inReview()
        F.press([.char("q")], &state, at: 2)
        #expect(state.confirmingQuit, "today's follow-up is pending")
        #expect(F.press([.char("y")], &state, at: 3) == [.quit(exitCode: 0)])
    }

    @Test func nothingIsTypedBlindIntoAFieldOnATinyScreen() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        _ = update(&state, .resize(width: 20, height: 5))
        F.type("xyz", &state, at: 2)
        #expect(state.mode == .addProspect(TextField()))
    }
}
