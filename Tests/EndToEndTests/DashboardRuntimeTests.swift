import CallboardCore
import CallboardStore
import CallboardTerminal
import CallboardUI
import Foundation
import Testing

@testable import callboard

/// A terminal in memory: plays a script of inputs, advances a manual clock as a real wait
/// would, and keeps every frame and every timeout the loop asked for.
final class ScriptedTerminal: TerminalBackend {
    var size: TerminalSize
    var script: [TerminalInput]
    let clock: ManualClock
    var frames: [CellBuffer] = []
    var timeouts: [Int?] = []
    /// Called before each input is handed out, to look at the store mid-run.
    var observe: () -> Void = {}

    init(size: TerminalSize = TerminalSize(width: 100, height: 30), script: [TerminalInput], clock: ManualClock) {
        self.size = size
        self.script = script
        self.clock = clock
    }

    func draw(_ frame: CellBuffer) { frames.append(frame) }

    func nextInput(timeoutMilliseconds: Int?, wakingOn wake: Int32?) -> TerminalInput {
        timeouts.append(timeoutMilliseconds)
        observe()
        guard !script.isEmpty else { return .signal(.terminate) }
        let input = script.removeFirst()
        if input == .timeout { clock.advance(by: Double(timeoutMilliseconds ?? 60_000) / 1000) }
        if input == .resize { size = TerminalSize(width: 40, height: 10) }
        return input
    }

    func suspend() {}
    func whileReleased<T>(_ body: () throws -> T) rethrows -> T { try body() }
    func invalidate() {}
    func close() {}
}

@Suite final class DashboardRuntimeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-runtime-\(UUID().uuidString)")
    let clock = ManualClock(start: 1000)

    deinit { try? FileManager.default.removeItem(at: folder) }

    func runtime(store: Store) -> DashboardRuntime {
        DashboardRuntime(
            store: store, settings: Settings(), theme: ThemeChoice(theme: ThemeCatalog.standard),
            zone: TimeZone(identifier: "UTC") ?? .current, environment: [:], clock: clock,
            wallClock: { Date(timeIntervalSince1970: 1_800_000_000) }, effectsInline: true)
    }

    func store() throws -> Store {
        let store = try Store(directory: folder, zone: TimeZone(identifier: "UTC") ?? .current)
        try store.save(prospects: [
            Prospect(id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1", createdAt: Date())
        ])
        return store
    }

    @Test func qQuitsWithStatusZeroAfterDrawingTheQueue() throws {
        let terminal = ScriptedTerminal(script: [.key(.char("q"))], clock: clock)
        let status = runtime(store: try store()).run(on: terminal)
        #expect(status == 0)
        #expect(terminal.frames.first?.contains("Anna Berg") == true)
    }

    @Test func aQuietCallIsCheckpointedAtLeastEveryFiveSeconds() throws {
        let store = try store()
        let terminal = ScriptedTerminal(
            script: [.key(.enter), .key(.char("p"))] + Array(repeating: .timeout, count: 20), clock: clock)
        var worstGap = 0.0
        var callStart: MonotonicInstant?
        terminal.observe = {
            guard let checkpoint = try? store.checkpoint() else { return }
            if callStart == nil { callStart = self.clock.now() + -checkpoint.elapsed }
            guard let start = callStart else { return }
            worstGap = max(worstGap, (self.clock.now() - start) - checkpoint.elapsed)
        }
        let status = runtime(store: store).run(on: terminal)
        #expect(status == 143)
        let checkpoint = try #require(try store.checkpoint())
        // Twenty quiet wakes (a second each, or sooner when a checkpoint falls due).
        #expect(checkpoint.elapsed >= 15)
        // The loop wakes when a checkpoint falls due, so none is ever older than that.
        #expect(worstGap <= LiveCallCheckpoint.interval + 0.01)
    }

    @Test func theLoopSleepsASecondInACallAndUpToAMinuteOutside() throws {
        let terminal = ScriptedTerminal(
            script: [.timeout, .timeout, .key(.enter), .timeout, .timeout, .timeout, .key(.ctrl("c"))], clock: clock)
        let status = runtime(store: try store()).run(on: terminal)
        #expect(status == 130)
        let waits = terminal.timeouts.compactMap { $0 }
        #expect(waits.count == terminal.timeouts.count, "a wait without a timeout")
        // Before the call: until the next minute on the wall clock (20 s past here).
        #expect(waits.prefix(2).allSatisfy { $0 > 1000 })
        // During the call: never more than a second, never zero.
        #expect(waits.dropFirst(3).allSatisfy { (1...1000).contains($0) })
    }

    @Test func aResizeRedrawsAtTheNewSizeWithTheSizeMessage() throws {
        let terminal = ScriptedTerminal(script: [.resize, .key(.char("q"))], clock: clock)
        _ = runtime(store: try store()).run(on: terminal)
        let last = try #require(terminal.frames.last)
        #expect(last.width == 40 && last.height == 10)
        #expect(last.contains("Need 60×18"))
    }

    @Test func nothingIsDrawnAgainWhenAKeyChangesNothing() throws {
        let terminal = ScriptedTerminal(script: [.key(.function(12)), .key(.function(12)), .key(.char("q"))], clock: clock)
        _ = runtime(store: try store()).run(on: terminal)
        #expect(terminal.frames.count == 1)
    }

    /// The queue is drawn from the working set alone; the follow-ups still owed are read
    /// after that first frame, including those of prospects outside the working set.
    @Test func theFirstFrameComesBeforeFollowUpsAreReadAndTheyArriveNext() throws {
        let store = try store()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.upsert(prospects: [
            Prospect(id: "p-bruno", name: "Bruno Keller", phone: "+41 44 1", status: .lost, createdAt: now.addingTimeInterval(-90 * 86400))
        ])
        let owed = FollowUp(subject: "Thank you", body: "Hello")
        try store.save(calls: [
            Call(id: "c-today", prospectID: "p-anna", startedAt: now.addingTimeInterval(-3600), outcome: .callback, followUp: owed),
            Call(id: "c-earlier", prospectID: "p-bruno", startedAt: now.addingTimeInterval(-3 * 86400), outcome: .notInterested, followUp: owed),
        ], targets: TalkTargets())
        let terminal = ScriptedTerminal(script: [.key(.char("f"))], clock: clock)
        _ = runtime(store: store).run(on: terminal)

        let goal = Settings().dailyCallGoal
        let first = try #require(terminal.frames.first)
        #expect(first.contains("Anna Berg") && first.contains("1/\(goal) calls"))
        #expect(!first.contains("follow-up"))
        #expect(terminal.frames.dropFirst().first?.contains("2 follow-ups drafted") == true)
        // Bruno has no company: no empty field between the separators.
        #expect(terminal.frames.last?.contains("Bruno Keller · not interested") == true)
    }

    /// SIGTERM in the middle of the end-of-call dialogs: the checkpoint written on the way
    /// out holds the answers given so far, not only the talk.
    @Test func aSignalInTheEndOfCallDialogsCheckpointsTheirAnswers() throws {
        let store = try store()
        let script: [TerminalInput] =
            [.key(.enter), .key(.char("p")), .timeout, .key(.char("e")), .key(.char("y"))]
            + "Jan Jansen, 020-5550114".map { .key(.char($0)) } + [.key(.enter)] + "Pi".map { .key(.char($0)) }
            + [.signal(.terminate)]
        let terminal = ScriptedTerminal(script: script, clock: clock)
        let status = runtime(store: store).run(on: terminal)
        #expect(status == 143)
        let checkpoint = try #require(try store.checkpoint())
        let answers = try #require(checkpoint.answers)
        #expect(answers.referrals.map(\.name) == ["Jan Jansen"])
        #expect(answers.referralText == "Pi")
        #expect(checkpoint.call.segments.contains { $0.speaker == .prospect })
    }

    /// A call a crash left live with someone outside the queue rows the dashboard holds:
    /// the runner reads them from the store with the checkpoint, so ending the call has
    /// their address to write to, not a stand-in with only a name.
    @Test func aRecoveredCallWithSomeoneOutsideTheQueueHasTheirAddress() throws {
        let store = try store()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.upsert(prospects: [
            Prospect(
                id: "p-bruno", name: "Bruno Keller", company: "Keller AG", email: "bruno@keller.example",
                status: .lost, createdAt: now.addingTimeInterval(-90 * 86400))
        ])
        try store.writeCheckpoint(
            LiveCallCheckpoint(
                call: Call(
                    id: "c-bruno", prospectID: "p-bruno", prospectName: "Bruno Keller", startedAt: now.addingTimeInterval(-60),
                    segments: [TalkSegment(speaker: .prospect, start: 0, end: 40)]),
                elapsed: 45, savedAt: now.addingTimeInterval(-15)))
        // A wait after each key: a dialog ignores keys pressed the instant it appears.
        let keys: [Key] = [.char("r"), .char("e"), .char("n"), .char("8"), .enter]
        let script: [TerminalInput] = keys.flatMap { [.key($0), .timeout] }
        let terminal = ScriptedTerminal(script: script, clock: clock)
        _ = runtime(store: store).run(on: terminal)
        #expect(terminal.frames.first?.contains("The call with Bruno Keller (Keller AG) was live") == true)
        #expect(terminal.frames.contains { $0.contains("bruno@keller.example") && $0.contains("Brief") })
        #expect(terminal.frames.contains { $0.contains("To: Bruno Keller <bruno@keller.example>") })
        #expect(!terminal.frames.contains { $0.contains("no recipient") })
    }
}
