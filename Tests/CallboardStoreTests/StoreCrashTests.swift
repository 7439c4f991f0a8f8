import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nothing is lost: a writer killed with SIGKILL at any moment leaves files that load.
@Suite("Killed in the middle of a write")
struct StoreCrashTests {
    /// `store-torture` is built beside the test bundle (it is a dependency of this target).
    static func tortureTool() -> URL? {
        let places = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent(),
        ]
        return places.map { $0.appendingPathComponent("store-torture") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the tool on `directory` and returns once it has written a full round, so
    /// the kill lands while it is writing rather than while it is starting up.
    static func launch(_ tool: URL, on directory: URL, from round: Int) throws -> Process {
        let process = Process()
        process.executableURL = tool
        process.arguments = [directory.path, String(round)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = output.fileHandleForReading.readData(ofLength: 6)
        #expect(String(decoding: line, as: UTF8.self) == "ready\n", "store-torture did not start")
        return process
    }

    /// Every file the tool writes must load, and every call in it must be whole: one
    /// 1-second segment per second of its length, as the tool writes them.
    static func checkEverythingLoads(_ directory: URL) throws {
        let store = try Store(directory: directory, zone: .gmt, access: .readOnly)
        _ = try store.prospects()
        if let checkpoint = try store.checkpoint() {
            #expect(checkpoint.elapsed == Double(checkpoint.call.segments.count))
            #expect(checkpoint.call.segments.last?.end == checkpoint.elapsed)
        }
        let days = try store.callDays()
        #expect(!days.isEmpty)
        let summaries = try store.summaries(from: days[0], to: days[days.count - 1])
        for day in days {
            let calls = try store.calls(on: day)
            for call in calls {
                #expect(call.duration == Double(call.segments.count))
                #expect(call.notes.first?.text.hasPrefix("round ") == true)
            }
            // The summary is written after the day file, so at worst it lags one save.
            let summary = summaries.first { $0.day == day }
            #expect((summary?.dials ?? 0) <= calls.count)
        }
        for name in try store.outboxMessages() {
            #expect(try store.readOutboxMessage(name: name).allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }

    @Test func filesSurviveSigkillAtRandomMoments() throws {
        let tool = try #require(Self.tortureTool(), "store-torture is not built next to the tests")
        let scratch = ScratchDirectory()
        var random = SeededRandom(seed: TestSeed.pick("StoreCrashTests", default: TestSeed.drawn))
        let trials = 36
        var round = 0
        for trial in 0..<trials {
            let process = try Self.launch(tool, on: scratch.store, from: round)
            if trial == 0 {
                // While it writes, a second writer is refused with its pid.
                let error = storeError { _ = try Store(directory: scratch.store, zone: .gmt) }
                #expect(error == .locked(directory: scratch.store.standardizedFileURL.path, holder: process.processIdentifier))
            }
            usleep(UInt32.random(in: 0...60_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            try Self.checkEverythingLoads(scratch.store)
            round += Int.random(in: 50...250, using: &random)
        }
        // The next writer gets the lock at once and sweeps away half-written leftovers.
        let store = try Store(directory: scratch.store, zone: .gmt)
        for folder in [store.directory, store.outboxDirectory, store.callsDirectory.appendingPathComponent("2026")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names.filter(AtomicFile.isTemporary).isEmpty, "\(folder.path)")
        }
        _ = try store.rebuildSummaries(targets: .standard)
    }
}
