import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The loop beside slow work, and the remote for marks, in the real binary under tmux.
@Suite(.serialized, .timeLimit(.minutes(6))) struct RuntimeEndToEndTests {
    static let anna = Prospect(
        id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
        email: "anna@example.de", createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    static let bruno = Prospect(
        id: "p-bruno", name: "Bruno Keller", company: "Keller AG", phone: "+41 44 1234567",
        createdAt: Date(timeIntervalSince1970: 1_790_000_100))

    /// `S` pipes the follow-up to a send command that hangs for 25 s. Meanwhile the next
    /// call starts and its timer runs; Ctrl-C then ends the dashboard at once, gives the
    /// terminal back and takes the send command, and what it started, down with it.
    @Test func aHungSendCommandLeavesTheDashboardAliveAndCtrlCEndsItAtOnce() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna, Self.bruno])
        let session = try Self.sendFollowUpThroughAHangingCommand(fixture, timeout: 120)
        let sendPID = try Self.waitForPID(fixture.root.appendingPathComponent("send.pid"))
        let sleepPID = try Self.waitForPID(fixture.root.appendingPathComponent("sleep.pid"))

        // Keys work and the clock runs while the send command hangs.
        try session.send("Enter")
        let first = try session.waitFor("the call's timer") { Self.timer(after: "Bruno Keller · ", in: $0) != nil }
        let shown = Self.timer(after: "Bruno Keller · ", in: first)
        try session.waitFor("the call's timer to move on", timeout: 5) {
            Self.timer(after: "Bruno Keller · ", in: $0).map { $0 >= (shown ?? 0) + 2 } ?? false
        }
        #expect(Self.isRunning(sendPID), "the send command ended on its own: the test proves nothing")

        let pressed = Date()
        try session.send("C-c")
        let end = try session.waitFor(text: "EXIT=", timeout: 10)
        let took = Date().timeIntervalSince(pressed)
        print("Ctrl-C during a hung send: the dashboard was gone after \(Int(took * 1000)) ms")
        #expect(end.contains("EXIT=130"))
        #expect(took < 3, "Ctrl-C took \(took) s")
        #expect(try session.value("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(try session.value("#{cursor_flag}") == "1", "the cursor is still hidden")
        #expect(!Self.isRunning(sendPID), "the send command outlived the dashboard")
        #expect(!Self.isRunning(sleepPID), "what the send command started outlived the dashboard")

        // The call under way was saved on the way out; the unsent draft waits in the outbox.
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        #expect(try store.checkpoint()?.call.prospectID == Self.bruno.id)
        #expect(try store.outboxMessages().count == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.storeDirectory.appendingPathComponent("control.sock").path))
    }

    /// A send command past `commandTimeout` is stopped, and the seller is told.
    @Test func aSendCommandPastItsTimeoutIsStoppedAndTheSellerTold() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna, Self.bruno])
        let session = try Self.sendFollowUpThroughAHangingCommand(fixture, timeout: 1)
        let sendPID = try Self.waitForPID(fixture.root.appendingPathComponent("send.pid"))
        let screen = try session.waitFor(text: "did not finish within 1 s and was stopped", timeout: 10)
        #expect(screen.contains("Not sent. The send command"))
        #expect(!Self.isRunning(sendPID))
        // Still pending: the follow-ups list offers it again.
        try session.send("f")
        try session.waitFor(text: "Anna Berg")
        try session.send("Escape")
        try session.send("q")
        try session.waitFor(text: "Quit?")
        try session.send("y")
        #expect(try session.waitFor(text: "EXIT=").contains("EXIT=0"))
    }

    /// Configures a send command that starts a 25-second sleep and waits for it, ends a
    /// call with Anna and presses `S` on its follow-up.
    static func sendFollowUpThroughAHangingCommand(_ fixture: DashboardFixture, timeout: Double) throws -> TmuxSession {
        let send = fixture.root.appendingPathComponent("hanging-send")
        let text = """
            #!/bin/sh
            sleep 25 &
            echo $! > "\(fixture.root.path)/sleep.pid"
            echo $$ > "\(fixture.root.path)/send.pid"
            wait
            """
        try Data(text.utf8).write(to: send)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: send.path)
        let config = #"{ "sellerName": "Sam Seller", "sellerEmail": "sam@example.com", "sendCommand": "\#(send.path)", "#
            + #""commandTimeout": \#(timeout) }"#
        try Data(config.utf8).write(to: fixture.configHome.appendingPathComponent("callboard/config.json"))

        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        Thread.sleep(forTimeInterval: 1.2)
        try endCall(session, askedForReferrals: true, thenOnTheEmail: "S")
        return session
    }

    /// `e`, the referral question, no referrals, "not interested", then `key` on the email.
    static func endCall(_ session: TmuxSession, askedForReferrals asked: Bool, thenOnTheEmail key: String) throws {
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send(asked ? "y" : "n")
        if asked {
            try session.waitFor(text: "Enter on an empty line")
            try session.send("Enter")
        }
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        try session.waitFor(text: "Thank-you email")
        // Keys within 0.3 s of an email coming on screen are ignored.
        Thread.sleep(forTimeInterval: 0.4)
        try session.send(key)
    }

    /// `callboard mark` from another process: on screen well within a frame, and in the
    /// call's saved segments.
    @Test func marksFromAnotherProcessShowAtOnceAndLandInTheSavedCall() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")

        let early = try Self.mark("me", fixture)
        #expect(early.status == 75)
        #expect(early.output.contains("The dashboard did not take the mark: no call in progress."))

        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        var latencies: [Double] = []
        for (word, shows) in [("prospect", "They are talking"), ("me", "I am talking"), ("hold", "On hold")] {
            let sent = Date()
            let result = try Self.mark(word, fixture)
            #expect(result.status == 0, "mark \(word): \(result.output)")
            try session.waitFor(text: shows, timeout: 5)
            latencies.append(Date().timeIntervalSince(sent))
            if word != "hold" { Thread.sleep(forTimeInterval: 1) }
        }
        #expect(try Self.mark("prospect", fixture).output.contains("Marked: they talk."))
        #expect(try Self.mark("ask", fixture).output.contains("Marked: asked who else might be interested."))
        try session.waitFor(text: "Referral ask marked")
        #expect(try Self.mark("ask", fixture).output.contains("Marked: the referral ask taken back."))
        try session.waitFor(text: "Referral ask unmarked")
        print("callboard mark, from starting the command to the mark on screen: "
            + latencies.map { "\(Int($0 * 1000)) ms" }.joined(separator: ", "))
        // 100 ms is the aim; a loaded machine gets slack. The figure is printed above.
        #expect(latencies.allSatisfy { $0 < 1 }, "marks took \(latencies) s to show")

        try session.send("s")
        try Self.endCall(session, askedForReferrals: false, thenOnTheEmail: "x")
        try session.waitFor(text: "Saved the call with Anna Berg")
        try session.send("q")
        #expect(try session.waitFor(text: "EXIT=").contains("EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: fixture.storeDirectory.appendingPathComponent("control.sock").path))

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let call = try #require(try store.calls(on: CalendarDay(containing: Date(), in: .current)).first)
        #expect(call.seconds(of: .prospect) > 0.8, "their talk: \(call.segments)")
        #expect(call.seconds(of: .me) > 0.8, "my talk: \(call.segments)")
    }

    @Test func aMarkWithNoDashboardSaysSoAndExits69() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let result = try Self.mark("me", fixture)
        #expect(result.status == 69)
        #expect(result.output.contains("No callboard dashboard is running for the store at \(fixture.storeDirectory.path)"))
        // A socket left by a killed dashboard is no dashboard either.
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        let child = try Self.dashboardPID(session)
        #expect(kill(child, SIGKILL) == 0)
        try session.waitFor(text: "EXIT=")
        #expect(FileManager.default.fileExists(atPath: fixture.storeDirectory.appendingPathComponent("control.sock").path))
        let stale = try Self.mark("prospect", fixture)
        #expect(stale.status == 69)
        #expect(stale.output.contains("No callboard dashboard is running"))
    }

    /// The socket is the owner's alone (0600 in a 0700 folder); past that, the peer's user
    /// is checked too. Opened up on purpose here, another user is still refused.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anotherUsersMarkIsRefused() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        let socket = fixture.storeDirectory.appendingPathComponent("control.sock").path
        var info = stat()
        #expect(lstat(socket, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(chmod(fixture.root.path, 0o711) == 0 && chmod(fixture.storeDirectory.path, 0o711) == 0)
        #expect(chmod(socket, 0o666) == 0)
        let result = try Spawn.run(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/env", "HOME=/nonexistent",
             try DashboardFixture.binary().path, "mark", "me", "--store", fixture.storeDirectory.path])
        #expect(result.status == 75, "\(result.output)")
        #expect(result.output.contains("only the user running the dashboard"))
        let screen = try session.screen()
        #expect(!screen.contains("I am talking"))
        try session.send("C-c")
        try session.waitFor(text: "EXIT=")
    }

    static func mark(_ word: String, _ fixture: DashboardFixture) throws -> Spawn.Result {
        let environment = fixture.environment().map { "\($0.key)=\($0.value)" }
        return try Spawn.run(
            "/usr/bin/env", environment + [try DashboardFixture.binary().path, "mark", word, "--store", fixture.storeDirectory.path])
    }

    static func dashboardPID(_ session: TmuxSession) throws -> pid_t {
        let pane = try session.value("#{pane_pid}")
        let child = try Spawn.run("/usr/bin/env", ["pgrep", "-P", pane]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(child) else { throw TmuxSession.Failure(description: "no dashboard under the pane (\(child))") }
        return pid
    }

    static func waitForPID(_ file: URL, timeout: Double = 10) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            usleep(50_000)
        }
        throw TmuxSession.Failure(description: "\(file.lastPathComponent) was never written: the send command did not start")
    }

    /// Alive and not a zombie; a zombie is given a moment to be reaped.
    static func isRunning(_ pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(2)
        repeat {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].hasPrefix(" Z") { return false }
            usleep(50_000)
        } while Date() < deadline
        return true
    }

    /// The seconds of an "m:ss" timer shown right after `label`.
    /// The talk panel's timer on the line that starts with `label` (the prospect's name),
    /// after the call's type when it shows one: "Bruno Keller · follow-up · 0:07".
    static func timer(after label: String, in screen: String) -> Int? {
        guard let range = screen.range(of: label) else { return nil }
        let line = screen[range.upperBound...].prefix { $0 != "\n" }
        guard let last = line.range(of: #"\d+:\d\d"#, options: .regularExpression) else { return nil }
        let rest = line[last]
        let parts = rest.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return parts[0] * 60 + parts[1]
    }
}
