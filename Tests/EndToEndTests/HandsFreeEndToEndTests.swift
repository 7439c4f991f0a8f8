import CallboardAudio
import CallboardCore
import CallboardStore
import Foundation
import Testing

/// Hands-free through a real sound server: a private PulseAudio with two null sinks, the
/// two sides of a made-up call played into them with `paplay`, the dashboard in tmux
/// listening to their monitors. No key marks the talk; the saved call must still say who
/// talked when, and nothing heard may be left on disk.
///
/// Needs pulseaudio, pulseaudio-utils, espeak-ng and sox; CI installs them (`.ci/run`).
@Suite(.serialized) struct HandsFreeEndToEndTests {
    static var missing: [String] {
        PrivatePulseServer.missing + ["espeak-ng", "sox", "soxi"].filter { PrivatePulseServer.find($0) == nil }
    }
    static let anna = Prospect(
        id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
        email: "anna@example.de", createdAt: Date())
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(
        .enabled(
            if: missing.isEmpty,
            "needs pulseaudio, pulseaudio-utils, espeak-ng and sox: sudo apt-get install pulseaudio pulseaudio-utils espeak-ng sox"
        ))
    func aCallTakenWithoutTouchingATalkKeyIsSavedWithItsTurnsAndNoAudio() throws {
        let server = try PrivatePulseServer()
        defer { server.stop() }
        let fixture = try DashboardFixture(
            prospects: [Self.anna],
            config: """
                { "sellerName": "Sam Seller", "handsFree": true,
                  "handsFreeMic": "callboard_mic.monitor", "handsFreeLine": "callboard_line.monitor" }
                """)
        let calls = fixture.root.appendingPathComponent("calls").path
        let made = try Spawn.run(Self.root.appendingPathComponent("scripts/make-test-calls.sh").path, [calls, "--short"])
        #expect(made.status == 0, "\(made.output)")
        let truth = try TruthLabels.parse(try String(contentsOfFile: calls + "/truth.txt", encoding: .utf8))
        // The dashboard's own temporary folder, to see that nothing is written there.
        let temp = fixture.root.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)

        let session = try fixture.start(extra: server.environment.merging(["TMPDIR": temp]) { _, new in new })
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        let entered = Date()
        try session.waitFor(text: "Hands-free: listening")
        let waited = Date().timeIntervalSince(entered)
        let players = try [("mic-35.wav", "callboard_mic"), ("line.wav", "callboard_line")].map {
            try server.play(calls + "/" + $0.0, into: $0.1)
        }
        // The meters show both inputs alive while the call plays.
        let live = try session.waitFor("both meters lit", timeout: 10) { $0.contains("mic ▮") && $0.contains("line ▮") }
        #expect(!live.contains("silent"))
        for player in players { player.waitUntilExit() }
        // The last change is decided up to a second after the voice.
        Thread.sleep(forTimeInterval: 1.5)
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        try session.waitFor("the draft") { $0.contains("Thank-you email") && $0.contains("To: ") }
        Thread.sleep(forTimeInterval: 0.4)  // keys within 0.3 s of an email are ignored
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Anna Berg")
        try session.send("q")

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let call = try #require(try store.calls(on: CalendarDay(containing: Date(), in: .current)).first)
        #expect(call.markedBy == .handsFree)
        #expect(call.keyOverrides == 0)
        // The call began a moment before the players did: find that moment, then compare.
        let found = SpeakerTimeline(segments: call.segments)
        let (shift, score) = Self.bestAlignment(found, truth)
        let mine = ListenReport(timeline: truth, duration: truth.duration, warnings: [], hasLine: true).figures
        let shifted = SpeakerTimeline(
            segments: found.segments.compactMap {
                let start = max(0, $0.start - shift), end = $0.end - shift
                return end > start ? TalkSegment(speaker: $0.speaker, start: start, end: min(end, truth.duration)) : nil
            }.filter { $0.end > $0.start })
        let theirs = ListenReport(timeline: shifted, duration: truth.duration, warnings: [], hasLine: true).figures
        print(
            String(
                format: "hands-free end to end: %.1f %% right after a %.2f s start (players %.2f s after Enter), %d extra switches, "
                    + "my share %.1f / %.1f, longest monologue %.1f / %.1f s",
                score.accuracy * 100, shift, waited, score.extraSwitches, (theirs.myShare ?? 0) * 100, (mine.myShare ?? 0) * 100,
                theirs.longestMonologue, mine.longestMonologue))
        #expect(score.accuracy >= 0.95, "\(call.segments)")
        #expect(score.extraSwitches <= 1, "\(call.segments)")
        #expect(abs((theirs.myShare ?? 0) - (mine.myShare ?? 0)) <= 0.03)
        #expect(abs(theirs.longestMonologue - mine.longestMonologue) <= 1.5)

        // Nothing heard was kept: no audio in the store, none in the temporary folder.
        for folder in [fixture.storeDirectory.path, temp] {
            for file in Self.files(under: folder) {
                #expect(!Self.looksLikeAudio(file), "\(file) looks like audio")
            }
        }
        #expect(Self.files(under: temp).isEmpty, "\(Self.files(under: temp))")
    }

    @Test(
        .enabled(
            if: missing.isEmpty,
            "needs pulseaudio, pulseaudio-utils, espeak-ng and sox: sudo apt-get install pulseaudio pulseaudio-utils espeak-ng sox"
        ))
    func audioSourcesListsTheMonitorsAndAudioTestWarnsWithoutAHeadset() throws {
        let server = try PrivatePulseServer()
        defer { server.stop() }
        _ = try server.pactl(["set-default-sink", "callboard_line"])
        let fixture = try DashboardFixture(
            prospects: [],
            config: #"{ "handsFreeMic": "callboard_mic.monitor", "handsFreeLine": "callboard_line.monitor" }"#)
        let binary = try DashboardFixture.binary().path
        let env = PrivatePulseServer.find("env") ?? "/usr/bin/env"
        let settings = fixture.environment().merging(server.environment) { _, new in new }
            .map { "\($0.key)=\($0.value)" } + ["PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"]

        let sources = try Spawn.run(env, settings + [binary, "audio", "sources"])
        #expect(sources.status == 0, "\(sources.output)")
        #expect(sources.output.contains("* callboard_line.monitor"), "\(sources.output)")
        #expect(sources.output.contains("  callboard_mic.monitor"), "\(sources.output)")

        // The call audio played into the microphone's sink too, at -6 dB: laptop speakers.
        let calls = fixture.root.appendingPathComponent("calls").path
        #expect(try Spawn.run(Self.root.appendingPathComponent("scripts/make-test-calls.sh").path, [calls, "--short"]).status == 0)
        let players = try [("mic-speakers.wav", "callboard_mic"), ("line.wav", "callboard_line")].map {
            try server.play(calls + "/" + $0.0, into: $0.1)
        }
        let test = try Spawn.run(env, settings + [binary, "audio", "test", "--seconds", "9"])
        for player in players { player.terminate() }
        #expect(test.status == 1, "\(test.output)")
        #expect(test.output.contains("Microphone (callboard_mic.monitor): sound "), "\(test.output)")
        #expect(test.output.contains("Call audio (callboard_line.monitor): sound "), "\(test.output)")
        #expect(test.output.contains("Leak of the call audio into the microphone: "), "\(test.output)")
        #expect(test.output.contains("use a headset: the call audio reaches your microphone"), "\(test.output)")
    }

    /// The shift of the found turns (0 to 4 s, in 10 ms steps) that matches the truth best.
    static func bestAlignment(_ found: SpeakerTimeline, _ truth: SpeakerTimeline) -> (Double, DetectionScore) {
        var best: (Double, DetectionScore)?
        for step in 0...400 {
            let shift = Double(step) / 100
            let moved = SpeakerTimeline(
                segments: found.segments.compactMap {
                    let start = max(0, $0.start - shift), end = $0.end - shift
                    return end > start ? TalkSegment(speaker: $0.speaker, start: start, end: end) : nil
                })
            let score = DetectionScore(found: moved, truth: truth)
            if best.map({ score.accuracy > $0.1.accuracy }) ?? true { best = (shift, score) }
        }
        return best ?? (0, DetectionScore(found: found, truth: truth))
    }

    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.map { folder + "/" + $0 }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// A WAV header, an audio file's name, or a file big enough to hold seconds of samples.
    static func looksLikeAudio(_ path: String) -> Bool {
        let name = path.lowercased()
        if [".wav", ".raw", ".pcm", ".au", ".ogg", ".flac"].contains(where: name.hasSuffix) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head == Data("RIFF".utf8)
    }
}
