import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running on a pseudo-terminal of a given size, with every byte it writes to
/// the screen recorded with the time it arrived.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let process = Process()
    private let master: Int32
    private var masterClosed = false
    private let slave: FileHandle
    private(set) var output: [UInt8] = []
    /// When each read's bytes arrived (monotonic seconds) and how many there were.
    private(set) var arrivals: [(at: Double, bytes: Int)] = []
    /// Bytes received when `mark()` was last called, to count what a window wrote.
    private(set) var started: Date

    /// The program itself: setsid runs it as its child when it has to fork.
    private(set) var pid: pid_t = 0

    // TIOCSPTLCK and TIOCGPTN from <asm-generic/ioctls.h>.
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// Starts `executable` with `arguments` on a fresh pty of `width`×`height`.
    init(executable: URL, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        // /dev/ptmx by hand: posix_openpt and friends are not visible to Swift on Glibc.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.unlockRequest, &unlock) == 0, ioctl(master, Self.numberRequest, &number) == 0
        else {
            throw Failure(description: "no pseudo-terminal could be opened: \(String(cString: strerror(errno)))")
        }
        let path = "/dev/pts/\(number)"
        let slaveFD = open(path, O_RDWR | O_NOCTTY)
        guard slaveFD >= 0 else { throw Failure(description: "\(path) could not be opened") }
        slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        // setsid -c makes the pty the program's controlling terminal, as in a real shell;
        // -w keeps it waiting so its exit status is the program's.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "-c", executable.path] + arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        started = Date()
        // The child inherits this thread's signal mask, and test runner threads block
        // SIGTERM, SIGHUP and SIGINT: start it with none blocked, as a shell would.
        var none = sigset_t()
        var saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
        pid = Self.program(under: process.processIdentifier, named: executable.lastPathComponent)
    }

    /// setsid forks when it already leads a process group; find the program it started.
    private static func program(under parent: pid_t, named name: String) -> pid_t {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let comm = try? String(contentsOfFile: "/proc/\(parent)/comm", encoding: .utf8),
                comm.trimmingCharacters(in: .whitespacesAndNewlines) == String(name.prefix(15))
            {
                return parent
            }
            let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
            if let child = children.split(separator: " ").first.flatMap({ pid_t($0) }) {
                if let comm = try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8),
                    comm.trimmingCharacters(in: .whitespacesAndNewlines) == String(name.prefix(15))
                {
                    return child
                }
            }
            usleep(500)
        }
        return parent
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if !masterClosed { close(master) }
    }

    /// Reads what is waiting, for at most `seconds`; returns the bytes that arrived.
    @discardableResult
    func pump(for seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        repeat {
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            let left = max(0, deadline.timeIntervalSinceNow)
            guard poll(&fds, 1, Int32(left * 1000)) > 0 else { continue }
            let read = Glibc.read(master, &buffer, buffer.count)
            if read <= 0 { return count }
            received(buffer[0..<read])
            count += read
        } while Date() < deadline
        return count
    }

    private func received(_ bytes: ArraySlice<UInt8>) {
        output += bytes
        arrivals.append((Self.now(), bytes.count))
    }

    /// Monotonic seconds.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Writes `key` and reads the frame it brings until the frame is complete (no byte
    /// for `quiet` seconds after the last); the seconds from the write to that frame's
    /// last byte, nil when nothing came within `timeout`.
    func keyToFrame(_ key: String, quiet: Double = 0.005, timeout: Double = 2) -> Double? {
        let written = Self.now()
        type(key)
        var last: Double?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let wait = last.map { $0 + quiet - Self.now() } ?? (written + timeout - Self.now())
            guard wait > 0 else { break }
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, Int32((wait * 1000).rounded(.up))) > 0 else {
                if last != nil, Self.now() >= (last ?? 0) + quiet { break }
                continue
            }
            let read = Glibc.read(master, &buffer, buffer.count)
            if read <= 0 { break }
            received(buffer[0..<read])
            last = arrivals.last?.at
        }
        return last.map { $0 - written }
    }

    /// Reads until `text` appears in the output; returns the seconds since the start.
    func waitFor(_ text: String, timeout: Double = 20) throws -> Double {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            if output.count >= needle.count, Self.contains(output, needle) { return Date().timeIntervalSince(started) }
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, 50) > 0 else { continue }
            let read = Glibc.read(master, &buffer, buffer.count)
            if read <= 0 { break }
            received(buffer[0..<read])
        }
        throw Failure(description: "\"\(text)\" never appeared; the program wrote \(output.count) bytes")
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Closes our end, as when the terminal window is closed: the program gets SIGHUP.
    func hangUp() {
        close(master)
        masterClosed = true
    }

    /// Everything written so far, as text (invalid UTF-8 shows as U+FFFD).
    var text: String { String(decoding: output, as: UTF8.self) }

    var isRunning: Bool { kill(pid, 0) == 0 && !Self.isZombie(pid) }

    static func isZombie(_ pid: pid_t) -> Bool { state(of: pid) == "Z" }

    /// The one-letter state in /proc/PID/stat: R, S, T (stopped), Z...
    static func state(of pid: pid_t) -> Character? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: close)...].split(separator: " ").first?.first
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the program to end, killing it after `timeout`; returns its exit status,
    /// 128 + the signal when a signal ended it, or -1 when it had to be killed.
    @discardableResult
    func finish(timeout: Double = 5) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        // The program's own state in /proc, not Process.isRunning, which may lag behind.
        while isRunning, Date() < deadline {
            if masterClosed { usleep(20_000) } else { pump(for: 0.05) }
        }
        let killed = isRunning
        if killed { kill(pid, SIGKILL) }
        let reaped = Date().addingTimeInterval(2)
        while process.isRunning, Date() < reaped {
            if masterClosed { usleep(20_000) } else { pump(for: 0.02) }
        }
        // What the program wrote last (giving the terminal back) may still be unread.
        if !masterClosed { pump(for: 0.1) }
        if killed || process.isRunning { return -1 }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
