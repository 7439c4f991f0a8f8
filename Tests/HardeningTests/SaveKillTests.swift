import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A writer killed with SIGKILL in the middle of its saves leaves a store that loads.
@Suite("kill -9 during saves", .timeLimit(.minutes(6)))
struct SaveKillTests {
    static let trials = 200

    @Test func everyFileLoadsAfter200Kills() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let tool = try Binaries.storeTorture()
        let seed = TestSeed.pick("SaveKillTests", default: TestSeed.drawn)
        // Two stores side by side halve the wall time on two cores.
        let killed = Counter()
        DispatchQueue.concurrentPerform(iterations: 2) { store in
            do {
                killed.add(try Self.trials(Self.trials / 2, tool: tool, seed: seed &+ UInt64(store)))
            } catch {
                Issue.record(error)
            }
        }
        #expect(killed.value == Self.trials, "store-torture stopped by itself before the kill")
    }

    /// Kills the tool `count` times on one store; returns how many kills landed.
    static func trials(_ count: Int, tool: URL, seed: UInt64) throws -> Int {
        var random = SeededRandom(seed: seed)
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        var round = 0
        var killedWhileWriting = 0
        for _ in 0..<count {
            let process = Process()
            process.executableURL = tool
            process.arguments = [scratch.store.path, String(round)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // "ready" means a whole round is on disk and the next is being written.
            let line = output.fileHandleForReading.readData(ofLength: 6)
            #expect(String(decoding: line, as: UTF8.self) == "ready\n")
            usleep(UInt32.random(in: 0...15_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedWhileWriting += 1 }
            try Self.expectEverythingLoads(scratch.store)
            round += Int.random(in: 20...400, using: &random)
        }
        return killedWhileWriting
    }

    /// Every file loads, and every call in it is whole: store-torture writes one
    /// 1-second segment per second, so a torn or mixed record would not add up.
    static func expectEverythingLoads(_ directory: URL) throws {
        let store = try Store(directory: directory, zone: .gmt, access: .readOnly)
        let prospects = try store.prospects()
        #expect(Set(prospects.map(\.id)).count == prospects.count)
        if let checkpoint = try store.checkpoint() {
            #expect(checkpoint.elapsed == Double(checkpoint.call.segments.count))
        }
        let days = try store.callDays()
        #expect(!days.isEmpty)
        if let first = days.first, let last = days.last {
            _ = try store.summaries(from: first, to: last)
        }
        for day in days {
            for call in try store.calls(on: day) {
                #expect(call.duration == Double(call.segments.count))
            }
        }
        for name in try store.outboxMessages() {
            #expect(try store.readOutboxMessage(name: name).allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }
}

/// A count shared by the threads of one test.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func add(_ amount: Int) { lock.withLock { count += amount } }
}
