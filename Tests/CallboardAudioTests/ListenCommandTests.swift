import CallboardAudio
import CallboardCore
import Foundation
import Testing

/// `callboard listen`, the built binary, on recordings made from numbers.
@Suite struct ListenCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let built = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            built.appendingPathComponent("callboard"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("callboard"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func listen(_ arguments: [String], temp: String) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["listen"] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": temp, "HOME": temp]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func itPrintsTheTurnsAndHowOftenTheyMatchTheTruthAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let call = SyntheticCall(
            lines: [.init(speaker: .me, start: 0.5, end: 4), .init(speaker: .prospect, start: 5, end: 9)], length: 10)
        let audio = call.render(leak: -30)
        try WAVWriter.write(audio.mic, rate: 16000, to: folder.file("mic.wav"))
        try WAVWriter.write(audio.line, rate: 16000, to: folder.file("line.wav"))
        try Data("0.5 4 me\n# the prospect answers\n5\t9\tprospect\n".utf8).write(to: URL(fileURLWithPath: folder.file("truth.txt")))
        let temp = folder.file("tmp")
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let text = try listen(
            ["--mic", folder.file("mic.wav"), "--line", folder.file("line.wav"), "--truth", folder.file("truth.txt")],
            temp: temp)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("0:00.5–0:04.0  me"), "\(text.stdout)")
        #expect(text.stdout.contains("prospect"))
        #expect(text.stdout.contains("my share 47 %"), "\(text.stdout)")
        #expect(text.stdout.contains("against the truth: 100.0 % of the time right"), "\(text.stdout)")

        let json = try listen(["--mic", folder.file("mic.wav"), "--line", folder.file("line.wav"), "--format", "json"], temp: temp)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["switches"] as? Int == 1)
        #expect((object?["segments"] as? [Any])?.count == 5)
        #expect(object?.keys.contains("patience_s") == true)
        #expect(object?["warnings"] as? [String] == [])

        // Nothing recorded, nothing kept: no new file beside the recordings or in TMPDIR.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp).isEmpty)
    }

    @Test func aRecordingItCannotReadIsRefusedWithWhatToDo() throws {
        let folder = try TemporaryFolder()
        try WAVWriter.write([Float](repeating: 0, count: 1600), rate: 16000, to: folder.file("stereo.wav"), channels: 2)
        let stereo = try listen(["--mic", folder.file("stereo.wav")], temp: folder.path)
        #expect(stereo.status == 65)
        #expect(stereo.stderr.contains("2-channel audio; callboard reads 16-bit PCM mono WAV"))
        let missing = try listen(["--mic", folder.file("none.wav")], temp: folder.path)
        #expect(missing.status == 66)
        try WAVWriter.write([Float](repeating: 0, count: 1600), rate: 16000, to: folder.file("mic.wav"))
        try Data("0 1 someone\n".utf8).write(to: URL(fileURLWithPath: folder.file("truth.txt")))
        let truth = try listen(["--mic", folder.file("mic.wav"), "--truth", folder.file("truth.txt")], temp: folder.path)
        #expect(truth.status == 65)
        #expect(truth.stderr.contains("line 1: the speaker must be me, prospect or silence"))
    }
}
