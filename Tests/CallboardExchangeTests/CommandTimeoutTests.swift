import Foundation
import Testing

@testable import CallboardExchange

#if canImport(Glibc)
    import Glibc
#endif

/// A send command that hangs must not hang the dashboard: it is stopped at its timeout, or
/// at once when the dashboard closes, and whatever it started goes with it.
@Suite(.timeLimit(.minutes(6))) final class CommandTimeoutTests {
    let folder: URL
    let runner: CommandRunner

    init() throws {
        folder = try Fixture.temporaryFolder()
        runner = CommandRunner(searchPath: folder.path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A script that starts a long sleep, writes its own pid and the sleep's, and waits;
    /// `prelude` runs first (a trap, say).
    func hangingScript(prelude: String = "") throws -> String {
        let script = folder.appendingPathComponent("hang")
        let text = """
            #!/bin/sh
            \(prelude)
            sleep 25 &
            echo $! > "\(folder.path)/sleep.pid"
            echo $$ > "\(folder.path)/script.pid"
            wait
            """
        try Data(text.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        return "hang"
    }

    func pid(_ name: String) -> pid_t? {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Gone, or a zombie waiting for init to reap it.
    static func isGone(_ pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].hasPrefix(" Z") { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func aCommandPastItsTimeoutIsStoppedWithWhatItStarted() throws {
        let command = try hangingScript()
        var thrown: CommandRunner.Failure?
        let started = Date()
        do {
            _ = try runner.run(command, input: Data("message".utf8), timeout: 0.5)
        } catch {
            thrown = error
        }
        let took = Date().timeIntervalSince(started)
        #expect(thrown == .timedOut(folder.appendingPathComponent("hang").path, seconds: 0.5))
        #expect(thrown?.description.contains("did not finish within 0.5 s and was stopped") == true)
        #expect(took < 0.5 + CommandRunner.stopGrace, "stopping took \(took) s")
        for name in ["script.pid", "sleep.pid"] {
            let child = try #require(pid(name), "the script did not write \(name)")
            #expect(Self.isGone(child), "\(name) \(child) still runs")
        }
    }

    @Test func aCommandThatIgnoresSIGTERMIsKilledAfterTheGrace() throws {
        let command = try hangingScript(prelude: "trap '' TERM")
        let started = Date()
        #expect(throws: CommandRunner.Failure.self) {
            try self.runner.run(command, input: Data(), timeout: 0.3)
        }
        let took = Date().timeIntervalSince(started)
        #expect(took >= 0.3 + CommandRunner.stopGrace - 0.1 && took < 0.3 + CommandRunner.stopGrace + 2, "took \(took) s")
        for name in ["script.pid", "sleep.pid"] {
            let child = try #require(pid(name))
            #expect(Self.isGone(child), "\(name) \(child) still runs")
        }
    }

    @Test func cancellingStopsARunningCommandAtOnceAndStartsNoOther() throws {
        let command = try hangingScript()
        let cancellation = CommandCancellation()
        let runner = runner
        let done = DispatchSemaphore(value: 0)
        let result = Result()
        Thread {
            do {
                _ = try runner.run(command, input: Data(), timeout: 60, cancellation: cancellation)
            } catch {
                result.failure = error as? CommandRunner.Failure
            }
            done.signal()
        }.start()
        let deadline = Date().addingTimeInterval(5)
        while pid("sleep.pid") == nil, Date() < deadline { usleep(10_000) }
        let started = Date()
        cancellation.cancel()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(result.failure == .cancelled(folder.appendingPathComponent("hang").path))
        let sleeper = try #require(pid("sleep.pid"))
        #expect(Self.isGone(sleeper))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("sleep.pid"))
        #expect(throws: CommandRunner.Failure.cancelled(folder.appendingPathComponent("hang").path)) {
            try runner.run(command, input: Data(), cancellation: cancellation)
        }
        #expect(pid("sleep.pid") == nil, "a cancelled runner started a program")
    }

    /// A program that exits without reading a large input, and one that reads it all and
    /// answers on stderr: neither hangs.
    @Test func largeInputIsWrittenOrDroppedWithoutBlocking() throws {
        let big = Data(repeating: UInt8(ascii: "x"), count: 1_000_000)
        let quitter = folder.appendingPathComponent("quitter")
        try Data("#!/bin/sh\nexit 3\n".utf8).write(to: quitter)
        let counter = folder.appendingPathComponent("counter")
        try Data("#!/bin/sh\nwc -c >&2\n".utf8).write(to: counter)
        for file in [quitter, counter] {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: file.path)
        }
        #expect(try runner.run("quitter", input: big, timeout: 10).status == 3)
        let counted = try runner.run("counter", input: big, timeout: 10)
        #expect(counted.succeeded)
        #expect(counted.errorOutput.trimmingCharacters(in: .whitespaces) == "1000000")
    }

    /// A script still open for writing somewhere (an editor saving it; a child another
    /// thread started inherited the descriptor) cannot run for a moment: the run waits for
    /// it instead of failing with "Text file busy".
    @Test func aScriptStillBeingWrittenRunsOnceItIsClosed() throws {
        let script = folder.appendingPathComponent("busy")
        #expect(FileManager.default.createFile(atPath: script.path, contents: nil, attributes: [.posixPermissions: 0o700]))
        let writer = try FileHandle(forWritingTo: script)
        try writer.write(contentsOf: Data("#!/bin/sh\nexit 4\n".utf8))
        let closing = Thread { Thread.sleep(forTimeInterval: 0.15); try? writer.close() }
        closing.start()
        #expect(try runner.run("busy", input: Data(), timeout: 10).status == 4)
    }

    final class Result: @unchecked Sendable {
        var failure: CommandRunner.Failure?
    }
}
