import CallboardAudio
import CallboardAudioSources
import CallboardCore
import Foundation
import Testing

/// The detector against the calls `scripts/make-test-calls.sh` makes: two espeak-ng voices
/// laid out by a script (20 turns, backchannels, an interruption, long pauses), shaped by
/// sox into a phone line, room noise and the leaks of a headset, earbuds and laptop
/// speakers. CI installs both tools (`.ci/run`); without them here the test says so and
/// skips.
@Suite struct TestCallsTests {
    static var missing: [String] { ["espeak-ng", "sox", "soxi"].filter { TestCalls.find($0) == nil } }

    /// The thresholds each headset case is held to.
    static let rightShare = 0.95
    static let switchesPerTwoMinutes = 2.0
    static let sharePoints = 3.0
    static let monologueSeconds = 1.5

    struct Case: CustomTestStringConvertible, Sendable {
        var mic: String
        var line: String
        var testDescription: String { "\(mic) with \(line)" }
    }

    static let headsetCases = [
        Case(mic: "mic-35.wav", line: "line.wav"),  // closed headset
        Case(mic: "mic-15.wav", line: "line.wav"),  // earbuds
        Case(mic: "mic-quiet.wav", line: "line.wav"),  // a quiet talker, 12 dB down
        Case(mic: "mic-35.wav", line: "line-echo.wav"),  // my voice echoed on the line
    ]

    @Test(.enabled(if: missing.isEmpty, "needs espeak-ng and sox: sudo apt-get install espeak-ng sox"))
    func headsetCallsAreLabelledAsTheScriptSays() throws {
        let calls = try TestCalls.make()
        for test in Self.headsetCases {
            let found = try calls.listen(test)
            let truth = calls.truth
            let score = DetectionScore(found: found.timeline, truth: truth)
            let mine = ListenReport(timeline: truth, duration: calls.length, warnings: [], hasLine: true).figures
            let theirs = found.figures
            let extraPerTwoMinutes = Double(score.extraSwitches) * 120 / calls.length
            let shareGap = abs((theirs.myShare ?? 0) - (mine.myShare ?? 0)) * 100
            let monologueGap = abs(theirs.longestMonologue - mine.longestMonologue)
            print(
                String(
                    format: "test call %@: %.1f %% right, %d extra switches in %.0f s, my share %.1f / %.1f, "
                        + "longest monologue %.1f / %.1f s, patience %@ / %@",
                    test.testDescription, score.accuracy * 100, score.extraSwitches, calls.length,
                    (theirs.myShare ?? 0) * 100, (mine.myShare ?? 0) * 100, theirs.longestMonologue,
                    mine.longestMonologue, found.patience.map { String(format: "%.2f", $0) } ?? "none",
                    TalkPatience.median(in: truth.segments).map { String(format: "%.2f", $0) } ?? "none"))
            #expect(score.accuracy >= Self.rightShare, "\(test.testDescription)")
            #expect(extraPerTwoMinutes <= Self.switchesPerTwoMinutes, "\(test.testDescription)")
            #expect(shareGap <= Self.sharePoints, "\(test.testDescription)")
            #expect(monologueGap <= Self.monologueSeconds, "\(test.testDescription)")
            #expect(found.warnings.isEmpty, "\(test.testDescription)")
        }
    }

    @Test(.enabled(if: missing.isEmpty, "needs espeak-ng and sox: sudo apt-get install espeak-ng sox"))
    func laptopSpeakersGiveTheHeadsetWarning() throws {
        let calls = try TestCalls.make()
        let found = try calls.listen(Case(mic: "mic-speakers.wav", line: "line.wav"))
        #expect(found.warnings.contains(SpeakerDetector.noHeadsetWarning))
        #expect(found.warnings.first?.hasPrefix("use a headset: the call audio reaches your microphone") == true)
    }
}

/// The calls made for one test, in a folder of their own, removed after it.
final class TestCalls {
    let folder: TemporaryFolder
    let truth: SpeakerTimeline
    let length: Double

    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func make() throws -> TestCalls {
        do {
            let folder = try TemporaryFolder()
            try run(root.appendingPathComponent("scripts/make-test-calls.sh").path, [folder.path])
            let truth = try TruthLabels.parse(try String(contentsOfFile: folder.file("truth.txt"), encoding: .utf8))
            let length = Double(try String(contentsOfFile: folder.file("length.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? truth.duration
            // The truth ends with the last voice; the call one second later.
            var segments = truth.segments
            if length > truth.duration { segments.append(TalkSegment(speaker: .silence, start: truth.duration, end: length)) }
            return TestCalls(folder: folder, truth: SpeakerTimeline(segments: segments), length: length)
        }
    }

    private init(folder: TemporaryFolder, truth: SpeakerTimeline, length: Double) {
        self.folder = folder
        self.truth = truth
        self.length = length
    }

    /// The detector over one case, as `callboard listen` runs it.
    func listen(_ test: TestCallsTests.Case) throws -> ListenReport {
        var source = try WAVSource(mic: folder.file(test.mic), line: folder.file(test.line))
        var detector = SpeakerDetector()
        var changes: [SpeakerChange] = []
        var end = MonotonicInstant(seconds: 0)
        while let frame = try source.nextFrame() {
            changes += detector.listen(to: frame)
            end = frame.start + frame.duration
        }
        changes += detector.finish()
        let timeline = SpeakerTimeline(changes: changes, from: MonotonicInstant(seconds: 0), to: end)
        return ListenReport(timeline: timeline, duration: end.seconds, warnings: detector.warnings, hasLine: true)
    }

    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program without a shell and waits for it.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(
                description: "\(program) exited \(process.terminationStatus): \(String(decoding: said, as: UTF8.self))")
        }
    }
}
