import CallboardCore
import CallboardStore
import Foundation
import Testing

/// The `command` and `system` dialers and the after-call command, in the real binary,
/// with scripts that record what they were given.
@Suite(.serialized) struct DialerEndToEndTests {
    /// A number no shell should ever see: spaces, quotes and a command substitution.
    static let oddNumber = #"+1 555 "0101" $(touch /tmp/callboard-pwned) 'x'"#
    static let odd = Prospect(
        id: "p-odd", name: "Odd Number", company: "Quote & Co", phone: oddNumber, timeZone: "UTC", createdAt: Date())

    /// A folder of scripts that record their arguments, one per line, in `args.txt`.
    final class Recorder {
        let folder: URL
        var log: URL { folder.appendingPathComponent("args.txt") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-dialer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["record-call", "xdg-open"] {
                try write(name, "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(log.path)'")
            }
        }

        func write(_ name: String, _ body: String) throws {
            let url = folder.appendingPathComponent(name)
            try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        }

        func arguments(within seconds: Double = 10) throws -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = try? String(contentsOf: log, encoding: .utf8), text.hasSuffix("\n") {
                    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw TmuxSession.Failure(description: "the dialer was not run within \(seconds) s")
        }

        var path: String { "\(folder.path):/usr/bin:/bin" }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func theCommandDialerGetsTheNumberAsOneArgumentOfData() throws {
        let recorder = try Recorder()
        let fixture = try DashboardFixture(
            prospects: [Self.odd], config: #"{ "dialer": "command", "dialCommand": "record-call --dial" }"#)
        let session = try fixture.start(extra: ["PATH": recorder.path])
        try session.waitFor(text: "Odd Number")
        try session.send("Enter")
        try session.waitFor(text: "Odd Number · cold call · 0:")
        #expect(try recorder.arguments() == ["--dial", Self.oddNumber])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/callboard-pwned"))
    }

    @Test func theSystemDialerHandsATelLinkToXdgOpen() throws {
        let recorder = try Recorder()
        let london = Prospect(
            id: "p-london", name: "Lena London", company: "Thames Ltd", phone: "+44 (20) 5555-0014", timeZone: "UTC",
            createdAt: Date())
        let fixture = try DashboardFixture(prospects: [london], config: #"{ "dialer": "system" }"#)
        let session = try fixture.start(extra: ["PATH": recorder.path])
        try session.waitFor(text: "Lena London")
        try session.send("Enter")
        try session.waitFor(text: "Lena London · cold call · 0:")
        #expect(try recorder.arguments() == ["tel:+442055550014"])
    }

    @Test func aDialerThatFailsLeavesNoCallAndSaysWhy() throws {
        let recorder = try Recorder()
        try recorder.write("record-call", "echo 'no phone on USB' >&2; exit 2")
        let fixture = try DashboardFixture(
            prospects: [Self.odd], config: #"{ "dialer": "command", "dialCommand": "record-call" }"#)
        let session = try fixture.start(extra: ["PATH": recorder.path])
        try session.waitFor(text: "Odd Number")
        try session.send("Enter")
        let screen = try session.waitFor(text: "Could not dial Odd Number")
        #expect(screen.contains("no phone on USB"))
        #expect(screen.contains("No call in progress"))
    }

    @Test func aHangingAfterCallCommandIsStoppedWhileTheDashboardKeepsWorking() throws {
        let recorder = try Recorder()
        try recorder.write("crm-log", "sleep 60")
        let fixture = try DashboardFixture(
            prospects: [Self.odd], config: #"{ "afterCallCommand": "crm-log", "commandTimeout": 3 }"#)
        let session = try fixture.start(extra: ["PATH": recorder.path])
        try session.waitFor(text: "Odd Number")
        try session.send("Enter")
        try session.waitFor(text: "Odd Number · cold call · 0:")
        try session.send("e")
        try session.waitFor(text: "How did the call end?")
        try session.send("1")
        try session.waitFor(text: "Enter")
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Odd Number")
        // While the command hangs, the dashboard answers keys.
        let started = Date()
        try session.send("a")
        try session.waitFor(text: "Name, company, phone or email", timeout: 2)
        try session.send("Escape")
        #expect(Date().timeIntervalSince(started) < 2)
        let failed = try session.waitFor(text: "Not handed off", timeout: 15)
        #expect(failed.contains("did not finish within 3 s"))
        try session.send("q")

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        #expect(try store.pendingHandOffs().count == 1)
    }
}
