import CallboardAudio
import CallboardAudioSources
import CallboardCore
import Foundation
import Testing

/// A call with real speech: two espeak-ng voices laid out by a script, the line
/// band-limited to a telephone's 300–3400 Hz by sox and leaked into the microphone.
/// CI installs both tools (`.ci/run`); without them here the test says so and skips.
@Suite struct SpokenCallTests {
    static let tools = ["espeak-ng", "sox"].map { ($0, SpokenCall.find($0)) }
    static var missing: [String] { tools.filter { $0.1 == nil }.map(\.0) }

    @Test(.enabled(if: missing.isEmpty, "needs espeak-ng and sox: sudo apt-get install espeak-ng sox"))
    func twoSpokenVoicesAreLabelledRightNineTimesInTen() throws {
        let folder = try TemporaryFolder()
        let call = try SpokenCall.make(in: folder)
        // CALLBOARD_AUDIO_OUT=DIR keeps the recordings and the truth there, for
        // `callboard listen --mic DIR/mic-15.wav --line DIR/line.wav --truth DIR/truth.txt`.
        let keep = ProcessInfo.processInfo.environment["CALLBOARD_AUDIO_OUT"]
        if let keep {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: keep + "/line.wav")
            try FileManager.default.copyItem(atPath: call.linePath, toPath: keep + "/line.wav")
            let labels = call.truth.segments.map { String(format: "%.3f\t%.3f\t%@", $0.start, $0.end, $0.speaker.rawValue) }
            try Data((labels.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: keep + "/truth.txt"))
        }
        for leak in [-35.0, -15.0] {
            let mic = folder.file("mic\(Int(leak)).wav")
            try WAVWriter.write(call.mic(leak: leak), rate: 16000, to: mic)
            if let keep {
                try? FileManager.default.removeItem(atPath: keep + "/mic\(Int(leak)).wav")
                try FileManager.default.copyItem(atPath: mic, toPath: keep + "/mic\(Int(leak)).wav")
            }
            var source = try WAVSource(mic: mic, line: call.linePath)
            var detector = SpeakerDetector()
            var changes: [SpeakerChange] = []
            while let frame = try source.nextFrame() { changes += detector.listen(to: frame) }
            changes += detector.finish()
            let found = SpeakerTimeline(
                changes: changes, from: MonotonicInstant(seconds: 0), to: MonotonicInstant(seconds: call.length))
            let score = DetectionScore(found: found, truth: call.truth)
            print(
                "spoken call (espeak-ng), leak \(Int(leak)) dB: \(String(format: "%.1f", score.accuracy * 100)) % right, "
                    + "\(score.extraSwitches) extra switches")
            #expect(score.accuracy >= 0.9, "leak \(leak) dB\nfound \(found.segments)\ntruth \(call.truth.segments)")
            #expect(detector.warnings.isEmpty)
        }
    }
}

struct SpokenCall {
    var truth: SpeakerTimeline
    var length: Double
    var me: [Float]
    var line: [Float]
    var linePath: String

    /// The microphone: my voice, the line leaking in at `leak` dB, and room noise.
    func mic(leak: Double) -> [Float] {
        var random = SeededRandom(seed: 11)
        let gain = Float(pow(10, leak / 20))
        let noise = Float(pow(10, -60.0 / 20) * sqrt(3.0))
        return (0..<me.count).map { me[$0] + gain * line[$0] + noise * Float.random(in: -1...1, using: &random) }
    }

    /// Who says what, and the pause before it (negative: talking over the last line).
    struct Turn {
        var speaker: Speaker
        var text: String
        var gap: Double
        /// Said this far into the previous line, as a backchannel.
        var backchannelAt: Double? = nil
    }

    static let script: [Turn] = [
        Turn(speaker: .me, text: "Hi, this is Sam from Callboard. Did I catch you at a bad time?", gap: 0.5),
        Turn(speaker: .prospect, text: "No, it's fine, I have a few minutes. What is this about?", gap: 0.6),
        Turn(speaker: .me, text: "You asked about our pilot last month. How are orders handled today?", gap: 0.7),
        Turn(
            speaker: .prospect,
            text: "Honestly, it is a mess. Orders come in by email, somebody types them into the system, "
                + "and every week one of them gets lost between the two. Last month we lost a big one.",
            gap: 0.5),
        Turn(speaker: .me, text: "Mm hmm.", gap: 0, backchannelAt: 4.0),
        Turn(speaker: .me, text: "That sounds painful. Who feels it most when an order goes missing?", gap: 0.6),
        Turn(speaker: .prospect, text: "Our customer service team, and then me, when the customer calls.", gap: 2.0),
        Turn(speaker: .me, text: "Right, and how do you find out that an order was lost?", gap: 0.5),
        Turn(
            speaker: .prospect,
            text: "Usually the customer tells us, which is the worst way to find out, and it takes days to fix.",
            gap: 0.8),
        Turn(speaker: .me, text: "I see. Would it help to see how others catch them on the day?", gap: -0.9),
        Turn(speaker: .prospect, text: "Yes, send me something and let us talk next week.", gap: 0.7),
    ]

    static func make(in folder: TemporaryFolder) throws -> SpokenCall {
        var lines: [SyntheticCall.Line] = []
        var clips: [(Speaker, Double, [Float])] = []
        var cursor = 0.0
        var previousStart = 0.0
        for (index, turn) in script.enumerated() {
            let samples = try say(turn.text, as: turn.speaker, in: folder, index: index)
            let seconds = Double(samples.count) / 16000
            let start = turn.backchannelAt.map { previousStart + $0 } ?? max(0, cursor + turn.gap)
            clips.append((turn.speaker, start, samples))
            lines.append(.init(speaker: turn.speaker, start: start, end: start + seconds, isBackchannel: turn.backchannelAt != nil))
            if turn.backchannelAt == nil {
                cursor = start + seconds
                previousStart = start
            }
        }
        let length = cursor + 1
        let count = Int(length * 16000)
        var me = [Float](repeating: 0, count: count)
        var line = [Float](repeating: 0, count: count)
        for (speaker, start, samples) in clips {
            let offset = Int(start * 16000)
            for (i, s) in samples.enumerated() where offset + i < count {
                if speaker == .me { me[offset + i] += s } else { line[offset + i] += s }
            }
        }
        // The line as a phone delivers it: band-limited, with a little noise of its own.
        let raw = folder.file("line-raw.wav")
        let phone = folder.file("line.wav")
        try WAVWriter.write(line, rate: 16000, to: raw)
        try run("sox", [raw, "-b", "16", phone, "sinc", "300-3400"])
        var phoneSource = try WAVSource(mic: phone)
        var filtered: [Float] = []
        while let frame = try phoneSource.nextFrame() { filtered += frame.mic }
        filtered = Array((filtered + [Float](repeating: 0, count: max(0, count - filtered.count))).prefix(count))
        return SpokenCall(
            truth: SyntheticCall(lines: lines, length: length).truth, length: length, me: me, line: filtered,
            linePath: phone)
    }

    /// One line spoken, at 16 kHz, its leading and trailing silence trimmed.
    static func say(_ text: String, as speaker: Speaker, in folder: TemporaryFolder, index: Int) throws -> [Float] {
        let spoken = folder.file("say\(index).wav")
        let trimmed = folder.file("say\(index)-16k.wav")
        let voice = speaker == .me ? ["-v", "en-us", "-p", "40", "-s", "170"] : ["-v", "en-gb+f3", "-p", "65", "-s", "160"]
        try run("espeak-ng", voice + ["-w", spoken, text])
        try run(
            "sox",
            [spoken, "-b", "16", "-c", "1", trimmed, "rate", "16000", "vol", "0.5", "silence", "1", "0.02", "0.5%",
             "reverse", "silence", "1", "0.02", "0.5%", "reverse"])
        var source = try WAVSource(mic: trimmed)
        var samples: [Float] = []
        while let frame = try source.nextFrame() { samples += frame.mic }
        return samples
    }

    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool without a shell and waits for it.
    static func run(_ tool: String, _ arguments: [String]) throws {
        guard let executable = find(tool) else { throw ToolFailed(description: "\(tool) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}
