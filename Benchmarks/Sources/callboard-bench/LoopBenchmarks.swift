import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// L1: nothing slow on the loop. The real binary on a disk whose every fsync stalls (see
/// ``StallingDisk``), driven through a pty while a key comes every ``keyInterval`` seconds:
/// during a live call (a checkpoint on every key and every 5 s), while a call is saved
/// (the next call's clock ticking meanwhile) and while a prospect is added. If a frame
/// waited for the disk, the gap before it would pass the stall.
struct LoopBenchmarks {
    let workload: Workload
    let runs: Int
    let disk: StallingDisk
    /// A copy of the 3-year store the scenarios may write to; the shared one stays as built.
    let store: URL

    static let keyInterval = 0.25

    struct Figure {
        /// The longest time between two frames, seconds.
        var longestGap: Double
        /// The slowest key → frame, seconds.
        var slowestKey: Double
        var fsyncsOnLoop: Int
        var fsyncs: Int
    }

    enum Scenario: CaseIterable {
        case liveCall, savingACall, addingAProspect

        var name: String {
            switch self {
            case .liveCall: "live call"
            case .savingACall: "saving a call"
            case .addingAProspect: "adding a prospect"
            }
        }
    }

    /// Builds the stalling disk and copies the 3-year store for the scenarios to write to.
    static func make(_ workload: Workload, runs: Int) throws -> LoopBenchmarks {
        let disk = try StallingDisk.build(in: workload.root)
        let store = workload.root.appendingPathComponent("scratch-three-years", isDirectory: true)
        try? FileManager.default.removeItem(at: store)
        try FileManager.default.copyItem(at: workload.threeYears, to: store)
        return LoopBenchmarks(workload: workload, runs: runs, disk: disk, store: store)
    }

    /// Removes the copy of the store.
    func cleanUp() { try? FileManager.default.removeItem(at: store) }

    /// Start to first frame on a new day, when the working set is rebuilt from the buckets
    /// (here: removed before the start): the median of `runs`, and the fsyncs the loop made.
    func firstFrameRebuilding(stall: Int) throws -> (seconds: Double, fsyncsOnLoop: Int, fsyncs: Int) {
        var times: [Double] = []
        var onLoop = 0, all = 0
        for _ in 0..<max(1, runs / 2) {
            let log = workload.root.appendingPathComponent("fsync-\(getpid()).log")
            try? FileManager.default.removeItem(at: log)
            defer { try? FileManager.default.removeItem(at: log) }
            for file in ["queue.json", "recent.json"] {
                try? FileManager.default.removeItem(at: store.appendingPathComponent(file))
            }
            let terminal = try PseudoTerminal(
                executable: workload.binary, arguments: ["--store", store.path],
                environment: disk.environment(workload.environment, milliseconds: stall, log: log), width: 100, height: 30)
            times.append(try terminal.waitFor(ProcessBenchmarks.firstFrameMarker))
            // The working set is written after the first frame; let it land before quitting.
            terminal.pump(for: 0.5 + Double(stall) * 8 / 1000)
            terminal.type("q")
            terminal.finish()
            let fsyncs = StallingDisk.count(log)
            onLoop += fsyncs.onLoop
            all += fsyncs.onLoop + fsyncs.elsewhere
        }
        return (Stats.median(times), onLoop, all)
    }

    /// The worst of `runs` runs of `scenario` with each fsync stalling `stall` milliseconds.
    func measure(_ scenario: Scenario, stall: Int) throws -> Figure {
        var figures: [Figure] = []
        for _ in 0..<max(1, runs / 2) { figures.append(try once(scenario, stall: stall)) }
        return Figure(
            longestGap: figures.map(\.longestGap).max() ?? .nan, slowestKey: figures.map(\.slowestKey).max() ?? .nan,
            fsyncsOnLoop: figures.map(\.fsyncsOnLoop).reduce(0, +), fsyncs: figures.map(\.fsyncs).reduce(0, +))
    }

    private func once(_ scenario: Scenario, stall: Int) throws -> Figure {
        let log = workload.root.appendingPathComponent("fsync-\(getpid()).log")
        try? FileManager.default.removeItem(at: log)
        defer { try? FileManager.default.removeItem(at: log) }
        workload.clearLiveCall(in: store)
        let terminal = try PseudoTerminal(
            executable: workload.binary, arguments: ["--store", store.path],
            environment: disk.environment(workload.environment, milliseconds: stall, log: log), width: 100, height: 30)
        _ = try terminal.waitFor(ProcessBenchmarks.firstFrameMarker)
        terminal.pump(for: 0.3)
        let from: Double
        let keys: [String]
        switch scenario {
        case .liveCall:
            terminal.type("\r")
            _ = try terminal.waitFor("Nobody has spoken yet")
            from = PseudoTerminal.now()
            // Each mark is a checkpoint; six seconds take in the 5-second one too.
            keys = Array(repeating: ["m", "p"], count: 12).flatMap { $0 }
        case .savingACall:
            terminal.type("\r")
            _ = try terminal.waitFor("Nobody has spoken yet")
            terminal.type("m")
            terminal.pump(for: 0.3)
            // Only I talked: no referral ask, straight to the outcome.
            terminal.type("e")
            _ = try terminal.waitFor("How did the call end?")
            terminal.type("1")
            _ = try terminal.waitFor("Enter saves this")
            // Enter saves the call; the seller moves on to the next prospect and calls them
            // while the save is written.
            from = PseudoTerminal.now()
            terminal.type("\r")
            terminal.pump(for: Self.keyInterval)
            keys = ["j", "\r"] + Array(repeating: ["m", "p"], count: 10).flatMap { $0 }
        case .addingAProspect:
            terminal.type("a")
            _ = try terminal.waitFor("Enter on an empty line")
            // Someone new each run: the store keeps the last run's, and a second one alike
            // would be refused without a write.
            let tag = Int(Date().timeIntervalSince1970 * 1000) % 10_000_000
            terminal.type("Probe Person \(tag), Probe Co, +1 555 \(tag)")
            terminal.pump(for: 0.3)
            from = PseudoTerminal.now()
            terminal.type("\r")
            terminal.pump(for: Self.keyInterval)
            // The next line typed while the first is written.
            keys = Array("Second Probe, Probe Co, +1 555 0101".map(String.init).prefix(20))
        }
        var slowest = 0.0
        for key in keys {
            let took = terminal.keyToFrame(key) ?? .infinity
            slowest = max(slowest, took)
            terminal.pump(for: max(0, Self.keyInterval - took))
        }
        let to = PseudoTerminal.now()
        kill(terminal.pid, SIGTERM)
        terminal.finish()
        workload.clearLiveCall(in: store)
        let frames = terminal.arrivals.map(\.at).filter { $0 >= from && $0 <= to }
        let gaps = zip(frames.dropFirst(), frames).map { $0 - $1 } + [frames.first.map { $0 - from } ?? .infinity]
        let fsyncs = StallingDisk.count(log)
        return Figure(
            longestGap: gaps.max() ?? .infinity, slowestKey: slowest, fsyncsOnLoop: fsyncs.onLoop,
            fsyncs: fsyncs.onLoop + fsyncs.elsewhere)
    }
}
