import CallboardCore
import CallboardTerminal
import CallboardUI
import Foundation
import Synchronization
import Testing

@testable import CallboardRuntime

/// The limit only stops a loop that hangs; inside the full suite these tests may wait long
/// for a thread while other suites hold the pool.
@Suite(.timeLimit(.minutes(10))) struct EventLoopTests {
    /// Half a second past a whole minute: with no call the loop would sleep 59.5 s.
    static let wall: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000.5) }

    static func start(
        _ effects: FakeEffects, _ terminal: QuietTerminal, inbox: EventQueue = EventQueue(),
        wall: (@Sendable () -> Date)? = nil
    ) -> Running<Int32> {
        Running {
            var loop = EventLoop(
                state: AppState(zone: TimeZone(identifier: "UTC") ?? .current), handler: effects, terminal: terminal,
                inbox: inbox, wallClock: wall ?? { Date() })
            return loop.run()
        }
    }

    @Test func anEventPostedFromAnotherThreadWakesTheWaitingLoopAtOnce() {
        let terminal = QuietTerminal()
        let inbox = EventQueue()
        let run = Self.start(FakeEffects(), terminal, inbox: inbox, wall: Self.wall)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        Thread.sleep(forTimeInterval: 0.2)
        var status: Int32?
        let took = seconds {
            inbox.send { .key(.char("q"), $0) }
            status = run.wait(seconds: 30)
        }
        #expect(status == 0)
        #expect(took < 0.5, "the loop took \(took) s to handle a posted q")
        print("posted q handled and the loop ended in \(Int(took * 1000)) ms")
    }

    /// The store's lane is held by an effect that never finishes; the call's checkpoints
    /// have a lane of their own, so each wait of the loop finds one at most 5 s old.
    @Test func aLiveCallIsCheckpointedOnTimeWhileASlowEffectHoldsTheStore() throws {
        let clock = ManualClock(start: 1000)
        let effects = FakeEffects { if case .loadFollowUps = $0 { true } else { false } }
        let terminal = ScriptedTerminal(
            script: [.key(.enter), .key(.char("p"))] + Array(repeating: .timeout, count: 20), clock: clock)
        var observed = 0
        var callStart: MonotonicInstant?
        var worstGap = 0.0
        var problems: [String] = []
        terminal.observe = {
            observed += 1
            guard observed > 1 else { return }
            // The lanes run beside the loop: give them a moment to catch up.
            let deadline = Date().addingTimeInterval(2)
            var gap = Double.infinity
            repeat {
                if let last = effects.checkpoints.last?.checkpoint {
                    let start = callStart ?? clock.now() + -last.elapsed
                    callStart = start
                    gap = (clock.now() - start) - last.elapsed
                }
                if gap <= LiveCallCheckpoint.interval + 0.01, effects.waiting == 1 { break }
                usleep(2_000)
            } while Date() < deadline
            worstGap = max(worstGap, gap)
            if effects.waiting != 1 { problems.append("wait \(observed): the slow effect was not running") }
        }
        var loop = EventLoop(
            state: AppState(zone: TimeZone(identifier: "UTC") ?? .current), handler: effects, terminal: terminal,
            clock: clock, wallClock: Self.wall)
        let status = loop.run()
        #expect(status == 143)
        #expect(problems.isEmpty, "\(problems)")
        #expect(worstGap <= LiveCallCheckpoint.interval + 0.01, "a checkpoint was \(worstGap) s old")
        #expect((effects.checkpoints.last?.checkpoint.elapsed ?? 0) >= 15)
        #expect(effects.wasStopped)
    }

    /// Keys, the call's timer and Ctrl-C all work while the store's lane is stuck.
    @Test func ctrlCWhileASlowEffectRunsStopsItAndEndsAtOnce() throws {
        let effects = FakeEffects { if case .loadFollowUps = $0 { true } else { false } }
        let terminal = QuietTerminal()
        let run = Self.start(effects, terminal)
        let deadline = Date().addingTimeInterval(5)
        while effects.waiting == 0, Date() < deadline { usleep(5_000) }
        #expect(effects.waiting == 1)
        terminal.push(.key(.enter))
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:00") } != nil, "Enter did not start the call")
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:01") } != nil, "the call's timer stood still")
        var status: Int32?
        let took = seconds {
            terminal.push(.key(.ctrl("c")))
            status = run.wait(seconds: 10)
        }
        #expect(status == 130)
        #expect(took < 1, "Ctrl-C took \(took) s")
        #expect(effects.wasStopped)
        // The last word on the live call was its checkpoint on the way out.
        #expect((effects.checkpoints.last?.checkpoint.elapsed ?? 0) >= 0.5)
    }

    /// What `start` only read is written beside the loop once the first frame is drawn
    /// (a working set rebuilt for a new day): keys are handled while it is slow, and its
    /// answer comes back as an event.
    @Test func theWriteTheFirstFrameNeedNotWaitForRunsBesideTheLoopAfterIt() throws {
        let terminal = QuietTerminal()
        let framesBefore = Mutex<Int?>(nil)
        let disk = DispatchSemaphore(value: 0)
        let effects = FakeEffects(afterFirstFrame: {
            framesBefore.withLock { $0 = terminal.frames.count }
            disk.wait()
            return [.failed("working set kept")]
        })
        let run = Self.start(effects, terminal)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        let deadline = Date().addingTimeInterval(5)
        while framesBefore.withLock({ $0 }) == nil, Date() < deadline { usleep(5_000) }
        #expect((framesBefore.withLock { $0 } ?? 0) >= 1, "it ran before the first frame was drawn")
        terminal.push(.key(.enter))
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:00") } != nil, "Enter waited for the write")
        disk.signal()
        #expect(terminal.waitForFrame { $0.contains("working set kept") } != nil, "the answer never came back")
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
    }

    /// A disk that stalls on the checkpoint: marks still show at once and the call's clock
    /// keeps ticking while the checkpoint waits, and the newest is written once the disk
    /// answers.
    @Test func keysAndTheClockGoOnWhileTheCheckpointIsStuckOnTheDisk() throws {
        let effects = FakeEffects { if case .checkpoint = $0 { true } else { false } }
        let terminal = QuietTerminal()
        let run = Self.start(effects, terminal)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        terminal.push(.key(.enter))
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:00") } != nil, "Enter did not start the call")
        terminal.push(.key(.char("p")))
        #expect(terminal.waitForFrame { $0.contains("They are talking") } != nil, "p did not show while a checkpoint was stuck")
        terminal.push(.key(.char("m")))
        #expect(terminal.waitForFrame { $0.contains("I am talking") } != nil, "m did not show while checkpoints were stuck")
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:02") } != nil, "the call's clock stood still")
        #expect(effects.waiting == 1, "the checkpoint was not stuck on its lane")
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
        // Once the disk answers, the newest checkpoint is written: the one on the way out,
        // holding both marks.
        let last = try #require(effects.effects.last { if case .checkpoint = $0 { true } else { false } })
        guard case .checkpoint(let checkpoint) = last else { return }
        let speakers: [Speaker] = checkpoint.call.segments.map(\.speaker).filter { $0 != .silence }
        #expect(speakers == [.prospect, .me])
    }

    /// The store's lane stuck on a prospect being added: the field takes the next line
    /// as it is typed, and the queue moves under it.
    @Test func typingGoesOnWhileAProspectIsBeingWritten() throws {
        let effects = FakeEffects { if case .addProspect = $0 { true } else { false } }
        let terminal = QuietTerminal()
        let run = Self.start(effects, terminal)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        terminal.push(.key(.char("a")))
        for character in "Cara Chen, +49 30 3" { terminal.push(.key(.char(character))) }
        terminal.push(.key(.enter))
        let deadline = Date().addingTimeInterval(5)
        while effects.waiting == 0, Date() < deadline { usleep(5_000) }
        #expect(effects.waiting == 1, "the add never reached the store's lane")
        for character in "Dora" { terminal.push(.key(.char(character))) }
        #expect(terminal.waitForFrame { $0.contains("Dora") } != nil, "typing stood still while the add was written")
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
    }

    @Test func aRemoteMarkIsAnsweredOnceTheLoopHasActedOnIt() throws {
        let terminal = QuietTerminal()
        let inbox = EventQueue()
        let run = Self.start(FakeEffects(), terminal, inbox: inbox)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        #expect(RemoteMarks.answer("me", inbox: inbox) == "error: no call in progress")
        terminal.push(.key(.enter))
        #expect(terminal.waitForFrame { $0.contains("Anna Berg · cold call · 0:") } != nil)
        var answer = ""
        let took = seconds { answer = RemoteMarks.answer(" Prospect \n", inbox: inbox) }
        #expect(answer == "ok: they talk")
        #expect(took < 0.5, "the mark took \(took) s")
        #expect(terminal.waitForFrame(timeout: 1) { $0.contains("They are talking") } != nil)
        #expect(RemoteMarks.answer("louder", inbox: inbox).hasPrefix("error: unknown mark"))
        // The ask is a switch: the answer says which way it went, not "on/off".
        #expect(RemoteMarks.answer("ask", inbox: inbox) == "ok: asked who else might be interested")
        #expect(RemoteMarks.answer("ask", inbox: inbox) == "ok: the referral ask taken back")
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
        #expect(RemoteMarks.answer("me", inbox: inbox) == "error: the dashboard is closing")
    }

    /// The answer read by `callboard mark`: what the mark did, why it was refused, and a
    /// bare "ok" from a dashboard of an earlier version taken as done, never as refused
    /// (a refusal makes a script try again, and a second `ask` takes the ask back).
    @Test func theMarkCommandReadsEveryAnswerADashboardGives() {
        #expect(RemoteMarks.reading("ok: they talk", for: .prospect) == .success("they talk"))
        #expect(RemoteMarks.reading("ok", for: .ask) == .success(RemoteMark.ask.summary))
        #expect(RemoteMarks.reading("error: no call in progress", for: .me) == .failure(.init(reason: "no call in progress")))
    }

    /// A mark the loop cannot take in time (the editor has it) is refused, and not made
    /// later at the wrong moment.
    @Test func aMarkTheBusyLoopCannotTakeInTimeIsRefusedAndNeverMade() throws {
        let effects = FakeEffects(editorSeconds: 1.5)
        let terminal = QuietTerminal()
        let inbox = EventQueue()
        let run = Self.start(effects, terminal, inbox: inbox)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        for key: Key in [.enter, .char("n"), .ctrl("o")] { terminal.push(.key(key)) }
        let deadline = Date().addingTimeInterval(5)
        while !effects.effects.contains(where: { if case .openEditor = $0 { true } else { false } }), Date() < deadline {
            usleep(5_000)
        }
        let answer = RemoteMarks.answer("me", inbox: inbox, within: 0.3)
        #expect(answer == "error: the dashboard is busy and did not take the mark")
        #expect(terminal.waitForFrame(timeout: 10) { $0.contains(" edited") } != nil)
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
        let last = try #require(effects.checkpoints.last?.checkpoint)
        #expect(!last.call.segments.contains { $0.speaker == .me }, "a refused mark was made: \(last.call.segments)")
    }

    /// The editor holds the loop; a watch keeps the 5-second promise meanwhile.
    @Test func whileTheEditorHasTheTerminalTheLiveCallIsStillCheckpointed() throws {
        let effects = FakeEffects(editorSeconds: LiveCallCheckpoint.interval + 1.5)
        let terminal = QuietTerminal()
        let run = Self.start(effects, terminal)
        #expect(terminal.waitForFrame { $0.contains("Anna Berg") } != nil)
        for key: Key in [.enter, .char("p"), .char("n"), .char("x"), .ctrl("o")] { terminal.push(.key(key)) }
        #expect(terminal.waitForFrame(timeout: 20) { $0.contains("x edited") } != nil, "the editor's text never came back")
        terminal.push(.signal(.terminate))
        #expect(run.wait(seconds: 10) == 143)
        let times = effects.checkpoints.map(\.at)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(times.count >= 3)
        #expect((gaps.max() ?? .infinity) <= LiveCallCheckpoint.interval + 0.5, "checkpoint gaps \(gaps)")
    }
}
