// callboard-bench [--runs N] [--window SECONDS] [--workload DIR] [--binary PATH] [--fresh] [--only P1,P3]
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
    if wanted("P3") || wanted("P4") {
        let live = (0..<max(1, runs / 2)).map { _ in try? processes.idle(store: workload.threeYears, withCall: true) }.compactMap { $0 }
        let quiet = (0..<max(1, runs / 2)).map { _ in try? processes.idle(store: workload.threeYears, withCall: false) }.compactMap { $0 }
        if wanted("P3") {
            let perTick = Stats.median(live.map(\.bytesPerSecond))
            rows.append(Row(id: "P3", measure: "bytes per 1 s tick, live call, 100×30", value: String(format: "%.1f B", perTick), target: "≤ 64 B", pass: perTick <= 64))
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
    if wanted("P7") {
        let times = try inProcess.keyToDiff()
        let median = Stats.median(times)
        rows.append(Row(id: "P7", measure: "key → update → render → diff, 200×60", value: ms(median), target: "≤ 1 ms", pass: median <= 1))
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
