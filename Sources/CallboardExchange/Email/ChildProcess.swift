import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started with its stdin and stderr on pipes and its stdout on /dev/null, in a
/// process group of its own so it can be stopped with whatever it started. Feeds the
/// input, keeps the end of stderr, and waits for it, a deadline, or a cancellation.
final class ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case timedOut
        case cancelled
    }

    let pid: pid_t
    private var inputDescriptor: Int32
    private var errorDescriptor: Int32
    private var errors = Data()
    private var reaped = false

    /// How often the wait looks whether the program has ended, in milliseconds.
    private static let pollMilliseconds = 25
    /// The most of stderr kept: its end is what says what went wrong.
    private static let errorTail = 4_000

    private init(pid: pid_t, input: Int32, errors: Int32) {
        self.pid = pid
        inputDescriptor = input
        errorDescriptor = errors
    }

    deinit {
        closeInput()
        closeErrors()
        // Never leave a zombie, nor a program running on after us.
        if !reaped {
            kill(-pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }

    static func spawn(_ executable: URL, arguments: [String]) throws(CommandRunner.Failure) -> ChildProcess {
        let path = executable.path
        let failure = { (why: String) in CommandRunner.Failure.cannotStart(path, why) }
        spawning.lock()
        defer { spawning.unlock() }
        guard let input = pipePair() else { throw failure(reason()) }
        guard let errors = pipePair() else {
            close(input.read)
            close(input.write)
            throw failure(reason())
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = ChildSignals.retryingWhileBusy {
            ChildSignals.withDefaultAttributes { attributes in
                var flags: Int16 = 0
                posix_spawnattr_getflags(&attributes, &flags)
                posix_spawnattr_setflags(&attributes, flags | Int16(POSIX_SPAWN_SETPGROUP))
                posix_spawnattr_setpgroup(&attributes, 0)
                return posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            }
        }
        close(input.read)
        close(errors.write)
        guard started == 0 else {
            close(input.write)
            close(errors.read)
            throw failure(String(cString: strerror(started)))
        }
        for descriptor in [input.write, errors.read] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        return ChildProcess(pid: pid, input: input.write, errors: errors.read)
    }

    /// Writes `input` to the program and reads its stderr until it exits, `deadline`
    /// (on ``now()``) passes, or `cancellation` is cancelled; in the last two cases the
    /// program's group is stopped first.
    func exchange(input: Data, until deadline: Double?, cancellation: CommandCancellation?) -> Ending {
        let bytes = [UInt8](input)
        var written = 0
        if bytes.isEmpty { closeInput() }
        while true {
            if let status = reap(blocking: false) {
                finishReading()
                return .exited(status)
            }
            if cancellation?.isCancelled == true {
                stop()
                return .cancelled
            }
            let now = Self.now()
            if let deadline, now >= deadline {
                stop()
                return .timedOut
            }
            var fds = [
                pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: written < bytes.count ? inputDescriptor : -1, events: Int16(POLLOUT), revents: 0),
            ]
            let wait = deadline.map { min(Self.pollMilliseconds, max(1, Int((($0 - now) * 1000).rounded(.up)))) }
            _ = poll(&fds, nfds_t(fds.count), Int32(wait ?? Self.pollMilliseconds))
            if fds[0].revents != 0 { readErrors() }
            if fds[1].revents != 0 {
                let count = bytes[written...].withUnsafeBytes { write(inputDescriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    written += count
                    if written == bytes.count { closeInput() }
                } else if count < 0, errno != EAGAIN, errno != EINTR {
                    // EPIPE: it stopped reading, which is its business.
                    closeInput()
                }
            }
        }
    }

    /// The end of what the program wrote to stderr.
    var errorText: String { String(decoding: errors.suffix(2_000), as: UTF8.self) }

    /// SIGTERM to the group, SIGKILL after the grace period; then the program is reaped.
    private func stop() {
        closeInput()
        kill(-pid, SIGTERM)
        let giveUp = Self.now() + CommandRunner.stopGrace
        while reap(blocking: false) == nil, Self.now() < giveUp { usleep(10_000) }
        // Whatever of the group ignored SIGTERM goes now, the leader included.
        kill(-pid, SIGKILL)
        if !reaped { _ = reap(blocking: true) }
        closeErrors()
    }

    /// The exit status when the program has ended (reaping it), else nil.
    private func reap(blocking: Bool) -> Int32? {
        guard !reaped else { return nil }
        var raw: Int32 = 0
        while true {
            let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
            if result == pid {
                reaped = true
                return Self.status(raw)
            }
            if result == -1, errno == EINTR { continue }
            if result == -1 {
                // Reaped by someone else: the status is lost, and it is not a success.
                reaped = true
                return -1
            }
            return nil
        }
    }

    private func readErrors() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while errorDescriptor >= 0 {
            let count = read(errorDescriptor, &buffer, buffer.count)
            if count > 0 {
                errors.append(contentsOf: buffer[0..<count])
                if errors.count > Self.errorTail * 2 { errors = Data(errors.suffix(Self.errorTail)) }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                closeErrors()
            } else {
                return
            }
        }
    }

    /// After the exit, what is left in the pipe; a child it started may hold stderr open,
    /// so this waits a moment at most.
    private func finishReading() {
        let giveUp = Self.now() + 0.2
        while errorDescriptor >= 0, Self.now() < giveUp {
            var fds = [pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, 20) > 0 { readErrors() }
        }
        closeErrors()
    }

    private func closeInput() {
        if inputDescriptor >= 0 { close(inputDescriptor) }
        inputDescriptor = -1
    }

    private func closeErrors() {
        if errorDescriptor >= 0 { close(errorDescriptor) }
        errorDescriptor = -1
    }

    /// Exited: its code; killed by a signal: 128 + the signal, as a shell says.
    static func status(_ raw: Int32) -> Int32 {
        raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Held while a pipe is made and marked close-on-exec, and while a child is spawned:
    /// so no child spawned from another thread inherits a pipe end in between (which would
    /// keep a program's stdin open, and it waiting for an end of input that never comes).
    static let spawning = NSLock()

    /// A pipe whose ends close on exec (the child gets its own copies through dup2), and
    /// sit above 0–2, so a dup2 onto the child's stdin or stderr is never a no-op that
    /// would leave close-on-exec set.
    private static func pipePair() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        let moved = fds.map { fd -> Int32 in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 3)
            close(fd)
            return high
        }
        guard moved.allSatisfy({ $0 >= 0 }) else {
            for fd in moved where fd >= 0 { close(fd) }
            return nil
        }
        return (moved[0], moved[1])
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
