import Foundation

/// The two stores every measure runs on, built by the real binary's `generate` command so
/// anyone can open the same workload in the dashboard.
struct Workload {
    let binary: URL
    let root: URL
    var empty: URL { root.appendingPathComponent("empty", isDirectory: true) }
    var threeYears: URL { root.appendingPathComponent("three-years", isDirectory: true) }
    var oneYear: URL { root.appendingPathComponent("one-year", isDirectory: true) }
    var tenYears: URL { root.appendingPathComponent("ten-years", isDirectory: true) }
    /// Filled by the 100,000-row import; every prospect in it is due.
    var allDue: URL { root.appendingPathComponent("all-due", isDirectory: true) }
    func csv(rows: Int) -> URL { root.appendingPathComponent("import-\(rows).csv") }
    /// A Swift program that prints one line: the floor every start is compared with.
    var helloWorld: URL { root.appendingPathComponent("hello") }
    var home: URL { root.appendingPathComponent("home", isDirectory: true) }

    static let prospects = 10_000
    static let calls = 35_000
    /// Prospects for 1 and 10 years of 48 calls a business day, chosen so each store's
    /// queue today is a few hundred, as in the 3-year one.
    static let stores: [(folder: String, prospects: Int, calls: Int)] = [
        ("one-year", 3_800, 12_000), ("three-years", prospects, calls), ("ten-years", 33_400, 120_000),
    ]

    /// Builds the stores under `root` unless a finished build is already there.
    func prepare(fresh: Bool) throws {
        let done = root.appendingPathComponent("ready-2-\(Self.prospects)-\(Self.calls)")
        if fresh { try? FileManager.default.removeItem(at: root) }
        if FileManager.default.fileExists(atPath: done.path) { return }
        try? FileManager.default.removeItem(at: root)
        for folder in [empty, home, home.appendingPathComponent("config")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        chmod(empty.path, 0o700)
        for (folder, prospects, calls) in Self.stores {
            let started = Date()
            try run(binary, [
                "generate", "--store", root.appendingPathComponent(folder).path, "--prospects", "\(prospects)",
                "--calls", "\(calls)", "--seed", "1",
            ])
            print(String(format: "generated %@ in %.1f s", folder, Date().timeIntervalSince(started)))
        }
        for rows in [10_000, 100_000] { try ImportFile.write(rows: rows, to: csv(rows: rows)) }
        let source = root.appendingPathComponent("hello.swift")
        try Data("print(\"hello\")\n".utf8).write(to: source)
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["swiftc", "-O", source.path, "-o", helloWorld.path])
        _ = FileManager.default.createFile(atPath: done.path, contents: nil)
    }

    private func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PseudoTerminal.Failure(
                description: "\(executable.lastPathComponent) \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
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
