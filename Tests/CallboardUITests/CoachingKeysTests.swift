import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Questions, the call type and the story during a live call, through the keys.
@Suite struct CoachingKeysTests {
    typealias F = AppFixture

    @Test func aCallStartsWithTheInferredTypeAndTCyclesIt() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        // Anna was only reached by voicemail: a cold call, judged by its band.
        #expect(state.live?.call.callType == "cold call")
        #expect(state.live?.meter.targets == CallType.cold.targets)
        #expect(state.status?.text == "Calling Anna de Vries: cold call (t changes it)")
        let effects = F.press([.char("t")], &state, at: 5)
        #expect(state.live?.call.callType == "discovery")
        #expect(state.live?.meter.targets == CallType.discovery.targets)
        #expect(state.status?.text == "Call type: discovery · share ≤ 43% · 11–14 questions")
        #expect(effects.contains { if case .checkpoint(let c) = $0 { c.call.callType == "discovery" } else { false } })
        expectShows(F.screen(state), "Anna de Vries · discovery · 0:05")
    }

    @Test func iAndOCountQuestionsWithTheirTimeAndThePanelShowsTheSpread() throws {
        var state = F.state()
        F.press([.enter, .char("p")], &state, at: 0)
        F.press([.char("i")], &state, at: 10)
        F.press([.char("i")], &state, at: 20)
        F.press([.char("o")], &state, at: 30)
        let effects = F.press([.char("i")], &state, at: 80)
        let call = try #require(state.live?.call)
        #expect(call.questions == [
            QuestionMark(by: .me, at: 10), QuestionMark(by: .me, at: 20), QuestionMark(by: .prospect, at: 30),
            QuestionMark(by: .me, at: 80),
        ])
        #expect(state.status?.text == "Question 3 of 3–6")
        // Saved at once, like a talk key.
        #expect(effects.contains { if case .checkpoint(let c) = $0 { c.call.questions.count == 4 } else { false } })
        _ = update(&state, .tick(F.at(90)))
        // 90 s so far: thirds of 30 s hold 2, 0 and 1 of my questions.
        expectShows(F.screen(state), "Questions 3 · 2·0·1 · aim 3–6 · they 1")
    }

    @Test func whileTheyTalkThePanelSaysHowLongTheirStoryHasRun() {
        var state = F.state()
        F.press([.enter, .char("p")], &state, at: 0)
        _ = update(&state, .tick(F.at(72)))
        let screen = F.screen(state)
        // The floor line counts it; the rows below say it is the longest and long enough.
        expectShows(screen, "They are talking · 1:12")
        expectShows(screen, "Let them talk. A real story.")
        expectShows(screen, "Their longest story: now · aim 0:30")
    }

    @Test func aResumedCallKeepsItsTypeAndTargets() throws {
        var state = F.state()
        F.press([.enter, .char("t"), .char("t")], &state, at: 0)
        let checkpoint = try #require(state.liveCheckpoint(at: F.at(3)))
        var after = F.state()
        _ = update(&after, .resumed(checkpoint, prospect: nil, F.at(10)))
        F.press([.char("r")], &after, at: 11)
        #expect(after.live?.call.callType == "demo")
        #expect(after.live?.meter.targets == CallType.demo.targets)
    }
}
