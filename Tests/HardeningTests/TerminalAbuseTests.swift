import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real dashboard under resize storms, job control, signals and odd terminals: no
/// crash, the terminal given back, the live call checkpointed.
@Suite("Terminal abuse", .timeLimit(.minutes(6)))
struct TerminalAbuseTests {
    /// Starts the dashboard on three prospects with a call live.
    static func liveCall(_ scratch: Scratch, environment: [String: String]? = nil) throws -> PseudoTerminal {
        try scratch.seed(Scratch.prospects(3))
        let terminal = try scratch.dashboard(environment: environment)
        _ = try terminal.waitFor(" calls")
        terminal.type("\r")
        terminal.pump(for: 0.3)
        terminal.type("m")
        terminal.pump(for: 0.2)
        return terminal
    }

    static func expectCheckpointed(_ scratch: Scratch) throws {
        let store = try Store(directory: scratch.store, zone: .current, access: .readOnly)
        let checkpoint = try store.checkpoint()
        #expect(checkpoint != nil, "the live call was not checkpointed")
    }

    @Test func resizeStormDownToOneByOne() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let terminal = try Self.liveCall(scratch)
        var random = SeededRandom(seed: TestSeed.pick("TerminalAbuseTests.resizeStorm", default: TestSeed.drawn))
        for step in 0..<400 {
            let small = step % 10 == 0
            terminal.resize(
                width: small ? 1 : Int.random(in: 1...220, using: &random),
                height: small ? 1 : Int.random(in: 1...70, using: &random))
            if step % 20 == 0 { terminal.pump(for: 0.005) }
        }
        terminal.resize(width: 100, height: 30)
        terminal.pump(for: 1.0)
        #expect(terminal.isRunning, "the dashboard died in the resize storm")
        // Still answering keys: a note dialog opens and closes.
        let before = terminal.output.count
        terminal.type("p")
        terminal.pump(for: 0.4)
        #expect(terminal.output.count > before, "no redraw after the storm")
        kill(terminal.pid, SIGTERM)
        _ = terminal.finish()
        let restored = PseudoTerminal.contains(terminal.output, Sequences.leaveAlternateScreen)
        #expect(restored, "the terminal was not given back")
        try Self.expectCheckpointed(scratch)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func signalMidCallRestoresAndCheckpoints(signal: Int32) throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let terminal = try Self.liveCall(scratch)
        let before = terminal.output.count
        kill(terminal.pid, signal)
        _ = terminal.finish()
        #expect(!terminal.isRunning)
        let after = Array(terminal.output[before...])
        let restored = PseudoTerminal.contains(after, Sequences.leaveAlternateScreen)
        #expect(restored, "the terminal was not given back")
        try Self.expectCheckpointed(scratch)
    }

    /// Closing the terminal window: the pty goes away under the program.
    @Test func terminalClosedMidCall() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let terminal = try Self.liveCall(scratch)
        let pid = terminal.pid
        terminal.hangUp()
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0, !PseudoTerminal.isZombie(pid), Date() < deadline { usleep(20_000) }
        _ = terminal.finish(timeout: 1)
        #expect(Date() < deadline, "the dashboard kept running after its terminal closed")
        try Self.expectCheckpointed(scratch)
    }

    /// Ctrl-Z in a shell with job control stops the dashboard; `fg` brings it back.
    @Test func suspendAndResume() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try scratch.seed(Scratch.prospects(3))
        let tmux = try Tmux(shellWith: scratch.environment(), width: 100, height: 30)
        try tmux.type("PS1='ready> '; \(Tmux.quote(try Binaries.callboard().path)) --store \(Tmux.quote(scratch.store.path))")
        try tmux.send("Enter")
        try tmux.waitFor(" calls")
        try tmux.send("Enter")
        try tmux.send("m")
        usleep(300_000)
        try tmux.send("C-z")
        try tmux.waitFor("ready> ")
        try Self.expectCheckpointed(scratch)
        try tmux.type("fg")
        try tmux.send("Enter")
        try tmux.waitFor(" calls")
        try tmux.send("C-c")
        try tmux.waitFor("ready> ")
    }

    @Test func dumbTerminalIsRefusedClearly() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try scratch.seed(Scratch.prospects(1))
        let terminal = try scratch.dashboard(environment: scratch.environment(term: "dumb"))
        let status = terminal.finish()
        #expect(status != 0)
        #expect(terminal.text.lowercased().contains("dumb"), "no clear message: \(terminal.text)")
    }

    @Test(arguments: ["C", "POSIX", "en_US.ISO-8859-1"])
    func notUTF8Locale(locale: String) throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try scratch.seed([Prospect(id: ProspectID("p1"), name: "Zoë 山田", phone: "+1 555 0100", createdAt: Date())])
        let terminal = try scratch.dashboard(environment: scratch.environment(locale: locale))
        _ = try terminal.waitFor(" calls")
        terminal.type("q")
        #expect(terminal.finish() == 0)
    }

    /// No terminal on stdin at all: a clear error and a non-zero status, never a hang.
    @Test func stdinClosedOrNotATerminal() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try scratch.seed(Scratch.prospects(1))
        let notATerminal = try runCallboard(["--store", scratch.store.path], environment: scratch.environment())
        #expect(notATerminal.status != 0 && notATerminal.status < 128)
        #expect(!notATerminal.output.isEmpty)

        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" --store \"$1\" <&-", try Binaries.callboard().path, scratch.store.path]
        shell.environment = scratch.environment()
        let output = Pipe()
        shell.standardOutput = output
        shell.standardError = output
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus != 0 && shell.terminationStatus < 128, "status \(shell.terminationStatus)")
        #expect(!text.isEmpty)
    }
}
