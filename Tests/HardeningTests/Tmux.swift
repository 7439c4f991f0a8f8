import Foundation

/// A detached tmux session on its own server socket, killed when the value goes away.
final class Tmux {
    let tmux: String
    let socket = "callboard-hardening-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Runs `command` (a shell line; every word the test builds is quoted) at `width`×`height`.
    init(command: [String], environment: [String: String], width: Int, height: Int) throws {
        tmux = try TmuxInstalled.executable()
        let words = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = "env " + (words + command).map(Self.quote).joined(separator: " ")
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", line + "; echo EXIT=$?; sleep 600"])
    }

    /// An interactive bash with job control, for Ctrl-Z and `fg`.
    init(shellWith environment: [String: String], width: Int, height: Int) throws {
        tmux = try TmuxInstalled.executable()
        let words = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = "env " + words.map(Self.quote).joined(separator: " ") + " bash --norc --noprofile -i"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", line])
    }

    deinit { _ = try? run(["kill-server"]) }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    func screen() throws -> String { try run(["capture-pane", "-t", "t", "-p"]) }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw PseudoTerminal.Failure(description: "\"\(text)\" never appeared; the screen was:\n\(last)")
    }

    /// tmux started straight, with every signal unblocked and at its default: a server
    /// started from a test thread's blocked mask never hears SIGCHLD and hangs.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw PseudoTerminal.Failure(description: "tmux \(arguments.prefix(3).joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Runs the binary to its end with stdin from /dev/null; returns status and stderr.
func runCallboard(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = try Binaries.callboard()
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
