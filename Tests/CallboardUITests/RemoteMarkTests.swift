import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Marks from outside the dashboard (`callboard mark`) act as the call's keys do, and
/// only while the meter runs.
@Suite struct RemoteMarkTests {
    @Test func eachMarkActsLikeItsTalkKey() throws {
        var byKey = F.state()
        var byRemote = F.state()
        F.press([.enter], &byKey, at: 0)
        F.press([.enter], &byRemote, at: 0)
        let keys: [(RemoteMark, Character)] = [(.prospect, "p"), (.me, "m"), (.toggle, " "), (.ask, "a"), (.hold, "s")]
        for (i, (mark, key)) in keys.enumerated() {
            let t = Double(10 * (i + 1))
            let keyed = F.press([.char(key)], &byKey, at: t)
            let remote = update(&byRemote, .remote(mark, F.at(t)))
            #expect(remote == keyed, "\(mark)")
            #expect(byRemote.refusal(of: mark) == nil)
        }
        let live = try #require(byRemote.live)
        #expect(live.meter.segments == byKey.live?.meter.segments)
        #expect(live.askMarked)
        let figures = live.figures(at: F.at(100).monotonic)
        #expect(figures.prospect == 30 && figures.me == 10 && figures.isOnHold)
    }

    @Test func withoutACallAMarkChangesNothingAndSaysWhy() {
        var state = F.state()
        let before = state
        #expect(update(&state, .remote(.me, F.at(5))).isEmpty)
        #expect(state.refusal(of: .me) == "no call in progress")
        state.now = before.now
        #expect(state == before)
    }

    @Test func aMarkWorksOverTheNoteFieldButNotOnceTheCallHasEnded() throws {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        F.type("budget", &state, at: 2)
        let effects = update(&state, .remote(.prospect, F.at(3)))
        #expect(effects.count == 1)
        // The note keeps its text and stays open.
        guard case .note(let field) = state.mode else {
            Issue.record("the note field closed: \(state.mode)")
            return
        }
        #expect(field.text == "budget")
        F.press([.enter], &state, at: 4)
        F.press([.char("e")], &state, at: 10)
        let segments = state.live?.meter.segments
        #expect(update(&state, .remote(.me, F.at(12))).isEmpty)
        #expect(state.refusal(of: .me)?.contains("ended") == true)
        #expect(state.live?.meter.segments == segments)
        #expect(try #require(state.live).figures(at: F.at(20).monotonic).me == 0)
    }

    @Test func theNamesOnTheWireAreTheCommandsArguments() {
        #expect(RemoteMark.allCases.map(\.rawValue) == ["me", "prospect", "switch", "hold", "ask"])
        #expect(RemoteMark.me.summary == "I talk")
        #expect(RemoteMark.toggle.summary == "switch")
    }
}
