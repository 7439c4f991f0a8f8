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

    @Test func aVoiceOfMineStartingJustAfterAnyKeyIsTheKeyboard() {
        var state = call()
        heard(.prospect, &state, onset: 1)
        // `i` counts a question: not a talk key, but the microphone hears it.
        AppFixture.press([.char("i")], &state, at: 20)
        heard(.me, &state, onset: 20.1)
        #expect(figures(state, at: 22)?.speaker == .prospect)
        // The prospect's voice is not the keyboard; nor is my voice a moment later.
        heard(.silence, &state, onset: 20.15)
        heard(.me, &state, onset: 20.4)
        #expect(figures(state, at: 22)?.speaker == .me)
    }

    @Test func typingANoteKeepsTheKeyboardOffTheMeter() {
        var state = call()
        heard(.prospect, &state, onset: 1)
        AppFixture.press([.char("n")], &state, at: 10)
        for (i, letter) in "budget".enumerated() {
            AppFixture.press([.char(letter)], &state, at: 10.5 + Double(i) * 0.15)
            heard(.me, &state, onset: 10.55 + Double(i) * 0.15, arriving: 0)
        }
        #expect(figures(state, at: 12)?.speaker == .prospect)
    }

    @Test func shiftHSwitchesHandsFreeForThisCall() {
        var state = call()
        AppFixture.press([.char("H")], &state, at: 1)
        #expect(state.status?.text == "Hands-free off for this call: the keys mark the talk")
        heard(.me, &state, onset: 3)
        #expect(figures(state, at: 5)?.speaker == nil)
        expectHides(AppFixture.screen(state), "Hands-free:", "mic ")
        AppFixture.press([.char("H")], &state, at: 6)
        #expect(state.status?.text == "Hands-free on for this call")
        heard(.prospect, &state, onset: 7)
        #expect(figures(state, at: 9)?.speaker == .prospect)
        // The next call starts as the configuration says.
        #expect(state.settings.handsFree)
    }

    @Test func shiftHWithoutHandsFreeSetUpSaysHow() {
        var state = call(handsFree: false)
        AppFixture.press([.char("H")], &state, at: 1)
        #expect(state.live?.handsFree.isOn == false)
        #expect(state.status?.text.contains("\"handsFree\": true in the configuration") == true)
    }

    @Test func theTalkPanelShowsBothInputLevelsAndADeadMicrophone() {
        var state = call()
        _ = update(&state, .tick(AppFixture.at(1)))
        expectShows(AppFixture.screen(state), "mic – line – (no audio yet)")
        _ = update(&state, .inputLevels(InputLevels(mic: 3, line: 2)))
        expectShows(AppFixture.screen(state), "mic ▮▮▮▯▯  line ▮▮▯▯▯")
        _ = update(&state, .inputLevels(InputLevels(mic: 0, line: 4)))
        let screen = AppFixture.screen(state)
        expectShows(screen, "mic ▯▯▯▯▯ silent  line ▮▮▮▮▯")
        #expect(screen.style(of: "silent")?.role == .bad)
        // Microphone only: one meter.
        _ = update(&state, .inputLevels(InputLevels(mic: 2, line: nil)))
        expectShows(AppFixture.screen(state), "mic ▮▮▯▯▯")
        expectHides(AppFixture.screen(state), "line ▮", "line ▯")
    }

    @Test func aLevelChangeRedrawsOnlyItsMeters() {
        var state = call()
        _ = update(&state, .tick(AppFixture.at(1)))
        _ = update(&state, .inputLevels(InputLevels(mic: 3, line: 2)))
        let before = AppFixture.screen(state)
        _ = update(&state, .inputLevels(InputLevels(mic: 4, line: 2)))
        let after = AppFixture.screen(state)
        let changed = zip(before.cells, after.cells).filter { $0 != $1 }.count
        #expect(changed == 1)
        // The same step again changes nothing at all.
        _ = update(&state, .inputLevels(InputLevels(mic: 4, line: 2)))
        #expect(AppFixture.screen(state).cells == after.cells)
    }

    @Test func theSavedCallSaysHowItWasMarkedAndHowOftenKeysOverrode() throws {
        var state = call(keySeconds: 2)
        heard(.prospect, &state, onset: 1)
        AppFixture.press([.char("m")], &state, at: 10)
        heard(.prospect, &state, onset: 20)
        AppFixture.press([.char("p")], &state, at: 30)
        // The checkpoint carries it, so a crash keeps it.
        let checkpoint = try #require(state.liveCheckpoint(at: AppFixture.at(31)))
        #expect(checkpoint.call.markedBy == .mixed)
        #expect(checkpoint.call.keyOverrides == 2)
        var resumed = AppFixture.state()
        resumed.settings.handsFree = true
        _ = update(&resumed, .resumed(checkpoint, prospect: nil, AppFixture.at(40)))
        AppFixture.press([.char("r")], &resumed, at: 41)
        AppFixture.press([.char("m")], &resumed, at: 42)
        #expect(resumed.liveCheckpoint(at: AppFixture.at(43))?.call.keyOverrides == 3)
        #expect(resumed.liveCheckpoint(at: AppFixture.at(43))?.call.markedBy == .mixed)
        // And the saved call.
        AppFixture.press([.char("e"), .char("n"), .char("8"), .enter], &resumed, at: 50)
        let effects = AppFixture.press([.char("x")], &resumed, at: 51)
        let saved = try #require(effects.compactMap { if case .fileCall(let call, _, _) = $0 { call } else { nil } }.first)
        #expect(saved.markedBy == .mixed)
        #expect(saved.keyOverrides == 3)
    }

    @Test func aCallMarkedByKeysAloneSaysSoAndCountsNoOverrides() throws {
        var state = call(handsFree: false)
        AppFixture.press([.char("m")], &state, at: 1)
        let checkpoint = try #require(state.liveCheckpoint(at: AppFixture.at(2)))
        #expect(checkpoint.call.markedBy == .keys)
        #expect(checkpoint.call.keyOverrides == nil)
    }
}
