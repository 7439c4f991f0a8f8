import CallboardTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal's signals belong to the loop's thread: they must cut its wait short, and
/// ncurses' own SIGWINCH handler only sets a flag, so a resize delivered to another
/// thread would wait for the loop's next wake. Threads of the runtime's own block them.
enum LoopSignals {
    static func leaveToTheLoop() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in TerminalSignal.allCases.map(\.number) + [SIGWINCH] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
