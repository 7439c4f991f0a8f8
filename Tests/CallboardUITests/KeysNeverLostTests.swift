import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Talk keys are pressed without looking: over help, the quit question and the
/// end-of-call dialogs they still act, and help leaves the talk panel in view.
@Suite struct KeysNeverLostTests {
    static func inCall() -> AppState {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 1)
        return state
    }

    @Test(arguments: ["?", "q"])
    func talkKeysActOverHelpAndTheQuitQuestion(opener: String) throws {
        var state = Self.inCall()
        F.press([.char(Character(opener))], &state, at: 2)
        #expect(state.showingHelp || state.confirmingQuit)
        let effects = F.press([.char("m")], &state, at: 3)
        #expect(state.live?.meter.figures(at: F.at(5).monotonic).speaker == .me)
        #expect(effects.contains { if case .checkpoint = $0 { true } else { false } })
        F.press([.char("s")], &state, at: 5)
        #expect(state.live?.figures(at: F.at(6).monotonic).isOnHold == true)
        F.press([.char(" ")], &state, at: 6)
        #expect(state.live?.figures(at: F.at(7).monotonic).speaker != nil)
        F.press([.char("a")], &state, at: 7)
        #expect(state.live?.askMarked == true)
        // The overlay is still open: nothing but the talk changed.
        #expect(state.showingHelp || state.confirmingQuit)
    }

    @Test func helpDuringACallLeavesTheTalkAndReferralPanelsInView() {
        var state = Self.inCall()
        F.press([.char("?")], &state, at: 2)
        let screen = F.screen(state)
        var without = state
        without.showingHelp = false
        let before = F.screen(without)
        expectShows(screen, "Keys — ? or Esc closes", "they talk", "Referral ask")
        // The talk panel is drawn exactly as without help.
        let talk = DashboardLayout(Rect(x: 0, y: 0, width: 100, height: 29)).talk
        for y in talk.y..<talk.maxY {
            #expect(screen.line(y).suffix(talk.width) == before.line(y).suffix(talk.width), "row \(y)")
        }
    }

    @Test func helpScrollsAndSaysWhenThereIsMore() {
        var state = F.state(width: 80, height: 24)
        F.press([.char("?")], &state, at: 1)
        var screen = F.screen(state)
        expectShows(screen, "more lines: j/↓, PgDn")
        expectHides(screen, "Legend")
        let most = HelpOverlayView.maxScroll(state)
        #expect(most > 0)
        F.press([.char("j")], &state, at: 2)
        #expect(state.helpScroll == 1)
        for _ in 0..<10 { F.press([.pageDown], &state, at: 3) }
        #expect(state.helpScroll == most)
        screen = F.screen(state)
        expectShows(screen, "Legend", "End of the keys", "first call", "last call")
        F.press([.pageUp], &state, at: 4)
        #expect(state.helpScroll < most)
        F.press([.char("k")], &state, at: 5)
        F.press([.up], &state, at: 5)
        // Closing and opening again starts at the top.
        F.press([.escape, .char("?")], &state, at: 6)
        #expect(state.helpScroll == 0)
    }

    @Test func helpThatFitsSaysNothingOfMore() {
        var state = F.state(width: 200, height: 60)
        F.press([.char("?")], &state, at: 1)
        let screen = F.screen(state)
        expectShows(screen, "Legend", "Review")
        expectHides(screen, "more line", "End of the keys")
    }

    @Test func aTalkKeyInTheEndOfCallDialogsBringsTheCallBackWithTheAnswersKept() {
        var state = Self.inCall()
        F.press([.char("e"), .char("y")], &state, at: 20)
        #expect(EndOfCallFlowTests.flow(state)?.step == .referrals)
        // Typed text is text: `p` goes into the referral field.
        F.type("pia, pia@example.com", &state, at: 21)
        #expect(EndOfCallFlowTests.flow(state)?.answers.referralText == "pia, pia@example.com")
        F.press([.enter, .enter], &state, at: 22)
        #expect(EndOfCallFlowTests.flow(state)?.step == .outcome)
        F.press([.char("p")], &state, at: 23)
        #expect(state.mode == .call)
        #expect(state.live?.figures(at: F.at(25).monotonic).speaker == .prospect)
        #expect(state.live?.endOfCallAnswers?.referrals.map(\.name) == ["pia"])
        #expect(state.status?.text.hasPrefix("Back in the call") == true)
    }

    @Test func aInTheDialogsMarksTheAskAndTheQuestionMovesOn() {
        var state = Self.inCall()
        F.press([.char("e")], &state, at: 20)
        #expect(EndOfCallFlowTests.flow(state)?.step == .referralAsk)
        F.press([.char("A")], &state, at: 21)
        #expect(state.live?.call.asked(.advice) == true)
        #expect(EndOfCallFlowTests.flow(state)?.step == .referrals)
        #expect(EndOfCallFlowTests.flow(state)?.referralAsk == .asked)
    }
}

/// Referrals are asked for only where there was a conversation.
@Suite struct ReferralsOnlyAfterAConversationTests {
    @Test func aCallWhereNobodyTalkedAsksTheOutcomeFirstAndThePanelStaysCalm() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("a")], &state, at: 10)  // marked by mistake, nobody talked
        F.press([.char("a")], &state, at: 11)
        F.press([.char("e")], &state, at: 25)
        #expect(EndOfCallFlowTests.flow(state)?.step == .outcome)
        expectHides(F.screen(state), "Ask for referrals now")
        F.press([.char("2")], &state, at: 26)  // voicemail
        #expect(EndOfCallFlowTests.flow(state)?.step == .nextStep)
        expectHides(F.screen(state), "Ask for referrals now")
    }

    @Test func anAskMarkedOnACallNobodyAnsweredAsksForNoReferrals() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("a")], &state, at: 10)
        F.press([.char("e")], &state, at: 25)
        #expect(EndOfCallFlowTests.flow(state)?.step == .outcome)
        F.press([.char("1")], &state, at: 26)  // no answer
        #expect(EndOfCallFlowTests.flow(state)?.step == .nextStep)
        let (call, _) = try #require(EndOfCallFlowTests.saved(F.press([.enter], &state, at: 27), &state))
        #expect(call.referralAsk == .notApplicable)
    }

    @Test func aConversationNotYetAskedTurnsThePanelLoud() {
        var state = KeysNeverLostTests.inCall()
        F.press([.char("e")], &state, at: 20)
        expectShows(F.screen(state), "Ask for referrals now")
    }
}
