import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The measures taken on the real binary in a pty: start to first frame, bytes per tick,
/// CPU while idle, peak memory, key to screen.
struct ProcessBenchmarks {
    let workload: Workload
    let runs: Int
    /// Seconds of each idle window (P3, P4); the figure is 60.
    let window: Double

    /// A text the status line shows on every screen: "0/40 calls".
    static let firstFrameMarker = " calls"

    func start(store: URL, width: Int = 100, height: Int = 30) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: workload.binary, arguments: ["--store", store.path],
            environment: workload.environment, width: width, height: height)
    }

    /// P1 and P6, as pairs: each run starts both stores back to back, in alternating
    /// order, so a change in the machine's load between runs touches both sides of each
    /// ratio.
    func startUpPairs(_ first: URL, _ second: URL) throws
        -> (first: [Double], second: [Double], ratios: [Double], firstPeakKB: [Int], secondPeakKB: [Int])
    {
        var a: [Double] = [], b: [Double] = [], ratios: [Double] = []
        var peaksA: [Int] = [], peaksB: [Int] = []
        for run in 0..<runs {
            let one: (Double, Int?), two: (Double, Int?)
            if run.isMultiple(of: 2) {
                one = try startOnce(store: first)
                two = try startOnce(store: second)
            } else {
                two = try startOnce(store: second)
                one = try startOnce(store: first)
            }
            a.append(one.0)
            b.append(two.0)
            ratios.append(two.0 / one.0)
            if let peak = one.1 { peaksA.append(peak) }
            if let peak = two.1 { peaksB.append(peak) }
        }
        return (a, b, ratios, peaksA, peaksB)
    }

    /// The median first frame of each store, started in turn within each run, and of the
    /// hello-world floor run just before them; with the pairs second/first per run.
    func firstFrames(_ stores: [URL], floor: URL) throws -> (floor: Double, stores: [Double], pairs: [Double]) {
        var floors: [Double] = []
        var times = Array(repeating: [Double](), count: stores.count)
        var pairs: [Double] = []
        for run in 0..<runs {
            floors.append(
                try CommandBenchmarks.measure(floor, [], environment: workload.environment).seconds)
            let order = run.isMultiple(of: 2) ? Array(stores.indices) : stores.indices.reversed()
            var this = Array(repeating: 0.0, count: stores.count)
            for index in order { this[index] = try startOnce(store: stores[index]).seconds }
            for index in stores.indices { times[index].append(this[index]) }
            if stores.count >= 2 { pairs.append(this[1] / this[0]) }
        }
        return (Stats.median(floors), times.map(Stats.median), pairs)
    }

    /// Start to first frame and peak memory of one store, the median of `runs`.
    func firstFrame(_ store: URL) throws -> (seconds: Double, peakMB: Double) {
        let all = try (0..<runs).map { _ in try startOnce(store: store) }
        return (Stats.median(all.map(\.seconds)), Stats.median(all.compactMap(\.peakKB).map(Double.init)) / 1024)
    }

    private func startOnce(store: URL) throws -> (seconds: Double, peakKB: Int?) {
        let terminal = try start(store: store)
        let seconds = try terminal.waitFor(Self.firstFrameMarker)
        terminal.pump(for: 0.2)
        let peak = ProcessFigures.peakResidentKB(of: terminal.pid)
        terminal.type("q")
        terminal.finish()
        return (seconds, peak)
    }

    struct Idle {
        var bytesPerSecond: Double
        var cpuPercent: Double
    }

    /// P3 and P4: with a call started (Enter on the first queue entry) or not, the bytes the
    /// program writes and the CPU it uses over `window` seconds with no keys.
    func idle(store: URL, withCall: Bool, key: String? = nil) throws -> Idle {
        let terminal = try start(store: store)
        _ = try terminal.waitFor(Self.firstFrameMarker)
        if withCall {
            terminal.type("\r")
            // The talk panel shows the call's timer once the call is live.
            terminal.pump(for: 1.5)
            // m: I am talking, p: they are, s: silence or hold; none: nobody marked yet.
            if let key {
                terminal.type(key)
                terminal.pump(for: 1.5)
            }
        } else {
            terminal.pump(for: 0.5)
        }
        let before = terminal.output.count
        let cpuBefore = ProcessFigures.cpuSeconds(of: terminal.pid) ?? 0
        let started = Date()
        terminal.pump(for: window)
        let elapsed = Date().timeIntervalSince(started)
        let cpuAfter = ProcessFigures.cpuSeconds(of: terminal.pid) ?? 0
        let bytes = terminal.output.count - before
        // SIGTERM checkpoints the call and restores the terminal; the checkpoint is then dropped.
        kill(terminal.pid, SIGTERM)
        terminal.finish()
        workload.clearLiveCall(in: store)
        return Idle(bytesPerSecond: Double(bytes) / elapsed, cpuPercent: (cpuAfter - cpuBefore) / elapsed * 100)
    }

    /// K1: key to screen: from writing one key's bytes to the pty's master side to reading
    /// the last byte of the frame it brings, at 200×60 on the 3-year store; `count` keys
    /// moving the queue's selection down and back up, the seconds of each.
    func keyToScreen(count: Int = 200) throws -> (seconds: [Double], cpuPerKey: Double) {
        let terminal = try PseudoTerminal(
            executable: workload.binary, arguments: ["--store", workload.threeYears.path],
            environment: workload.environment, width: 200, height: 60)
        defer {
            terminal.type("q")
            terminal.finish()
        }
        _ = try terminal.waitFor(ProcessBenchmarks.firstFrameMarker)
        // The follow-ups owed load just after the first frame.
        terminal.pump(for: 1)
        var times: [Double] = []
        let cpuBefore = ProcessFigures.cpuSeconds(of: terminal.pid) ?? 0
        for index in 0..<count {
            let key = (index / 10).isMultiple(of: 2) ? "j" : "k"
            if let took = terminal.keyToFrame(key) { times.append(took) }
            terminal.pump(for: 0.01)
        }
        // The program's own CPU for each key, which the machine's load touches less than
        // the wall time.
        let cpu = (ProcessFigures.cpuSeconds(of: terminal.pid) ?? 0) - cpuBefore
        return (times, cpu / Double(count))
    }
}
