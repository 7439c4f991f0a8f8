import CallboardCore
import CallboardStore
import Foundation

/// A temporary store and configuration for one end-to-end test, and the built binary.
final class DashboardFixture {
    let root: URL
    var storeDirectory: URL { root.appendingPathComponent("store", isDirectory: true) }
    var configHome: URL { root.appendingPathComponent("config", isDirectory: true) }

    /// Seeds the store with `prospects` through the store's own API, and writes
    /// `config` (JSON) as the seller's configuration file when given.
    init(prospects: [Prospect], config: String? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        do {
            // The store holds its writer's lock while open: let it go before the binary starts.
            let store = try Store(directory: storeDirectory, zone: .current)
            try store.save(prospects: prospects)
        }
        let callboardConfig = configHome.appendingPathComponent("callboard", isDirectory: true)
        try FileManager.default.createDirectory(at: callboardConfig, withIntermediateDirectories: true)
        if let config {
            try Data(config.utf8).write(to: callboardConfig.appendingPathComponent("config.json"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The environment the dashboard runs with: its own HOME and configuration, UTF-8, and
    /// line drawing as Unicode so captures read as text.
    func environment(term: String? = nil) -> [String: String] {
        var env = [
            "HOME": root.path, "XDG_CONFIG_HOME": configHome.path, "LC_ALL": "C.UTF-8",
            "NCURSES_NO_UTF8_ACS": "1", "NO_COLOR": "", "SWIFT_BACKTRACE": "enable=no",
        ]
        if let term { env["TERM"] = term }
        return env
    }

    /// Starts the dashboard on this store in a fresh tmux session; `extra` adds to the
    /// environment (an editor, say).
    func start(width: Int = 100, height: Int = 30, term: String? = nil, extra: [String: String] = [:]) throws
        -> TmuxSession
    {
        try TmuxSession(
            arguments: [try Self.binary().path, "--store", storeDirectory.path],
            environment: environment(term: term).merging(extra) { _, new in new }, width: width, height: height)
    }

    /// Runs `callboard` with `arguments` (no `--store` added) in a fresh tmux session.
    func run(_ arguments: [String], width: Int = 100, height: Int = 30, term: String? = nil) throws -> TmuxSession {
        try TmuxSession(
            arguments: [try Self.binary().path] + arguments, environment: environment(term: term), width: width,
            height: height)
    }

    /// The `callboard` executable SwiftPM built beside this test bundle.
    static func binary() throws -> URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [me.deletingLastPathComponent()]
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in candidates {
            let binary = folder.appendingPathComponent("callboard")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw TmuxSession.Failure(
            description: "The built callboard binary was not found beside the tests (looked in \(candidates.map(\.path))).")
    }
}
