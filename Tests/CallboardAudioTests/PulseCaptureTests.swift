import CallboardAudio
import CallboardCore
import Foundation
import Testing

@testable import CallboardAudioSources

/// Capture through a real PulseAudio server: the two sides of a call played with `paplay`
/// into two null sinks, captured from their monitors. Runs where `PULSE_SERVER` names a
/// server that has sinks `callboard_mic` and `callboard_line` (scripts/pulse-test.sh sets
/// one up); skipped elsewhere.
@Suite struct PulseCaptureTests {
    static let server = ProcessInfo.processInfo.environment["PULSE_SERVER"]

    @Test(.enabled(if: server != nil, "needs a PulseAudio server with null sinks: run scripts/pulse-test.sh"))
    func aCallPlayedIntoNullSinksIsHeardFromTheirMonitors() throws {
        let folder = try TemporaryFolder()
        let call = SyntheticCall(
            lines: [.init(speaker: .me, start: 0.8, end: 3), .init(speaker: .prospect, start: 4, end: 6.5)], length: 7.5)
        let audio = call.render(leak: -35)
        try WAVWriter.write(audio.mic, rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write(audio.line, rate: 16000, to: folder.file("line.wav"))

        let clock = SystemMonotonicClock()
        let capture = try PulseCapture(mic: "callboard_mic.monitor", line: "callboard_line.monitor", clock: clock)
        let collected = AudioSourceTests.Collected<SpeakerChange>()
        let detection = LiveDetection(source: capture, onChange: { collected.add($0) })
        let players = try ["mic", "line"].map { name in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestCalls.find("paplay") ?? "/usr/bin/paplay")
            process.arguments = ["--device=callboard_\(name)", folder.file("\(name).wav")]
            try process.run()
            return process
        }
        for player in players { player.waitUntilExit() }
        Thread.sleep(forTimeInterval: 1.5)
        detection.stop()
        let talkers = collected.all.map(\.speaker).filter { $0 != .silence }
        #expect(talkers == [.me, .prospect], "\(collected.all)")
    }
}

/// The system's monotonic clock, for live capture.
struct SystemMonotonicClock: MonotonicClock {
    func now() -> MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicInstant(seconds: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
    }
}
