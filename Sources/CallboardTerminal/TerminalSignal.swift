#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The signals the dashboard reacts to while it runs.
public enum TerminalSignal: Hashable, Sendable, CaseIterable {
    case interrupt, terminate, hangup, suspend, resume

    /// The POSIX number.
    public var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        case .suspend: SIGTSTP
        case .resume: SIGCONT
        }
    }

    public init?(number: Int32) {
        guard let match = Self.allCases.first(where: { $0.number == number }) else { return nil }
        self = match
    }
}

/// What the loop does about a signal or about a key that stands for one (in raw mode
/// Ctrl-C and Ctrl-Z arrive as keys, not signals).
public enum SignalAction: Hashable, Sendable {
    /// Save the live call, restore the terminal and exit with this status.
    case checkpointAndExit(status: Int32)
    /// Save the live call, give the terminal back, stop; repaint in full on return.
    case suspend
    /// The terminal may have been disturbed while stopped: repaint in full.
    case repaint

    /// The table. Exit statuses follow the shell's 128 + signal convention.
    public static func action(for signal: TerminalSignal) -> SignalAction {
        switch signal {
        case .interrupt, .terminate, .hangup: .checkpointAndExit(status: 128 + signal.number)
        case .suspend: .suspend
        case .resume: .repaint
        }
    }

    /// The action a key stands for, or nil for an ordinary key the app handles.
    public static func action(for input: TerminalInput) -> SignalAction? {
        switch input {
        case .signal(let signal): action(for: signal)
        case .key(.ctrl("c")): action(for: .interrupt)
        case .key(.ctrl("z")): action(for: .suspend)
        default: nil
        }
    }
}
