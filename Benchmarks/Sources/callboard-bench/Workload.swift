import Foundation

/// The two stores every measure runs on, built by the real binary's `generate` command so
/// anyone can open the same workload in the dashboard.
struct Workload {
    let binary: URL
    let root: URL
    var empty: URL { root.appendingPathComponent("empty", isDirectory: true) }
    var threeYears: URL { root.appendingPathComponent("three-years", isDirectory: true) }
    var home: URL { root.appendingPathComponent("home", isDirectory: true) }

    static let prospects = 10_000
    static let calls = 35_000

    /// Builds the stores under `root` unless a finished build is already there.
    func prepare(fresh: Bool) throws {
        let done = root.appendingPathComponent("ready-\(Self.prospects)-\(Self.calls)")
        if fresh { try? FileManager.default.removeItem(at: root) }
        if FileManager.default.fileExists(atPath: done.path) { return }
        try? FileManager.default.removeItem(at: root)
        for folder in [empty, home, home.appendingPathComponent("config")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        chmod(empty.path, 0o700)
        let started = Date()
        let process = Process()
        process.executableURL = binary
        process.arguments = [
            "generate", "--store", threeYears.path, "--prospects", "\(Self.prospects)",
            "--calls", "\(Self.calls)", "--seed", "1",
        ]
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PseudoTerminal.Failure(description: "callboard generate exited with \(process.terminationStatus)")
        }
        print(String(format: "generated the 3-year store in %.1f s", Date().timeIntervalSince(started)))
        _ = FileManager.default.createFile(atPath: done.path, contents: nil)
    }

    /// A private HOME and configuration, so the seller's own settings never bend a figure.
    var environment: [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.path, "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    /// Removes the checkpoint a measured call leaves, so the next start opens on the queue.
    func clearLiveCall(in store: URL) {
        try? FileManager.default.removeItem(at: store.appendingPathComponent("live-call.json"))
    }
}
