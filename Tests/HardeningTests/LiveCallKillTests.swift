import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real dashboard, killed with SIGKILL at random moments of a live call: every next
/// start picks the same call up from its checkpoint, and at most 5 s of talk is lost.
@Suite("kill -9 during a live call", .timeLimit(.minutes(6)))
struct LiveCallKillTests {
    /// Five stores side by side, ten kills each.
    static let chains = 5
    static let killsPerChain = 10
    /// The promise: a kill loses at most this much talk.
    static let maximumLoss = 5.0
    /// Scheduling slack on a shared, loaded machine.
    static let slack = 0.3

    struct Kill: Sendable {
        var loss: Double
        var problem: String?
    }

    @Test func everyKillRecoversTheCall() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let seed = TestSeed.pick("LiveCallKillTests", default: TestSeed.drawn)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: Self.chains) { chain in
            do {
                results.add(try Self.chain(seed: seed &+ UInt64(chain)))
            } catch {
                Issue.record(error)
            }
        }
        let kills = results.all
        #expect(kills.count == Self.chains * Self.killsPerChain)
        for kill in kills {
            if let problem = kill.problem { Issue.record(Comment(rawValue: problem)) }
        }
        let worst = kills.map(\.loss).max() ?? 0
        #expect(worst <= Self.maximumLoss + Self.slack, "the worst kill lost \(worst) s of talk")
    }

    /// One store, one call, killed again and again; each start resumes it.
    static func chain(seed: UInt64) throws -> [Kill] {
        var random = SeededRandom(seed: seed)
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try scratch.seed(Scratch.prospects(3))
        let store = try Store(directory: scratch.store, zone: .current, access: .readOnly)
        var kills: [Kill] = []
        var callID: CallID?
        var lastElapsed = 0.0
        for trial in 0..<killsPerChain {
            let terminal = try scratch.dashboard()
            _ = try terminal.waitFor(" calls")
            if trial == 0 {
                terminal.type("\r")
                terminal.pump(for: 0.1)
                terminal.type("p")
            } else {
                // The start names the interrupted call and offers to resume it.
                _ = try terminal.waitFor("stopped")
                terminal.type("r")
            }
            terminal.pump(for: Double.random(in: 0.15...6.5, using: &random))
            let killedAt = Date()
            kill(terminal.pid, SIGKILL)
            terminal.finish()
            guard let checkpoint = try store.checkpoint() else {
                kills.append(Kill(loss: .infinity, problem: "kill \(trial): no checkpoint, the call was lost"))
                break
            }
            callID = callID ?? checkpoint.call.id
            var problem: String?
            if checkpoint.call.id != callID {
                problem = "kill \(trial): the checkpoint holds call \(checkpoint.call.id), not \(callID.map { "\($0)" } ?? "-")"
            } else if checkpoint.elapsed + 0.001 < lastElapsed {
                problem = "kill \(trial): the call went back from \(lastElapsed) s to \(checkpoint.elapsed) s"
            }
            lastElapsed = checkpoint.elapsed
            kills.append(Kill(loss: killedAt.timeIntervalSince(checkpoint.savedAt), problem: problem))
        }
        // One last start shows the call live again and keeps checkpointing it.
        let terminal = try scratch.dashboard()
        _ = try terminal.waitFor("stopped")
        terminal.type("r")
        terminal.pump(for: 1.3)
        let resumed = try store.checkpoint()
        #expect(resumed?.call.id == callID)
        #expect((resumed?.elapsed ?? 0) >= lastElapsed)
        kill(terminal.pid, SIGTERM)
        terminal.finish()
        return kills
    }
}

/// Results gathered from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var kills: [LiveCallKillTests.Kill] = []

    var all: [LiveCallKillTests.Kill] { lock.withLock { kills } }

    func add(_ more: [LiveCallKillTests.Kill]) { lock.withLock { kills += more } }
}
