import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs an outside program (the send command, the editor) directly, never through a
/// shell, and reports how it ended.
public struct CommandRunner: Sendable {
    /// The `PATH` to search for a program given without a slash.
    public var searchPath: String

    public init(searchPath: String) {
        self.searchPath = searchPath
    }

    public struct Outcome: Hashable, Sendable {
        public var status: Int32
        /// The end of what the program wrote to stderr, for the message when it fails.
        public var errorOutput: String
        public var succeeded: Bool { status == 0 }
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case emptyCommand
        case badCommand(String, CommandWords.Problem)
        case notFound(String)
        case cannotStart(String, String)
        /// The program ran longer than the timeout and was stopped.
        case timedOut(String, seconds: Double)
        /// The program was stopped because the caller cancelled (the dashboard is closing).
        case cancelled(String)

        public var description: String {
            switch self {
            case .emptyCommand: "No command is configured."
            case .badCommand(let line, let problem): "The command \"\(line)\" cannot be read: \(problem)."
            case .notFound(let program): "The program \"\(program)\" was not found on the PATH."
            case .cannotStart(let program, let why): "\"\(program)\" could not be started: \(why)."
            case .timedOut(let program, let seconds):
                "\"\(program)\" did not finish within \(Self.seconds(seconds)) s and was stopped."
            case .cancelled(let program): "\"\(program)\" was stopped before it finished."
            }
        }

        /// "30", "2.5": seconds as the configuration writes them.
        public static func seconds(_ value: Double) -> String {
            value.rounded() == value && abs(value) < 1e9 ? String(Int(value)) : String(value)
        }
    }

    /// Runs `commandLine` with `input` on its stdin, e.g. a message for `msmtp -t`.
    ///
    /// The program runs in a process group of its own. When it outlives `timeout` seconds,
    /// or `cancellation` is cancelled while it runs, the whole group gets SIGTERM, then
    /// SIGKILL after ``stopGrace`` seconds, and the run throws ``Failure/timedOut(_:seconds:)``
    /// or ``Failure/cancelled(_:)``: a shell script's own children go with it.
    public func run(
        _ commandLine: String, extraArguments: [String] = [], input: Data, timeout: Double? = nil,
        cancellation: CommandCancellation? = nil
    ) throws(Failure) -> Outcome {
        let (executable, arguments) = try resolve(commandLine)
        if cancellation?.isCancelled == true { throw .cancelled(executable.path) }
        // A program that exits without reading its input must not kill us with SIGPIPE.
        _ = signal(SIGPIPE, SIG_IGN)
        let child = try ChildProcess.spawn(executable, arguments: arguments + extraArguments)
        let ending = child.exchange(input: input, until: timeout.map { ChildProcess.now() + $0 }, cancellation: cancellation)
        switch ending {
        case .exited(let status):
            return Outcome(status: status, errorOutput: ImportedText.lines(child.errorText))
        case .timedOut:
            throw .timedOut(executable.path, seconds: timeout ?? 0)
        case .cancelled:
            throw .cancelled(executable.path)
        }
    }

    /// Seconds a stopped program has between SIGTERM and SIGKILL.
    public static let stopGrace = 1.0

    /// Runs `commandLine` on the user's terminal (an editor), with `arguments` after its
    /// own words, and waits for it.
    ///
    /// The program joins our process group, the terminal's foreground group, so it may
    /// read the keyboard (Foundation's `Process` starts it in a group of its own, where a
    /// full-screen editor gets only I/O errors). It starts with every signal unblocked and
    /// at its default; while it runs we ignore SIGINT and SIGQUIT, as `system(3)` does,
    /// so a Ctrl-C meant for the editor does not end the dashboard.
    public func runAttached(_ commandLine: String, arguments: [String]) throws(Failure) -> Int32 {
        let (executable, own) = try resolve(commandLine)
        var ignore = sigaction()
        #if canImport(Glibc)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        var savedInterrupt = sigaction()
        var savedQuit = sigaction()
        sigaction(SIGINT, &ignore, &savedInterrupt)
        sigaction(SIGQUIT, &ignore, &savedQuit)
        defer {
            sigaction(SIGINT, &savedInterrupt, nil)
            sigaction(SIGQUIT, &savedQuit, nil)
        }

        let argv = ([executable.path] + own + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = ChildSignals.retryingWhileBusy {
            ChildProcess.spawning.withLock {
                ChildSignals.withDefaultAttributes { attributes in
                    posix_spawn(&pid, executable.path, nil, &attributes, argv, environ)
                }
            }
        }
        guard started == 0 else {
            throw .cannotStart(executable.path, String(cString: strerror(started)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return ChildProcess.status(status)
    }

    func resolve(_ commandLine: String) throws(Failure) -> (URL, [String]) {
        let words: [String]
        do {
            words = try CommandWords.split(commandLine)
        } catch {
            throw .badCommand(commandLine, error)
        }
        guard let program = words.first else { throw .emptyCommand }
        if program.contains("/") { return (URL(fileURLWithPath: program), Array(words.dropFirst())) }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return (candidate, Array(words.dropFirst()))
            }
        }
        throw .notFound(program)
    }
}

