import CNcurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Shared with the signal handlers, which may touch only atomics and `write`.
private let pendingSignals = Atomic<UInt64>(0)
private let wakeWriteEnd = Atomic<Int32>(-1)
private let cursesActive = Atomic<Bool>(false)
// The handlers that were there before ours (e.g. Swift's backtracer), for crash chaining.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

private func recordSignal(_ number: Int32) {
    pendingSignals.bitwiseOr(UInt64(1) << UInt64(number), ordering: .sequentiallyConsistent)
    let fd = wakeWriteEnd.load(ordering: .sequentiallyConsistent)
    if fd >= 0 {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }
}

private func restoreAndReraise(_ number: Int32) {
    // endwin is not async-signal-safe, but a crashed process leaving the terminal in raw
    // mode is worse; htop and ratatui make the same trade.
    if cursesActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
    sigaction(number, previousActions + Int(number), nil)
    raise(number)
}

/// Catches the signals the dashboard reacts to (turning them into input the loop reads),
/// and restores the terminal before a crash kills the process.
enum SignalTrap {
    /// The read end of the self-pipe: readable whenever a signal is pending.
    nonisolated(unsafe) private(set) static var wakeReadEnd: Int32 = -1
    nonisolated(unsafe) private static var crashHandlersInstalled = false

    static func install() {
        if wakeReadEnd < 0 {
            var fds: [Int32] = [-1, -1]
            if pipe(&fds) == 0 {
                for fd in fds {
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                }
                wakeReadEnd = fds[0]
                wakeWriteEnd.store(fds[1], ordering: .sequentiallyConsistent)
            }
        }
        for signal in TerminalSignal.allCases { setHandler(signal.number) { recordSignal($0) } }
        // A parent may hand down a mask that blocks these (a thread pool's, for one): then
        // SIGTERM would never arrive and a crash could not restore the terminal.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in TerminalSignal.allCases.map(\.number) + crashSignals + [SIGWINCH] { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // Once only: installing again would save our own handler as "the one before",
        // and a crash would re-raise into itself forever.
        guard !crashHandlersInstalled else { return }
        crashHandlersInstalled = true
        for number in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { restoreAndReraise($0) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, previousActions + Int(number))
        }
    }

    /// Puts every handler back as it was (default for the loop's signals).
    static func uninstall() {
        for trapped in TerminalSignal.allCases { _ = signal(trapped.number, SIG_DFL) }
        guard crashHandlersInstalled else { return }
        for number in crashSignals { sigaction(number, previousActions + Int(number), nil) }
        crashHandlersInstalled = false
    }

    static func setHandler(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a signal must cut a wait short.
        action.sa_flags = 0
        sigaction(number, &action, nil)
    }

    /// Whether ncurses owns the terminal, so a crash knows to call endwin.
    static func setCursesActive(_ active: Bool) { cursesActive.store(active, ordering: .sequentiallyConsistent) }

    /// The oldest-numbered pending signal, cleared; nil when none is pending.
    static func takePending() -> TerminalSignal? {
        drainWakePipe()
        let bits = pendingSignals.load(ordering: .sequentiallyConsistent)
        guard bits != 0 else { return nil }
        // Exit signals first: a hangup during a stop must not be lost behind the resume.
        for signal in [TerminalSignal.hangup, .terminate, .interrupt, .suspend, .resume] {
            let bit = UInt64(1) << UInt64(signal.number)
            if bits & bit != 0 {
                pendingSignals.bitwiseAnd(~bit, ordering: .sequentiallyConsistent)
                return signal
            }
        }
        pendingSignals.store(0, ordering: .sequentiallyConsistent)
        return nil
    }

    private static func drainWakePipe() {
        guard wakeReadEnd >= 0 else { return }
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &sink, sink.count) > 0 {}
    }
}
