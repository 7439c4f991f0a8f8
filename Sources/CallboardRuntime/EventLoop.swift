import CallboardCore
import CallboardTerminal
import CallboardUI
import Foundation

/// The dashboard's loop. One queue of events fed by several sources: keys, resizes and
/// signals from the terminal, ticks from the clock, effect results from the lanes, and
/// whatever any thread posts to ``inbox``. `update` decides; effects are carried out on
/// their lanes (see ``EffectLane``); the screen is drawn only when the state changed.
///
/// A live call is checkpointed at least every ``LiveCallCheckpoint/interval`` seconds
/// whatever an effect is doing: the checkpoint has a lane of its own, and while the
/// terminal is lent to another program a watch thread keeps it on time.
public struct EventLoop<Handler: EffectHandler> {
    /// Where other sources post events; any thread may use it.
    public let inbox: EventQueue
    private let handler: Handler
    private let terminal: any TerminalBackend
    private let clock: any MonotonicClock
    private let wallClock: @Sendable () -> Date
    private let lanes: Lanes

    private var state: AppState
    private var drawn: AppState?
    private var lastCheckpoint: MonotonicInstant?
    private var exitStatus: Int32?
    /// Effects put off until the next frame is drawn (see `Effect.canWaitForFrame`).
    private var afterFrame: [Effect] = []
    /// When the screen next has something new to show (the call's timer, the clock).
    private var tickDue: MonotonicInstant?

    /// Seconds the program waits at the end for outside programs it stopped.
    static var commandGrace: Double { 5 }

    /// - Parameters:
    ///   - effectsInline: run every lane's work at once on the loop, so each answer is
    ///     handled before the next input; for tests that script the terminal.
    public init(
        state: AppState, handler: Handler, terminal: any TerminalBackend, inbox: EventQueue = EventQueue(),
        clock: any MonotonicClock = SystemClock(), wallClock: @escaping @Sendable () -> Date = { Date() },
        effectsInline: Bool = false
    ) {
        self.state = state
        self.handler = handler
        self.terminal = terminal
        self.inbox = inbox
        self.clock = clock
        self.wallClock = wallClock
        lanes = Lanes(inline: effectsInline)
    }

    /// Runs until the seller quits or a signal ends the program; then stops the outside
    /// programs, waits for the store's lanes and answers whoever still waits on the inbox.
    ///
    /// - Returns: the exit status: 0 after `q`, 128 + the signal after SIGINT/SIGTERM/SIGHUP.
    public mutating func run() -> Int32 {
        takeInbox()
        if exitStatus == nil {
            for event in handler.start(at: currentMoment()) { dispatch(event) }
        }
        var isFirstFrame = true
        while exitStatus == nil {
            takeInbox()
            checkpointIfDue()
            guard exitStatus == nil else { break }
            draw()
            if isFirstFrame {
                isFirstFrame = false
                let (handler, inbox, moment) = (handler, inbox, currentMoment())
                lanes.store.async { for event in handler.afterFirstFrame(at: moment) { inbox.send(event) } }
            }
            if !afterFrame.isEmpty {
                startAfterFrame()
                continue
            }
            let input = terminal.nextInput(timeoutMilliseconds: timeout(), wakingOn: inbox.wakeDescriptor)
            if let action = SignalAction.action(for: input) {
                handle(action)
                continue
            }
            switch input {
            case .key(let key): dispatch(.key(key, currentMoment()))
            case .resize:
                let size = terminal.size
                dispatch(.resize(width: size.width, height: size.height))
            case .timeout:
                tickDue = nil
                dispatch(.tick(currentMoment()))
            case .woken, .signal: break
            }
            tickIfDue()
        }
        finish()
        return exitStatus ?? 0
    }

    private func currentMoment() -> Moment { Moment(monotonic: clock.now(), wall: wallClock()) }

    /// Handles what other threads posted, in order.
    private mutating func takeInbox() {
        for entry in inbox.take() {
            switch entry {
            case .event(let event):
                if exitStatus == nil { dispatch(event) }
            case .stamped(let make, let reply):
                guard exitStatus == nil else {
                    reply?(nil)
                    continue
                }
                guard let event = make(currentMoment()) else { continue }
                let before = state
                dispatch(event)
                reply?(EventQueue.Handled(met: before, left: state))
            }
        }
    }

    /// Runs `update`, then the effects it asked for; answers of effects run on the loop
    /// are fed back in order, the others arrive through the inbox.
    private mutating func dispatch(_ event: Event) {
        var pending = [event]
        while !pending.isEmpty, exitStatus == nil {
            let next = pending.removeFirst()
            for effect in update(&state, next) {
                guard exitStatus == nil else { return }
                pending += carryOut(effect)
            }
        }
    }

    private mutating func carryOut(_ effect: Effect) -> [Event] {
        switch effect {
        case .quit(let code):
            exitStatus = code
            return []
        case .checkpoint:
            lastCheckpoint = clock.now()
            post(effect, on: lanes.checkpoint)
            return []
        case .clearCheckpoint:
            post(effect, on: lanes.checkpoint)
            return []
        default:
            break
        }
        if effect.canWaitForFrame {
            afterFrame.append(effect)
            return []
        }
        return launch(effect)
    }

    /// Starts `effect` on its lane; the answers of one run on the loop.
    private mutating func launch(_ effect: Effect) -> [Event] {
        switch handler.lane(for: effect) {
        case .loop:
            return handler.perform(effect, at: currentMoment())
        case .terminal:
            return lendTerminal(for: effect)
        case .checkpoint:
            post(effect, on: lanes.checkpoint)
        case .store:
            post(effect, on: lanes.store)
        case .afterCall:
            post(effect, on: lanes.afterCall)
        case .command:
            // Started once the store work asked before it is done (a follow-up is saved
            // before it is sent), without holding the store's lane while it runs.
            let command = lanes.command
            let (handler, inbox, moment) = (handler, inbox, currentMoment())
            lanes.store.async {
                command.async { for event in handler.perform(effect, at: moment) { inbox.send(event) } }
            }
        }
        return []
    }

    /// Carries `effect` out on `lane`; its answers come back through the inbox.
    private func post(_ effect: Effect, on lane: Lane) {
        let (handler, inbox, moment) = (handler, inbox, currentMoment())
        lane.async { for event in handler.perform(effect, at: moment) { inbox.send(event) } }
    }

    /// Starts what waited for the frame just drawn; the loop draws again after.
    private mutating func startAfterFrame() {
        let waiting = afterFrame
        afterFrame = []
        for effect in waiting where exitStatus == nil {
            for event in launch(effect) { dispatch(event) }
        }
    }

    /// Hands the terminal to another program while `effect` runs, keeping a live call's
    /// checkpoint on time meanwhile.
    private mutating func lendTerminal(for effect: Effect) -> [Event] {
        let watch = watchCheckpoints()
        let answers = Self.perform(effect, at: currentMoment(), by: handler, whileReleasing: terminal)
        if let saved = watch?.stop() { lastCheckpoint = saved }
        return answers
    }

    private static func perform(
        _ effect: Effect, at moment: Moment, by handler: Handler, whileReleasing terminal: any TerminalBackend
    ) -> [Event] {
        terminal.whileReleased { handler.perform(effect, at: moment) }
    }

    /// A watch that checkpoints the live call as it stands, for while the loop is away;
    /// nil with no live call.
    private func watchCheckpoints() -> CheckpointWatch? {
        guard state.live != nil else { return nil }
        let interval = LiveCallCheckpoint.interval
        let since = lastCheckpoint.map { clock.now() - $0 } ?? interval
        let writer = StandInCheckpoint(
            state: state, handler: handler, lane: lanes.checkpoint, clock: clock, wallClock: wallClock)
        return CheckpointWatch(firstAfter: interval - since, every: interval, write: writer.write)
    }

    private mutating func handle(_ action: SignalAction) {
        switch action {
        case .checkpointAndExit(let status):
            saveLiveCall()
            exitStatus = status
        case .suspend:
            saveLiveCall()
            // On disk before the process stops: a stopped process may never run again.
            lanes.checkpoint.drain()
            terminal.suspend()
            drawn = nil
        case .repaint:
            terminal.invalidate()
            drawn = nil
        }
    }

    private mutating func checkpointIfDue() {
        guard state.live != nil, exitStatus == nil else { return }
        if let last = lastCheckpoint, clock.now() - last < LiveCallCheckpoint.interval { return }
        saveLiveCall()
    }

    /// Saves the live call now (signals, suspend, the safety net), whatever `update` asked.
    private mutating func saveLiveCall() {
        let moment = currentMoment()
        guard let checkpoint = state.liveCheckpoint(at: moment) else { return }
        lastCheckpoint = moment.monotonic
        post(.checkpoint(checkpoint), on: lanes.checkpoint)
    }

    /// A tick whose time came while the loop was busy with something else.
    private mutating func tickIfDue() {
        guard exitStatus == nil, let due = tickDue, clock.now() >= due else { return }
        tickDue = nil
        dispatch(.tick(currentMoment()))
    }

    private mutating func timeout() -> Int {
        let moment = currentMoment()
        // Durations show to the nearest second, so the timer turns over at each half
        // second of the call: wake then, half a second ahead of whole seconds.
        let elapsed = state.secondsOrigin.map { moment.monotonic - $0 + 0.5 }
        let wake = WakeSchedule.timeoutMilliseconds(callElapsed: elapsed, wallSeconds: moment.wall.timeIntervalSince1970)
        tickDue = moment.monotonic + Double(wake) / 1000
        // Wake when the live call's checkpoint falls due, so a crash never loses more than
        // `LiveCallCheckpoint.interval` seconds of it.
        guard state.live != nil, let last = lastCheckpoint else { return wake }
        let due = LiveCallCheckpoint.interval - (moment.monotonic - last)
        return min(wake, max(1, Int((due * 1000).rounded(.up))))
    }

    /// Draws when the state differs from the one on screen, or after a full repaint.
    private mutating func draw() {
        let size = terminal.size
        if state.width != size.width || state.height != size.height {
            dispatch(.resize(width: size.width, height: size.height))
        }
        guard drawn != state else { return }
        var frame = CellBuffer(width: size.width, height: size.height)
        render(state, into: &frame)
        terminal.draw(frame)
        drawn = state
    }

    /// Stops outside programs, lets the checkpoint and the store finish what they were
    /// asked (the last checkpoint, a call being saved), and answers whoever still waits.
    private func finish() {
        inbox.close()
        handler.stop()
        lanes.checkpoint.drain()
        lanes.store.drain()
        lanes.command.drain(within: Self.commandGrace)
        lanes.afterCall.drain(within: Self.commandGrace)
        lanes.close()
    }
}

/// The live call's checkpoint as the state stood when the loop went away, taken at the
/// moment it is written.
private struct StandInCheckpoint<Handler: EffectHandler>: Sendable {
    let state: AppState
    let handler: Handler
    let lane: Lane
    let clock: any MonotonicClock
    let wallClock: @Sendable () -> Date

    @Sendable func write() -> MonotonicInstant? {
        let moment = Moment(monotonic: clock.now(), wall: wallClock())
        guard let checkpoint = state.liveCheckpoint(at: moment) else { return nil }
        let handler = handler
        lane.async { _ = handler.perform(.checkpoint(checkpoint), at: moment) }
        return moment.monotonic
    }
}
