// callboard-bench [--runs N] [--window SECONDS] [--workload DIR] [--binary PATH] [--fresh] [--only P1,P3]
//
// ids: E1 R1 I1 Q1 S1 L1 K1 P1–P8.
//
// Measures the targets of the benchmark table on the real binary and the libraries, in
// release mode, and prints one row per figure: id, measure, median value, target, pass.
import Foundation

var runs = 7
var window = 10.0
var workloadRoot = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("callboard-bench")
var binary: URL?
var fresh = false
var only: Set<String>?

var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    func value() -> String {
        guard let next = arguments.popFirst() else {
            FileHandle.standardError.write(Data("\(flag) needs a value\n".utf8))
            exit(64)
        }
        return next
    }
    switch flag {
    case "--runs": runs = max(1, Int(value()) ?? runs)
    case "--window": window = max(1, Double(value()) ?? window)
    case "--workload": workloadRoot = URL(fileURLWithPath: value())
    case "--binary": binary = URL(fileURLWithPath: value())
    case "--fresh": fresh = true
    case "--only": only = Set(value().uppercased().split(separator: ",").map(String.init))
    default:
        FileHandle.standardError.write(
            Data("usage: callboard-bench [--runs N] [--window SECONDS] [--workload DIR] [--binary PATH] [--fresh] [--only P1,P2]\n".utf8))
        exit(64)
    }
}

// The real binary is built beside this one (it is a dependency of the harness).
let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
let callboard = binary ?? me.deletingLastPathComponent().appendingPathComponent("callboard")
guard FileManager.default.isExecutableFile(atPath: callboard.path) else {
    FileHandle.standardError.write(Data("callboard is not built at \(callboard.path); pass --binary PATH\n".utf8))
    exit(66)
}

// The start figures are those of the installed build only when the runtime is linked in.
if let linked = try? String(contentsOf: callboard, encoding: .isoLatin1), linked.contains("libswiftCore.so") {
    FileHandle.standardError.write(Data("""
        note: \(callboard.path) loads the Swift runtime as shared libraries; build with \
        `swift build -c release --static-swift-stdlib --package-path Benchmarks` for the start figures of an installed callboard

        """.utf8))
}

let chosen = only
func wanted(_ id: String) -> Bool { chosen?.contains(id) ?? true }
func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }

do {
    let workload = Workload(binary: callboard, root: workloadRoot)
    try workload.prepare(fresh: fresh)
    print("callboard-bench: \(callboard.path), \(runs) runs per measure, \(Int(window)) s idle windows, workload in \(workloadRoot.path)")
    var rows: [Row] = []
    let processes = ProcessBenchmarks(workload: workload, runs: runs, window: window)
    let inProcess = InProcessBenchmarks(workload: workload, runs: runs)

    if wanted("P1") || wanted("P6") {
        let pairs = try processes.startUpPairs(workload.empty, workload.threeYears)
        let emptyMedian = Stats.median(pairs.first) * 1000
        let bigMedian = Stats.median(pairs.second) * 1000
        if wanted("P1") {
            rows.append(Row(id: "P1", measure: "start → first frame, empty store", value: ms(emptyMedian), target: "≤ 100 ms", pass: emptyMedian <= 100))
            rows.append(Row(id: "P1", measure: "start → first frame, 3-year store", value: ms(bigMedian), target: "≤ 100 ms", pass: bigMedian <= 100))
            // The median of each run's own ratio: both stores start back to back.
            let ratio = Stats.median(pairs.ratios)
            rows.append(Row(id: "P1", measure: "3-year / empty (median of paired runs)", value: String(format: "%.2f×", ratio), target: "≤ 1.5×", pass: ratio <= 1.5))
        }
        if wanted("P6") {
            let peak = Stats.median(pairs.secondPeakKB.map(Double.init)) / 1024
            let emptyPeak = Stats.median(pairs.firstPeakKB.map(Double.init)) / 1024
            rows.append(Row(id: "P6", measure: "peak RSS, 3-year store open", value: String(format: "%.1f MB", peak), target: "≤ 40 MB", pass: peak <= 40,
                            note: String(format: "(empty store: %.1f MB)", emptyPeak)))
        }
    }
    if wanted("P2") {
        let (bytes, times) = try inProcess.checkpoint()
        let median = Stats.median(times)
        rows.append(Row(id: "P2", measure: "checkpoint size, 3-year store", value: "\(bytes) B", target: "≤ 4096 B", pass: bytes <= 4096))
        rows.append(Row(id: "P2", measure: "checkpoint time, 3-year store", value: ms(median), target: "≤ 5 ms", pass: median <= 5))
    }
    if wanted("P3") {
        // Every state of a live call: the figure is the worst of them.
        for (key, state) in [("m", "me talking"), ("p", "prospect talking"), ("s", "on hold")] {
            let samples = (0..<max(1, runs / 2)).compactMap { _ in
                try? processes.idle(store: workload.threeYears, withCall: true, key: key)
            }
            let perTick = Stats.median(samples.map(\.bytesPerSecond))
            rows.append(Row(id: "P3", measure: "bytes per 1 s, live call, \(state), 100×30", value: String(format: "%.1f B", perTick), target: "≤ 64 B", pass: perTick <= 64))
        }
    }
    if wanted("P3") || wanted("P4") {
        let live = (0..<max(1, runs / 2)).map { _ in try? processes.idle(store: workload.threeYears, withCall: true) }.compactMap { $0 }
        let quiet = (0..<max(1, runs / 2)).map { _ in try? processes.idle(store: workload.threeYears, withCall: false) }.compactMap { $0 }
        if wanted("P3") {
            let perTick = Stats.median(live.map(\.bytesPerSecond))
            rows.append(Row(id: "P3", measure: "bytes per 1 s, live call, nobody marked, 100×30", value: String(format: "%.1f B", perTick), target: "≤ 64 B", pass: perTick <= 64))
        }
        if wanted("P4") {
            let withCall = Stats.median(live.map(\.cpuPercent))
            let without = Stats.median(quiet.map(\.cpuPercent))
            rows.append(Row(id: "P4", measure: "CPU, live call, no keys", value: String(format: "%.2f %%", withCall), target: "≤ 0.5 %", pass: withCall <= 0.5))
            rows.append(Row(id: "P4", measure: "CPU, no call", value: String(format: "%.2f %%", without), target: "~0 (≤ 0.1 %)", pass: without <= 0.1))
        }
    }
    if wanted("P5") {
        let (day, trend) = try inProcess.review()
        let dayMedian = Stats.median(day)
        let trendMedian = Stats.median(trend)
        rows.append(Row(id: "P5", measure: "review of one day, 3-year store", value: ms(dayMedian), target: "≤ 50 ms", pass: dayMedian <= 50))
        rows.append(Row(id: "P5", measure: "90-day trend, 3-year store", value: ms(trendMedian), target: "≤ 200 ms", pass: trendMedian <= 200))
    }
    if wanted("S1") {
        // The floor and the stores in one run, so the machine's load touches all alike.
        let stores = [workload.empty, workload.threeYears, workload.oneYear, workload.tenYears]
        let names = ["empty", "3-year", "1-year", "10-year"]
        let (floor, times, pairs) = try processes.firstFrames(stores, floor: workload.helloWorld)
        rows.append(Row(id: "S1", measure: "Swift hello-world, start to exit", value: ms(floor * 1000), target: "floor", pass: nil))
        for (name, time) in zip(names, times) {
            let ratio = time / floor
            rows.append(Row(id: "S1", measure: "first frame, \(name) store / floor", value: String(format: "%.2f ms, %.2f×", time * 1000, ratio), target: "≤ 3×", pass: ratio <= 3))
        }
        let within = pairs.filter { $0 <= 1.2 }.count
        rows.append(Row(id: "S1", measure: "paired 3-year / empty ≤ 1.2×", value: "\(within) of \(pairs.count) (median \(String(format: "%.2f×", Stats.median(pairs))))", target: "9 of 10", pass: Double(within) >= 0.9 * Double(pairs.count)))
    }
    let commands = CommandBenchmarks(workload: workload, runs: runs)
    if wanted("E1") {
        for (name, store) in [("1-year", workload.oneYear), ("3-year", workload.threeYears), ("10-year", workload.tenYears)] {
            for format in ["json", "csv", "ics"] {
                let figure = try commands.export(store, format: format)
                rows.append(Row(id: "E1", measure: "export --format \(format), \(name) store", value: String(format: "%.2f s, %.0f MB", figure.seconds, figure.peakMB), target: "≤ 64 MB", pass: figure.peakMB <= 64, note: String(format: "(CPU %.2f s)", figure.cpuSeconds)))
            }
        }
    }
    if wanted("R1") {
        for (days, limit) in [(90, 0.150), (365, 0.300)] {
            for format in ["text", "json"] {
                let figure = try commands.review(workload.tenYears, days: days, format: format)
                rows.append(Row(id: "R1", measure: "review of \(days) days, \(format), 10-year store", value: String(format: "%.0f ms, %.0f MB", figure.seconds * 1000, figure.peakMB), target: String(format: "≤ %.0f ms", limit * 1000), pass: figure.seconds <= limit, note: String(format: "(CPU %.0f ms)", figure.cpuSeconds * 1000)))
            }
        }
    }
    if wanted("I1") || wanted("Q1") {
        for rows_ in [10_000, 100_000] {
            let into = rows_ == 100_000 ? workload.allDue : workload.root.appendingPathComponent("import-\(rows_)")
            let figure = try commands.importRows(workload.csv(rows: rows_), into: into)
            let size = Double((try? FileManager.default.attributesOfItem(atPath: workload.csv(rows: rows_).path)[.size] as? Int) ?? 0) / 1_048_576
            let pass = rows_ == 100_000 ? figure.seconds <= 3 && figure.peakMB <= 150 : nil
            rows.append(Row(id: "I1", measure: "import \(rows_) rows (\(String(format: "%.1f", size)) MB CSV), empty store", value: String(format: "%.2f s, %.0f MB", figure.seconds, figure.peakMB), target: rows_ == 100_000 ? "≤ 3 s, ≤ 150 MB" : "-", pass: pass, note: String(format: "(CPU %.2f s; memory %.1f× the file)", figure.cpuSeconds, figure.peakMB / max(size, 0.001))))
        }
        if wanted("Q1") {
            let (seconds, peak) = try processes.firstFrame(workload.allDue)
            rows.append(Row(id: "Q1", measure: "first frame, 100,000 prospects all due", value: String(format: "%.0f ms, %.0f MB", seconds * 1000, peak), target: "≤ 200 ms, ≤ 80 MB", pass: seconds <= 0.2 && peak <= 80))
        }
    }
    if wanted("P7") {
        let times = try inProcess.keyToDiff()
        let median = Stats.median(times)
        rows.append(Row(id: "P7", measure: "key → update → render → diff, 200×60", value: ms(median), target: "≤ 1 ms", pass: median <= 1))
    }
    if wanted("L1") {
        let loop = try LoopBenchmarks.make(workload, runs: runs)
        defer { loop.cleanUp() }
        let stall = 250
        for scenario in LoopBenchmarks.Scenario.allCases {
            let slow = try loop.measure(scenario, stall: stall)
            let quick = try loop.measure(scenario, stall: 0)
            // A frame that waited for one fsync would come a whole stall after the key before it.
            let limit = LoopBenchmarks.keyInterval + Double(stall) / 1000
            rows.append(
                Row(
                    id: "L1", measure: "longest gap between frames, \(stall) ms fsync, \(scenario.name), a key every \(Int(LoopBenchmarks.keyInterval * 1000)) ms",
                    value: String(format: "%.0f ms (no stall: %.0f ms)", slow.longestGap * 1000, quick.longestGap * 1000),
                    target: String(format: "< %.0f ms", limit * 1000), pass: slow.longestGap < limit && slow.fsyncsOnLoop == 0,
                    note: String(
                        format: "(slowest key → frame %.1f ms, no stall %.1f ms; fsyncs on the loop %d of %d)", slow.slowestKey * 1000,
                        quick.slowestKey * 1000, slow.fsyncsOnLoop, slow.fsyncs)))
        }
        let slow = try loop.firstFrameRebuilding(stall: stall)
        let quick = try loop.firstFrameRebuilding(stall: 0)
        // Each write of the working set is two fsyncs a file: a first frame that waited for
        // them would come a second late.
        rows.append(
            Row(
                id: "L1", measure: "first frame on a new day (working set rebuilt), \(stall) ms fsync",
                value: String(format: "%.0f ms (no stall: %.0f ms)", slow.seconds * 1000, quick.seconds * 1000),
                target: String(format: "< no stall + %d ms", stall), pass: slow.seconds < quick.seconds + Double(stall) / 1000 && slow.fsyncsOnLoop == 0,
                note: "(fsyncs on the loop \(slow.fsyncsOnLoop) of \(slow.fsyncs))"))
    }
    if wanted("K1") {
        let (times, cpu) = try processes.keyToScreen(count: max(100, runs * 40))
        let median = Stats.median(times) * 1000
        let p90 = Stats.percentile(times, 0.9) * 1000
        rows.append(
            Row(
                id: "K1", measure: "key → complete frame through a pty, 200×60, 3-year store", value: String(format: "%.2f ms (p90 %.2f ms)", median, p90),
                target: "≤ 1 ms", pass: median <= 1, note: String(format: "(%d keys; the program's CPU %.2f ms a key)", times.count, cpu * 1000)))
    }
    if wanted("P8") {
        let handsFree = HandsFreeBenchmarks(binary: callboard, runs: runs)
        let share = Stats.median(handsFree.detectionShare())
        rows.append(
            Row(
                id: "P8", measure: "hands-free detection, two 16 kHz channels, live", value: String(format: "%.3f %% of a core", share),
                target: "≤ 1 %", pass: share <= 1))
        let speed = Stats.median(try handsFree.listenSpeed(in: workloadRoot))
        rows.append(
            Row(
                id: "P8", measure: "callboard listen, 2-minute call, two channels", value: String(format: "%.0f× real time", speed),
                target: "≥ 100×", pass: speed >= 100))
    }
    print("")
    Table.print(rows)
    exit(rows.contains { $0.pass == false } ? 1 : 0)
} catch {
    FileHandle.standardError.write(Data("callboard-bench: \(error)\n".utf8))
    exit(70)
}
