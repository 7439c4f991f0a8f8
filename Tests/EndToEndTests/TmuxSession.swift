import Foundation
import Testing

/// A detached tmux session on its own server socket, so a test never touches another
/// test's session or the user's tmux. The session is killed when the value goes away.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let tmux: String
    let socket: String
    let name = "cb"

    /// Starts `arguments` (run directly, no shell) in a window of `width`×`height`. When
    /// the program ends the pane shows `EXIT=<status>` and stays open for inspection.
    init(arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        tmux = try TmuxInstalled.executable()
        socket = "callboard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        // tmux hands the command to sh; every word is quoted so none is interpreted.
        let words = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = (words + arguments).map(Self.quote).joined(separator: " ")
        _ = try run([
            "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
            "env \(command); echo EXIT=$?; sleep 600",
        ])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Sends tmux key names ("Enter", "p", "C-c").
    func send(_ keys: String...) throws {
        _ = try run(["send-keys", "-t", name] + keys)
    }

    /// Sends text literally, byte for byte.
    func type(_ text: String) throws {
        _ = try run(["send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        _ = try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text, one line per row.
    func screen() throws -> String { try run(["capture-pane", "-t", name, "-p"]) }

    /// The screen with its colours and attributes as escape sequences.
    func styledScreen() throws -> String { try run(["capture-pane", "-t", name, "-p", "-e"]) }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    func value(_ format: String) throws -> String {
        try run(["display-message", "-t", name, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds, and returns that screen.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw Failure(description: "Timed out after \(timeout) s waiting for \(what). The screen was:\n\(last)")
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    private static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
