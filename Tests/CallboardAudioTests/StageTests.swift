import CallboardAudio
import CallboardCore
import Foundation
import Testing

@Suite struct StageTests {
    func sine(_ frequency: Double, amplitude: Float, count: Int = 320, rate: Double = 16000) -> [Float] {
        (0..<count).map { amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / rate)) }
    }

    @Test func aFrameLevelIsItsPowerAndItsZeroCrossings() {
        let full = FrameLevel(sine(200, amplitude: 1))
        #expect(abs(full.decibels - -3.01) < 0.1)
        #expect(abs(full.zeroCrossings - 400.0 / 16000) < 0.005)
        #expect(FrameLevel([Float](repeating: 0, count: 320)).decibels == FrameLevel.floorDB)
        var random = SeededRandom(seed: 1)
        let hiss = (0..<320).map { _ in Float.random(in: -0.5...0.5, using: &random) }
        #expect(FrameLevel(hiss).zeroCrossings > 0.4)
    }

    @Test func voiceIsWellAboveTheFloorAndNotHiss() {
        var detector = EnergyVoiceDetector()
        var random = SeededRandom(seed: 2)
        func noise(_ level: Float) -> [Float] { (0..<320).map { _ in level * Float.random(in: -1...1, using: &random) } }
        func feed(_ samples: [Float]) -> Bool { detector.isVoice(samples[...], level: FrameLevel(samples)) }
        // A second of room noise: never voice.
        #expect((0..<50).map { _ in feed(noise(0.001)) }.allSatisfy { !$0 })
        // A voice 30 dB above it: voice.
        let tone = zip(sine(150, amplitude: 0.1), noise(0.001)).map { $0 + $1 }
        #expect(feed(tone))
        // Loud hiss is not voice, however loud.
        #expect((0..<10).map { _ in feed(noise(0.3)) }.allSatisfy { !$0 })
    }

    @Test func theGateLearnsTheLeakAndKeepsItOutOfMyTalk() {
        var gate = CrossTalkGate()
        let line = FrameLevel(decibels: -20, zeroCrossings: 0.02)
        let leaked = FrameLevel(decibels: -35, zeroCrossings: 0.02)
        // The mic hears the prospect 15 dB down, loud enough to pass its own detector.
        for _ in 0..<200 {
            let heard = gate.decide(micVoice: true, mic: leaked, lineVoice: true, line: line)
            #expect(!heard.me)
            #expect(heard.prospect)
        }
        #expect(abs(gate.leak.value - -15) < 0.5)
        // Talking over them clearly louder than the leak: me.
        let mine = FrameLevel(decibels: -18, zeroCrossings: 0.02)
        #expect(gate.decide(micVoice: true, mic: mine, lineVoice: true, line: line).me)
        #expect(!gate.soundsLikeNoHeadset)
    }

    @Test func myVoiceEchoedLateOnTheLineIsNotTheProspect() {
        var gate = CrossTalkGate()
        // Syllables of mine: 200 ms at -20 dB, 100 ms pauses; the line returns them 160 ms
        // late at -18 dB below, so the echo is loudest just as my voice pauses.
        func micLevel(_ i: Int) -> Double { i % 15 < 10 ? -20 : -60 }
        var prospectFrames = 0
        for i in 0..<1500 {
            let echoOf = i - 8
            let line = echoOf >= 0 && micLevel(echoOf) > -60 ? -38.0 : -70.0
            let heard = gate.decide(
                micVoice: micLevel(i) > -60, mic: FrameLevel(decibels: micLevel(i), zeroCrossings: 0.05),
                lineVoice: line > -70, line: FrameLevel(decibels: line, zeroCrossings: 0.05))
            if heard.prospect, i > 100 { prospectFrames += 1 }
        }
        #expect(prospectFrames == 0)
        // The prospect talking clearly over me still counts.
        let over = gate.decide(
            micVoice: true, mic: FrameLevel(decibels: -20, zeroCrossings: 0.05), lineVoice: true,
            line: FrameLevel(decibels: -18, zeroCrossings: 0.05))
        #expect(over.prospect)
    }

    @Test func theFloorTrackerFillsPausesAndIgnoresBackchannels() {
        var tracker = FloorTracker()
        var changes: [SpeakerChange] = []
        // Me for 3 s, a 0.5 s pause, me for 2 s, with a 0.3 s prospect burst in the middle.
        func frame(_ i: Int) -> FloorTracker.Heard {
            let t = Double(i) * 0.02
            let me = (t < 3) || (t >= 3.5 && t < 5.5)
            let prospect = t >= 4 && t < 4.3
            return FloorTracker.Heard(me: me, prospect: prospect, at: MonotonicInstant(seconds: t))
        }
        for i in 0..<400 { changes += tracker.add(frame(i)) }
        changes += tracker.finish()
        #expect(changes.map(\.speaker) == [.me, .silence])
        #expect(changes.last.map { abs($0.at.seconds - 5.5) < 0.001 } == true)
    }
}

/// The talk panel's meters: a few reports a second at most, none while nothing changes.
@Suite struct InputLevelWatchTests {
    func frame(_ at: Double, mic: Float, line: Float?) -> AudioFrame {
        let samples = 320
        func tone(_ amplitude: Float) -> [Float] { (0..<samples).map { amplitude * sin(Float($0) * 0.3) } }
        return AudioFrame(
            sampleRate: 16000, start: MonotonicInstant(seconds: at), mic: tone(mic), line: line.map(tone))
    }

    @Test func levelsAreReportedAtMostFiveTimesASecondAndOnlyWhenTheyChangeStep() {
        var watch = InputLevelWatch()
        var reports: [InputLevels] = []
        // 3 s of a steady voice on both inputs: one report.
        for i in 0..<150 {
            if let r = watch.add(frame(Double(i) * 0.02, mic: 0.1, line: 0.03)) { reports.append(r) }
        }
        #expect(reports.count == 1)
        // A level that changes every frame is still reported at most 5 times a second.
        for i in 0..<50 {
            if let r = watch.add(frame(3 + Double(i) * 0.02, mic: i % 2 == 0 ? 0.5 : 0.0001, line: Float(i % 5) * 0.1)) {
                reports.append(r)
            }
        }
        #expect(reports.count <= 1 + 5)
        #expect(reports.count >= 2)
        // A dead microphone reads step 0.
        for i in 0..<20 {
            if let r = watch.add(frame(4 + Double(i) * 0.02, mic: 0, line: 0.03)) { reports.append(r) }
        }
        #expect(reports.last?.mic == 0)
        #expect(reports.first?.line != nil)
    }
}
