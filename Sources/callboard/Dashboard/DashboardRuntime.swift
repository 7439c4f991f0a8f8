import CallboardCore
import CallboardStore
import CallboardTerminal
import CallboardUI
import CallboardUseCases
import Foundation

/// The dashboard's loop: terminal input and time become events, `update` decides, effects
/// are carried out, and the screen is drawn only when the state changed.
struct DashboardRuntime {
    let store: Store
    let settings: Settings
    let theme: ThemeChoice
    var zone: TimeZone = .current
    var sendCommand: String? = nil
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var clock: any MonotonicClock = SystemClock()
    var wallClock: @Sendable () -> Date = { Date() }

    /// A live call is saved at least this often, whatever `update` asks for, so a
    /// `kill -9` loses at most these seconds of talk.
    static let checkpointEvery = 5.0

    /// Takes over the terminal until the seller quits or a signal ends the program.
    ///
    /// - Returns: the exit status: 0 after `q`, 128 + the signal after SIGINT/SIGTERM/SIGHUP.
    /// - Throws: ``TerminalError`` when this is no usable terminal (before anything is drawn).
    func run() throws -> Int32 {
        let monochrome = ThemeCatalog.builtIn(named: ThemeCatalog.monochromeName) ?? theme.theme
        let terminal = try Terminal(theme: theme.theme, monochrome: monochrome, environment: environment)
        let status = run(on: terminal)
        terminal.close()
        // Shown in the status line too, but a later message may have covered it.
        for warning in theme.warnings {
            Output.warning(warning)
        }
        return status
    }

    /// The loop on any terminal backend; tests drive it with one that records frames.
    func run(on terminal: any TerminalBackend) -> Int32 {
        var loop = Loop(runtime: self, terminal: terminal)
        return loop.run()
    }

    var effects: EffectRunner {
        EffectRunner(desk: Desk(store: store, settings: settings), sendCommand: sendCommand, environment: environment)
    }

    func moment() -> Moment { Moment(monotonic: clock.now(), wall: wallClock()) }
}

/// One run of the loop, with the state it carries between events.
private struct Loop {
    let runtime: DashboardRuntime
    let terminal: any TerminalBackend
    let effects: EffectRunner
    var state: AppState
    var drawn: AppState?
    var lastCheckpoint: MonotonicInstant?
    var exitStatus: Int32?
    /// Effects put off until the next frame is drawn (see `Effect.canWaitForFrame`).
    var afterFrame: [Effect] = []

    init(runtime: DashboardRuntime, terminal: any TerminalBackend) {
        self.runtime = runtime
        self.terminal = terminal
        effects = runtime.effects
        let size = terminal.size
        state = AppState(
            settings: runtime.settings, zone: runtime.zone, canSend: runtime.sendCommand != nil,
            width: size.width, height: size.height)
    }

    mutating func run() -> Int32 {
        for warning in runtime.theme.warnings { dispatch(.failed(warning)) }
        if runtime.store.tightenedPermissions { dispatch(.failed(StoreLocation.madePrivate(runtime.store.directory))) }
        start()
        while exitStatus == nil {
            draw()
            if !afterFrame.isEmpty {
                performAfterFrame()
                continue
            }
            let input = terminal.nextInput(timeoutMilliseconds: timeout())
            if let action = SignalAction.action(for: input) {
                handle(action)
                continue
            }
            switch input {
            case .key(let key): dispatch(.key(key, runtime.moment()))
            case .resize:
                let size = terminal.size
                dispatch(.resize(width: size.width, height: size.height))
            case .timeout: dispatch(.tick(runtime.moment()))
            case .signal: break
            }
            checkpointIfDue()
        }
        return exitStatus ?? 0
    }

    /// Loads the store, then picks up a call that a crash left live.
    private mutating func start() {
        let moment = runtime.moment()
        for event in effects.perform(.load, at: moment, terminal: terminal) { dispatch(event) }
        do {
            if let checkpoint = try runtime.store.checkpoint() { dispatch(.resumed(checkpoint, runtime.moment())) }
        } catch {
            dispatch(.failed("The call in progress could not be recovered: \(error)"))
        }
    }

    /// Runs `update`, then the effects it asked for, feeding their answers back in order.
    private mutating func dispatch(_ event: Event) {
        var pending = [event]
        while !pending.isEmpty, exitStatus == nil {
            let next = pending.removeFirst()
            for effect in update(&state, next) {
                if case .quit(let code) = effect {
                    exitStatus = code
                    return
                }
                if case .checkpoint = effect { lastCheckpoint = runtime.clock.now() }
                if effect.canWaitForFrame {
                    afterFrame.append(effect)
                    continue
                }
                pending += effects.perform(effect, at: runtime.moment(), terminal: terminal)
            }
        }
    }

    /// Carries out what waited for the frame just drawn; the loop draws again after.
    private mutating func performAfterFrame() {
        let waiting = afterFrame
        afterFrame = []
        for effect in waiting {
            for event in effects.perform(effect, at: runtime.moment(), terminal: terminal) { dispatch(event) }
        }
    }

    private mutating func handle(_ action: SignalAction) {
        switch action {
        case .checkpointAndExit(let status):
            saveLiveCall()
            exitStatus = status
        case .suspend:
            saveLiveCall()
            terminal.suspend()
            drawn = nil
        case .repaint:
            terminal.invalidate()
            drawn = nil
        }
    }

    private mutating func checkpointIfDue() {
        guard state.live != nil, exitStatus == nil else { return }
        let now = runtime.clock.now()
        if let last = lastCheckpoint, now - last < DashboardRuntime.checkpointEvery { return }
        saveLiveCall()
    }

    /// Writes the live call's checkpoint straight away (signals, suspend, the safety net).
    private mutating func saveLiveCall() {
        let moment = runtime.moment()
        guard let checkpoint = state.liveCheckpoint(at: moment) else { return }
        lastCheckpoint = moment.monotonic
        do {
            try runtime.store.writeCheckpoint(checkpoint)
        } catch {
            if exitStatus == nil { dispatch(.failed("The live call could not be saved: \(error)")) }
        }
    }

    private func timeout() -> Int {
        let moment = runtime.moment()
        // Durations show to the nearest second, so the timer turns over at each half
        // second of the call: wake then, half a second ahead of whole seconds.
        let elapsed = state.live.map { moment.monotonic - $0.meter.origin + 0.5 }
        let wake = WakeSchedule.timeoutMilliseconds(callElapsed: elapsed, wallSeconds: moment.wall.timeIntervalSince1970)
        // Wake when the live call's checkpoint falls due, so a crash never loses more than
        // `checkpointEvery` seconds of it.
        guard state.live != nil, let last = lastCheckpoint else { return wake }
        let due = DashboardRuntime.checkpointEvery - (moment.monotonic - last)
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
}
