import CallboardCore
import CallboardExchange
import CallboardRuntime
import CallboardStore
import CallboardTerminal
import CallboardUI
import CallboardUseCases
import Foundation

/// The dashboard's wiring: the terminal, the store's effects, the control socket for
/// `callboard mark`, and the loop (``EventLoop``) that runs them.
struct DashboardRuntime {
    let store: Store
    let settings: Settings
    let theme: ThemeChoice
    var zone: TimeZone = .current
    var sendCommand: String? = nil
    var commandTimeout = Configuration.defaultCommandTimeout
    /// The `command` dialer's program.
    var dialCommand: String? = nil
    /// Where baresip's ctrl_tcp listens, for the `baresip` dialer.
    var baresipControl = BaresipAddress(Configuration.defaultBaresipControl)
    /// The program that takes each saved call as JSON.
    var afterCallCommand: String? = nil
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var clock: any MonotonicClock = SystemClock()
    var wallClock: @Sendable () -> Date = { Date() }
    /// The configuration, for the sources it switches on (hands-free listening).
    var configuration = Configuration()
    /// Effects run at once on the loop, each answer handled before the next input: for
    /// tests that script the terminal.
    var effectsInline = false

    /// Takes over the terminal until the seller quits or a signal ends the program.
    ///
    /// - Returns: the exit status: 0 after `q`, 128 + the signal after SIGINT/SIGTERM/SIGHUP.
    /// - Throws: ``TerminalError`` when this is no usable terminal (before anything is drawn).
    func run() throws -> Int32 {
        let monochrome = ThemeCatalog.builtIn(named: ThemeCatalog.monochromeName) ?? theme.theme
        let terminal = try Terminal(theme: theme.theme, monochrome: monochrome, environment: environment)
        let inbox = EventQueue()
        let remote = listenForMarks(inbox)
        let listening = listenToTheHeadset(inbox)
        let status = run(on: terminal, inbox: inbox)
        listening?.stop()
        remote?.close()
        terminal.close()
        // Shown in the status line too, but a later message may have covered it.
        for warning in theme.warnings {
            Output.warning(warning)
        }
        return status
    }

    /// The loop on any terminal backend; tests drive it with one that records frames.
    func run(on terminal: any TerminalBackend, inbox: EventQueue = EventQueue()) -> Int32 {
        for warning in theme.warnings { inbox.send(.failed(warning)) }
        if store.tightenedPermissions { inbox.send(.failed(StoreLocation.madePrivate(store.directory))) }
        let size = terminal.size
        var state = AppState(
            settings: settings, zone: zone, canSend: sendCommand != nil, width: size.width, height: size.height)
        state.outboxFolder = store.outboxDirectory.path
        state.handsOffCalls = afterCallCommand != nil
        let phone = baresipLink(inbox)
        var loop = EventLoop(
            state: state, handler: effects(phone: phone), terminal: terminal, inbox: inbox, clock: clock,
            wallClock: wallClock, effectsInline: effectsInline)
        let status = loop.run()
        phone?.close()
        return status
    }

    func effects(phone: BaresipLink? = nil) -> EffectRunner {
        var desk = Desk(store: store, settings: settings)
        desk.afterCallCommand = afterCallCommand
        desk.afterCallTimeout = commandTimeout
        var runner = EffectRunner(
            desk: desk, sendCommand: sendCommand, environment: environment, commandTimeout: commandTimeout)
        runner.dialing = Dialing(dialer: settings.dialer, dialCommand: dialCommand, baresip: phone)
        return runner
    }

    /// The link to baresip for the `baresip` dialer, connected now so a phone that is not
    /// running is known before the first dial (it is tried again then).
    private func baresipLink(_ inbox: EventQueue) -> BaresipLink? {
        guard settings.dialer == .baresip, let address = baresipControl else { return nil }
        let link = BaresipLink(host: address.host, port: address.port, inbox: inbox)
        do {
            try link.connect()
        } catch {
            inbox.send(.failed("\(error.description.prefix(1).uppercased())\(error.description.dropFirst())."))
        }
        return link
    }

    /// Hands-free: the headset's audio marks who talks, as the keys would. Off unless the
    /// configuration asks; a machine without PulseAudio says why and keeps the keys.
    private func listenToTheHeadset(_ inbox: EventQueue) -> HandsFreeListening? {
        guard settings.handsFree else { return nil }
        do {
            return try HandsFreeListening.start(
                configuration, clock: clock, wallClock: wallClock, send: { inbox.send($0) })
        } catch {
            inbox.send(.failed("Hands-free is off: \(error.description)"))
            return nil
        }
    }

    /// The socket `callboard mark` talks to, in the store's folder; without it the
    /// dashboard works as before and says why marks cannot reach it.
    private func listenForMarks(_ inbox: EventQueue) -> ControlSocket? {
        do {
            return try ControlSocket.listen(in: store.directory) { RemoteMarks.answer($0, inbox: inbox) }
        } catch {
            inbox.send(.failed("callboard mark cannot reach this dashboard: \(error)."))
            return nil
        }
    }
}
