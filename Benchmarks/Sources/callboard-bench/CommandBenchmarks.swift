import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The commands a seller runs in the shell, timed from outside with their peak memory:
/// export, range reviews, imports. Each is the real binary, output to /dev/null.
struct CommandBenchmarks {
    let workload: Workload
    let runs: Int

    struct Figure {
        var seconds: Double
        var cpuSeconds: Double
        var peakMB: Double
    }

    /// Runs `arguments` once: wall time, user + system CPU and peak resident memory.
    /// Memory comes from GNU time's report: a child started by posix_spawn (a vfork)
    /// inherits this process's high-water mark in its own, so wait4's figure never reads
    /// below the harness's size.
    static func measure(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Figure {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else {
            return try spawn(executable, arguments, environment: environment)
        }
        let report = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("callboard-bench-time-\(getpid())")
        defer { try? FileManager.default.removeItem(at: report) }
        var figure = try spawn(time, ["-f", "%M %U %S", "-o", report.path, executable.path] + arguments, environment: environment)
        let fields = ((try? String(contentsOf: report, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
        if fields.count >= 3, let kb = Double(fields[0]), let user = Double(fields[1]), let system = Double(fields[2]) {
            figure.peakMB = kb / 1024
            figure.cpuSeconds = user + system
        }
        return figure
    }

    static func spawn(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Figure {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, envp) == 0 else {
            throw PseudoTerminal.Failure(description: "\(executable.path) could not be started")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else {
            throw PseudoTerminal.Failure(
                description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited with \(status)")
        }
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Figure(seconds: seconds, cpuSeconds: cpu, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// The median of `runs` runs of a callboard command.
    func median(_ arguments: [String], runs: Int? = nil, before: () -> Void = {}) throws -> Figure {
        var figures: [Figure] = []
        for _ in 0..<(runs ?? self.runs) {
            before()
            figures.append(try Self.measure(workload.binary, arguments, environment: workload.environment))
        }
        return Figure(
            seconds: Stats.median(figures.map(\.seconds)), cpuSeconds: Stats.median(figures.map(\.cpuSeconds)),
            peakMB: Stats.median(figures.map(\.peakMB)))
    }

    func export(_ store: URL, format: String) throws -> Figure {
        try median(["export", "--store", store.path, "--format", format], runs: max(1, runs / 2))
    }

    /// A range review of the `days` ending yesterday.
    func review(_ store: URL, days: Int, format: String) throws -> Figure {
        let today = Date()
        let first = today.addingTimeInterval(-Double(days) * 86_400)
        let last = today.addingTimeInterval(-86_400)
        let day = { (date: Date) in
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        return try median(["review", "--store", store.path, "--from", day(first), "--to", day(last), "--format", format])
    }

    /// An import of `rows` CSV rows into a fresh store each run; the last run's store is
    /// kept at `into` (the 100,000-due queue opens it).
    func importRows(_ csv: URL, into store: URL) throws -> Figure {
        try median(["import", "--store", store.path, csv.path], runs: max(1, runs / 3)) {
            try? FileManager.default.removeItem(at: store)
        }
    }
}
