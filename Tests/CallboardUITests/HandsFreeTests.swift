import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Hands-free: speaker changes heard on the headset mark the meter like the talk keys,
/// and a key always wins.
@Suite struct HandsFreeTests {
    /// A call with Anna started at 0 s, hands-free on or off.
    func call(handsFree: Bool = true, keySeconds: Double = 5) -> AppState {
        var state = AppFixture.state()
        state.settings.handsFree = handsFree
        state.settings.handsFreeKeySeconds = keySeconds
        AppFixture.press([.enter], &state, at: 0)
        return state
    }

    func heard(_ speaker: Speaker, _ state: inout AppState, onset t: Double, arriving later: Double = 1) {
        _ = update(&state, .tick(AppFixture.at(t + later)))
        _ = update(&state, .speakerDetected(speaker, AppFixture.at(t)))
    }

    func figures(_ state: AppState, at t: Double) -> TalkFigures? {
        state.live?.figures(at: AppFixture.at(t).monotonic)
    }

    @Test func aDetectedSpeakerMarksTheMeterFromItsOnset() {
        var state = call()
        heard(.me, &state, onset: 2)
        heard(.prospect, &state, onset: 6)
        heard(.silence, &state, onset: 9)
        let f = figures(state, at: 10)
        #expect(f?.me == 4)
        #expect(f?.prospect == 3)
        #expect(f?.silence == 3)
        #expect(state.live?.handsFree.detectedMarks == 3)
        #expect(state.live?.handsFree.markedBy == .handsFree)
        // The clock on screen did not go back for an event dated in the past.
        #expect(state.now == AppFixture.at(10))
    }

    @Test func withHandsFreeOffDetectionChangesNothing() {
        var state = call(handsFree: false)
        heard(.me, &state, onset: 2)
        #expect(figures(state, at: 5)?.me == 0)
        #expect(state.live?.handsFree.detectedMarks == 0)
    }

    @Test func aTalkKeyWinsForAFewSeconds() {
        var state = call(keySeconds: 5)
        heard(.me, &state, onset: 1)
        AppFixture.press([.char("p")], &state, at: 10)
        // Heard at onsets within 5 s of the key: ignored, the seller said otherwise.
        heard(.me, &state, onset: 9.5)
        heard(.me, &state, onset: 12)
        #expect(figures(state, at: 15)?.speaker == .prospect)
        // After that, detection marks again.
        heard(.me, &state, onset: 16)
        #expect(figures(state, at: 18)?.speaker == .me)
        #expect(state.live?.handsFree.overrides == 1)
        #expect(state.live?.handsFree.markedBy == .mixed)
    }

    @Test func holdPausesDetectionUntilTheNextTalkKey() {
        var state = call(keySeconds: 1)
        AppFixture.press([.char("s")], &state, at: 2)
        #expect(state.status?.text == "On hold: hands-free listens again after m or p")
        heard(.me, &state, onset: 30)
        #expect(figures(state, at: 32)?.isOnHold == true)
        AppFixture.press([.char("m")], &state, at: 40)
        heard(.prospect, &state, onset: 45)
        #expect(figures(state, at: 47)?.speaker == .prospect)
    }

    @Test func detectionStopsInTheEndOfCallDialogs() {
        var state = call()
        heard(.prospect, &state, onset: 2)
        AppFixture.press([.char("e")], &state, at: 5)
        heard(.me, &state, onset: 6)
        #expect(state.live?.speakerAtHangUp == .prospect)
        #expect(state.live?.handsFree.detectedMarks == 1)
    }

    @Test func detectionGoesOnWhileANoteIsTyped() {
        var state = call()
        AppFixture.press([.char("n")], &state, at: 1)
        heard(.prospect, &state, onset: 2)
        #expect(figures(state, at: 4)?.speaker == .prospect)
    }

    @Test func theTalkPanelSaysHandsFreeIsListening() {
        var state = call(keySeconds: 5)
        _ = update(&state, .tick(AppFixture.at(1)))
        expectShows(AppFixture.screen(state), "Hands-free: listening")
        AppFixture.press([.char("m")], &state, at: 2)
        _ = update(&state, .tick(AppFixture.at(3)))
        expectShows(AppFixture.screen(state), "Hands-free: your key wins for 4 s")
        AppFixture.press([.char("s")], &state, at: 4)
        expectShows(AppFixture.screen(state), "Hands-free paused: m or p listens again")
        expectHides(AppFixture.screen(call(handsFree: false)), "Hands-free")
    }
}
