import CallboardAudio
import CallboardCore
import Foundation
import Testing

@testable import CallboardAudioSources

/// `callboard audio sources` and `callboard audio test`: the parts that need no sound
/// server (the end-to-end tests run both against a private PulseAudio server).
@Suite struct AudioCommandTests {
    static let shortSources = """
        0\talsa_output.pci.analog-stereo.monitor\tmodule-alsa-card.c\ts16le 2ch 44100Hz\tSUSPENDED
        1\talsa_input.usb-headset.mono-fallback\tmodule-alsa-card.c\ts16le 1ch 16000Hz\tRUNNING
        2\tcallboard_line.monitor\tmodule-null-sink.c\ts16le 2ch 44100Hz\tIDLE
        3\tevil\u{1B}[2J.monitor\tmodule-null-sink.c\ts16le 2ch 44100Hz\tIDLE
        """
    static let info = """
        Server String: /run/user/1000/pulse/native
        Default Sink: callboard_line
        Default Source: alsa_input.usb-headset.mono-fallback
        """

    @Test func sourcesAndMonitorsAreToldApartWithTheDefaultsMarked() {
        let devices = AudioDevices.parse(shortSources: Self.shortSources, info: Self.info)
        #expect(devices.map(\.name) == [
            "alsa_output.pci.analog-stereo.monitor", "alsa_input.usb-headset.mono-fallback", "callboard_line.monitor",
            "evil[2J.monitor",
        ])
        #expect(devices.filter(\.isDefault).map(\.name) == ["alsa_input.usb-headset.mono-fallback", "callboard_line.monitor"])
        #expect(devices.filter(\.isMonitor).count == 3)
        // A device name from the sound server never carries an escape to the terminal.
        #expect(!devices.contains { $0.name.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func withoutPactlTheSentenceSaysWhatToInstall() {
        #expect(throws: AudioDevices.Unavailable.self) {
            try AudioDevices.list(searchPath: "/nonexistent", environment: [:])
        }
        do {
            _ = try AudioDevices.list(searchPath: "/nonexistent", environment: [:])
        } catch {
            #expect(error.description.contains("sudo apt-get install pulseaudio-utils"))
        }
    }

    /// Two seconds of me, then two of the call audio leaking in at `leak` dB.
    func check(leak: Double) -> AudioCheck.Report {
        var check = AudioCheck()
        let gain = Float(pow(10, leak / 20))
        for i in 0..<300 {
            let t = Double(i) * 0.02
            // Syllables: 200 ms of tone, 100 ms of pause.
            let voiced = (i % 15) < 10
            let tone: [Float] = (0..<320).map { n in voiced ? 0.2 * sin(Float(n) * 0.12) : 0 }
            let noise: [Float] = (0..<320).map { n in 0.0005 * sin(Float(n * 7919 % 320)) }
            let mine = i < 150
            let mic = zip(tone, noise).map { mine ? $0 + $1 : gain * $0 + $1 }
            let line = zip(tone, noise).map { mine ? $1 : $0 + $1 }
            check.add(AudioFrame(sampleRate: 16000, start: MonotonicInstant(seconds: t), mic: mic, line: line))
        }
        return check.report()
    }

    @Test func aClosedHeadsetMeasuresItsLeakAndPasses() throws {
        let report = check(leak: -35)
        let leak = try #require(report.leak)
        #expect(leak < -25)
        #expect(report.warnings.isEmpty)
        #expect(report.mic.soundSeconds > 1)
        #expect((report.line?.soundSeconds ?? 0) > 1)
        #expect(abs(report.seconds - 6) < 0.01)
    }

    @Test func speakersLeakingIntoTheMicrophoneGiveTheHeadsetWarning() {
        let report = check(leak: -4)
        #expect(report.warnings.contains(SpeakerDetector.noHeadsetWarning))
        #expect((report.leak ?? -100) > -10)
    }

    @Test func aSilentMicrophoneIsSaidToBeSilent() {
        var check = AudioCheck()
        for i in 0..<100 {
            check.add(
                AudioFrame(
                    sampleRate: 16000, start: MonotonicInstant(seconds: Double(i) * 0.02),
                    mic: [Float](repeating: 0, count: 320), line: [Float](repeating: 0, count: 320)))
        }
        let report = check.report()
        #expect(report.warnings.contains { $0.hasPrefix("the microphone heard almost nothing") })
        #expect(report.warnings.contains { $0.hasPrefix("the call audio was silent") })
        #expect(report.leak == nil)
    }
}
