/// Why the dashboard cannot take over this terminal, in words the seller can act on.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case notATerminal(stream: String)
    case noTerminalType
    case dumbTerminal
    case unknownTerminal(String)
    case noCursorAddressing(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "The dashboard needs a terminal, but standard \(stream) is not one. Run it in a terminal window, or use a subcommand such as `callboard today` in scripts."
        case .noTerminalType:
            "TERM is not set, so the dashboard cannot tell what the terminal can do. Set it, e.g. TERM=xterm-256color."
        case .dumbTerminal:
            "TERM=dumb cannot move the cursor, which the dashboard needs. Use a terminal such as xterm-256color."
        case .unknownTerminal(let name):
            "The terminal type \"\(name)\" is not in the terminfo database. Install its terminfo entry or set TERM=xterm-256color."
        case .noCursorAddressing(let name):
            "The terminal type \"\(name)\" cannot move the cursor, which the dashboard needs. Use a terminal such as xterm-256color."
        }
    }
}
