import CallboardAudio
import CallboardCore
import Foundation
import Testing

@testable import CallboardAudioSources

@Suite struct AudioSourceTests {
    @Test func aWAVFileIsReadInFramesOf20ms() throws {
        let folder = try TemporaryFolder()
        for rate in [8000, 16000, 44100, 48000] {
            let samples = (0..<(rate / 2)).map { Float(sin(Double($0) / 10)) * 0.5 }
            try WAVWriter.write(samples, rate: rate, to: folder.file("mic.wav"))
            var source = try WAVSource(mic: folder.file("mic.wav"))
            var frames: [AudioFrame] = []
            while let frame = try source.nextFrame() { frames.append(frame) }
            #expect(frames.count == 25)
            #expect(frames[1].start.seconds == 0.02)
            #expect(frames[0].mic.count == rate / 50)
            #expect(abs(frames[0].mic[5] - samples[5]) < 0.0001)
            #expect(frames[0].line == nil)
        }
    }

    @Test func theShorterRecordingIsPaddedWithSilence() throws {
        let folder = try TemporaryFolder()
        try WAVWriter.write([Float](repeating: 0.1, count: 16000), rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write([Float](repeating: 0.1, count: 8000), rate: 16000, to: folder.file("line.wav"))
        var source = try WAVSource(mic: folder.file("mic.wav"), line: folder.file("line.wav"))
        var frames: [AudioFrame] = []
        while let frame = try source.nextFrame() { frames.append(frame) }
        #expect(frames.count == 50)
        #expect(frames.last?.line?.allSatisfy { $0 == 0 } == true)
    }

    @Test func otherFormatsAreRefusedWithWhatToDo() throws {
        let folder = try TemporaryFolder()
        let samples = [Float](repeating: 0, count: 1600)
        func problem(_ write: () throws -> Void) throws -> String {
            try write()
            do {
                _ = try WAVSource(mic: folder.file("x.wav"))
                return "accepted"
            } catch {
                return error.description
            }
        }
        let stereo = try problem { try WAVWriter.write(samples, rate: 16000, to: folder.file("x.wav"), channels: 2) }
        #expect(stereo.contains("2-channel audio") && stereo.contains("sox in.wav -b 16 -c 1 -r 16000 out.wav"))
        #expect(try problem { try WAVWriter.write(samples, rate: 22050, to: folder.file("x.wav")) }.contains("22050 Hz"))
        #expect(try problem { try WAVWriter.write(samples, rate: 16000, to: folder.file("x.wav"), bits: 24) }.contains("24-bit"))
        #expect(try problem { try WAVWriter.write(samples, rate: 16000, to: folder.file("x.wav"), format: 3) }.contains("floating-point"))
        #expect(try problem { try Data("ID3 not a wave file".utf8).write(to: URL(fileURLWithPath: folder.file("x.wav"))) }.contains("is not a WAV file"))
        #expect(throws: AudioSourceError.unreadable(file: folder.file("none.wav"), reason: "no such file")) {
            try WAVSource(mic: folder.file("none.wav"))
        }
        try WAVWriter.write(samples, rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write(samples, rate: 8000, to: folder.file("line.wav"))
        #expect(throws: AudioSourceError.rateMismatch(mic: 16000, line: 8000)) {
            try WAVSource(mic: folder.file("mic.wav"), line: folder.file("line.wav"))
        }
    }

    @Test func withoutPulseAudioHandsFreeSaysSoInASentence() {
        #expect(throws: AudioSourceError.self) { try PulseSimple.load(name: "libpulse-simple-absent.so.0") }
        do {
            _ = try PulseSimple.load(name: "libpulse-simple-absent.so.0")
        } catch {
            #expect(error.description.hasPrefix("Hands-free needs PulseAudio or PipeWire (libpulse-simple.so.0)"))
            #expect(error.description.contains("the talk keys work as always"))
        }
    }

    @Test func aDeviceThatCannotBeOpenedIsNamed() throws {
        // Where the library is installed: with no server, or no such device, the error
        // names the device. Where it is not, the missing library is the answer.
        do {
            _ = try PulseCapture(mic: "callboard-test-no-such-source", line: nil, clock: ManualClock())
            Issue.record("a source that does not exist was opened")
        } catch {
            switch error {
            case .pulseAudio(let device, _): #expect(device == "callboard-test-no-such-source")
            case .noPulseAudio: break
            default: Issue.record("unexpected: \(error)")
            }
        }
    }

    @Test func liveDetectionReportsFromItsThreadWhatTheDetectorFinds() throws {
        let folder = try TemporaryFolder()
        let call = SyntheticCall(
            lines: [.init(speaker: .me, start: 0.5, end: 3), .init(speaker: .prospect, start: 4, end: 7)], length: 8)
        let audio = call.render(leak: -30)
        try WAVWriter.write(audio.mic, rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write(audio.line, rate: 16000, to: folder.file("line.wav"))
        let collected = Collected<SpeakerChange>()
        let detection = LiveDetection(
            source: try WAVSource(mic: folder.file("mic.wav"), line: folder.file("line.wav")),
            onChange: { collected.add($0) })
        detection.wait()
        #expect(collected.all.map(\.speaker) == [.silence, .me, .silence, .prospect, .silence])
    }

    @Test func liveDetectionWarnsOnceWhenThereIsNoHeadset() throws {
        let folder = try TemporaryFolder()
        let call = SyntheticCall(
            lines: [.init(speaker: .prospect, start: 0.5, end: 6), .init(speaker: .me, start: 7, end: 9)], length: 10)
        let audio = call.render(leak: -4)
        try WAVWriter.write(audio.mic, rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write(audio.line, rate: 16000, to: folder.file("line.wav"))
        let warnings = Collected<String>()
        let detection = LiveDetection(
            source: try WAVSource(mic: folder.file("mic.wav"), line: folder.file("line.wav")), onChange: { _ in },
            onWarning: { warnings.add($0) })
        detection.wait()
        #expect(warnings.all == [SpeakerDetector.noHeadsetWarning])
    }

    /// What a detection thread handed over, read from the test's.
    final class Collected<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value] = []
        func add(_ value: Value) { lock.withLock { values.append(value) } }
        var all: [Value] { lock.withLock { values } }
    }
}
