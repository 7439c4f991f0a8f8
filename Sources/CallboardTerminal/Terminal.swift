import CNcurses
import CallboardUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ncurses terminal: draws cell buffers, reads keys, and always gives the terminal back.
/// Deliberately thin; the decisions live in ``KeyDecoder``, ``FrameDiff``, ``ColorPlan`` and
/// ``SignalAction``, which are tested without a terminal.
public final class Terminal: TerminalBackend {
    private let screen: OpaquePointer
    private var plan: ColorPlan
    private var previous: CellBuffer?
    private var closed = false

    /// Takes over the terminal on standard input/output.
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout is not a terminal, TERM is missing,
    ///   dumb or unknown, or the terminal cannot address the cursor.
    public init(theme: Theme, monochrome: Theme, environment: [String: String]) throws(TerminalError) {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "output") }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerminalType }
        guard term != "dumb" else { throw .dumbTerminal }

        // Our handlers go in first: ncurses only installs its own where none is set.
        SignalTrap.install()
        guard let screen = newterm(nil, cb_stdout(), cb_stdin()) else {
            SignalTrap.uninstall()
            throw .unknownTerminal(term)
        }
        set_term(screen)
        guard cb_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            SignalTrap.uninstall()
            throw .noCursorAddressing(term)
        }
        self.screen = screen
        SignalTrap.setCursesActive(true)

        set_escdelay(25)
        raw()
        noecho()
        nonl()
        let window = cb_stdscr()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)

        var colorCount = 0
        var pairCount = 0
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorCount = Int(cb_colors())
            pairCount = Int(cb_color_pairs())
        }
        plan = ColorPlan(
            theme: theme, colorCount: colorCount, pairCount: pairCount, defaultColors: defaultColors,
            monochrome: monochrome)
        for pair in plan.pairs {
            init_pair(Int16(pair.number), Int16(pair.foreground), Int16(pair.background))
        }
    }

    deinit { close() }

    public var size: TerminalSize {
        var height: Int32 = 0
        var width: Int32 = 0
        cb_getmaxyx(cb_stdscr(), &height, &width)
        return TerminalSize(width: Int(width), height: Int(height))
    }

    public func draw(_ frame: CellBuffer) {
        guard !closed else { return }
        let window = cb_stdscr()
        for change in FrameDiff.changes(from: previous, to: frame) {
            put(change.cell, x: change.x, y: change.y, window: window)
        }
        wnoutrefresh(window)
        doupdate()
        previous = frame
    }

    public func invalidate() {
        previous = nil
        guard !closed else { return }
        clearok(cb_curscr(), true)
    }

    public func nextInput(timeoutMilliseconds: Int?, wakingOn wake: Int32?) -> TerminalInput {
        let deadline = timeoutMilliseconds.map { Self.nowMilliseconds() + $0 }
        while true {
            if let signal = SignalTrap.takePending() { return .signal(signal) }
            if let input = readPending() { return input }
            let remaining = deadline.map { max(0, $0 - Self.nowMilliseconds()) }
            if remaining == 0 { return .timeout }
            // poll skips a negative descriptor, so "no wake" needs no special case.
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalTrap.wakeReadEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake ?? -1, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: remaining ?? -1))
            guard ready > 0 else { continue }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The terminal went away: read what it left, then hang up; a dead
                // descriptor is always "ready", so waiting on it again would spin.
                return SignalTrap.takePending().map { .signal($0) } ?? readPending() ?? .signal(.hangup)
            }
            // Keys and signals that arrived with it are read on the next call.
            if fds[2].revents != 0 { return .woken }
        }
    }

    public func suspend() {
        guard !closed else { return }
        SignalTrap.setCursesActive(false)
        endwin()
        _ = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Running again after `fg`.
        SignalTrap.install()
        SignalTrap.setCursesActive(true)
        invalidate()
    }

    public func whileReleased<T>(_ body: () throws -> T) rethrows -> T {
        guard !closed else { return try body() }
        SignalTrap.setCursesActive(false)
        def_prog_mode()
        endwin()
        defer {
            // Whatever arrived for the program (a terminal's answer to its query, keys
            // typed as it closed) must not reach the dashboard as keys.
            tcflush(STDIN_FILENO, TCIFLUSH)
            reset_prog_mode()
            SignalTrap.setCursesActive(true)
            invalidate()
        }
        return try body()
    }

    public func close() {
        guard !closed else { return }
        closed = true
        SignalTrap.setCursesActive(false)
        curs_set(1)
        endwin()
        delscreen(screen)
        SignalTrap.uninstall()
    }

    /// A key ncurses already has, or one that arrives within the escape delay.
    private func readPending() -> TerminalInput? {
        let window = cb_stdscr()
        wtimeout(window, 0)
        while true {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == ERR { return nil }
            let decoded =
                status == KEY_CODE_YES
                ? KeyDecoder.decode(functionKey: Int32(bitPattern: value))
                : KeyDecoder.decode(character: value)
            if let decoded {
                if decoded == .resize { invalidate() }
                return decoded
            }
        }
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let look = plan.appearance(of: cell.style)
        var attrs = cb_attr_normal()
        if look.bold { attrs |= cb_attr_bold() }
        if look.dim { attrs |= cb_attr_dim() }
        if look.reverse { attrs |= cb_attr_reverse() }
        if look.underline { attrs |= cb_attr_underline() }
        // A cell is one grapheme; ncurses holds at most five code points per cell. Put
        // together on the stack: a frame puts hundreds of cells.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { chars in
            var count = 0
            for scalar in cell.text.unicodeScalars.prefix(5) {
                chars[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            if count == 0 {
                chars[0] = 32
                count = 1
            }
            chars[count] = 0
            guard let text = chars.baseAddress else { return }
            if cb_put_wide(window, Int32(y), Int32(x), text, attrs, Int16(look.pair)) == ERR, count > 1 {
                chars[1] = 0
                _ = cb_put_wide(window, Int32(y), Int32(x), text, attrs, Int16(look.pair))
            }
        }
    }

    private static func nowMilliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return spec.tv_sec * 1000 + spec.tv_nsec / 1_000_000
    }
}
