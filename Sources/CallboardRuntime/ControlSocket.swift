import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Unix domain socket in a folder on which other programs of the same user send lines
/// and get one line back for each: how `callboard mark` reaches the running dashboard.
///
/// The socket file is made 0600 in the folder (the store's, itself 0700) and removed on
/// close; one left by a crash, that nobody answers on, is replaced. Every connection's
/// peer must run as this process's user (SO_PEERCRED); others are refused. Connections are
/// served one at a time on the listener's thread, each bounded by ``waitLimit``.
public final class ControlSocket: Sendable {
    public static let defaultName = "control.sock"
    /// Seconds a connection may stay silent, or take to read an answer.
    public static let waitLimit = 2.0
    /// The longest line taken, in bytes.
    static let lineLimit = 256

    private let place: SocketPlace
    private let listener: Int32
    private let inode: UInt64
    private let stopRead: Int32
    private let stopWrite: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let closed = Atomic<Bool>(false)

    private init(place: SocketPlace, listener: Int32, inode: UInt64, stop: (read: Int32, write: Int32)) {
        self.place = place
        self.listener = listener
        self.inode = inode
        stopRead = stop.read
        stopWrite = stop.write
    }

    deinit { close() }

    /// Listens on `name` in `folder` and answers every line with `answer`, called on the
    /// listener's thread, until ``close()``.
    public static func listen(
        in folder: URL, name: String = defaultName, answer: @escaping @Sendable (String) -> String
    ) throws(ControlSocketError) -> ControlSocket {
        let place = try SocketPlace(folder: folder, name: name)
        do {
            return try open(place, answer: answer)
        } catch {
            place.close()
            throw error
        }
    }

    private static func open(
        _ place: SocketPlace, answer: @escaping @Sendable (String) -> String
    ) throws(ControlSocketError) -> ControlSocket {
        if let existing = place.status() {
            // A socket left by a crash is replaced; anything else there is not ours.
            guard existing.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: place.path) }
            if let live = try? place.connect() {
                _ = Glibc.close(live)
                throw .inUse(path: place.path)
            }
            unlinkat(place.folder, place.name, 0)
        }
        let fd = try SocketPlace.makeSocket(for: place.path)
        guard place.withAddress({ bind(fd, $0, $1) }) == 0 else {
            let why = SocketPlace.reason()
            _ = Glibc.close(fd)
            throw .system(operation: "Making the socket", path: place.path, reason: why)
        }
        // The folder is the owner's alone already; the socket is too.
        var stop: [Int32] = [-1, -1]
        guard fchmodat(place.folder, place.name, 0o600, 0) == 0, Glibc.listen(fd, 16) == 0,
            let made = place.status(), pipe(&stop) == 0
        else {
            let why = SocketPlace.reason()
            unlinkat(place.folder, place.name, 0)
            _ = Glibc.close(fd)
            throw .system(operation: "Listening on", path: place.path, reason: why)
        }
        for end in stop { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let socket = ControlSocket(place: place, listener: fd, inode: UInt64(made.st_ino), stop: (stop[0], stop[1]))
        socket.start(answer)
        return socket
    }

    /// Stops listening, waits for the listener's thread and removes the socket file if it
    /// is still this one. Safe to call twice.
    public func close() {
        guard !closed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        var byte: UInt8 = 1
        _ = write(stopWrite, &byte, 1)
        finished.wait()
        if let now = place.status(), UInt64(now.st_ino) == inode { unlinkat(place.folder, place.name, 0) }
        for fd in [listener, stopRead, stopWrite] { _ = Glibc.close(fd) }
        place.close()
    }

    private func start(_ answer: @escaping @Sendable (String) -> String) {
        Thread { [self] in
            LoopSignals.leaveToTheLoop()
            while true {
                var fds = [
                    pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0),
                ]
                if poll(&fds, 2, -1) < 0 {
                    if errno == EINTR { continue }
                    break
                }
                if fds[1].revents != 0 { break }
                guard fds[0].revents != 0 else { continue }
                let client = accept(listener, nil, nil)
                guard client >= 0 else { continue }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                serve(client, answer: answer)
                _ = Glibc.close(client)
            }
            finished.signal()
        }.start()
    }

    private func serve(_ client: Int32, answer: (String) -> String) {
        guard Self.peerIsThisUser(client) else {
            _ = SocketPlace.write("error: only the user running the dashboard may use its socket\n", to: client)
            return
        }
        SocketPlace.limitWaits(client, seconds: Self.waitLimit)
        var lines = LineReader(fd: client, limit: Self.lineLimit)
        while !closed.load(ordering: .sequentiallyConsistent) {
            switch lines.next() {
            case .line(let line):
                guard SocketPlace.write(answer(line) + "\n", to: client) else { return }
            case .tooLong:
                _ = SocketPlace.write("error: the line is longer than \(Self.lineLimit) bytes\n", to: client)
                return
            case .end:
                return
            }
        }
    }

    /// `struct ucred`, which Swift's Glibc module leaves out.
    private struct PeerCredentials {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    static func peerIsThisUser(_ fd: Int32) -> Bool {
        var credentials = PeerCredentials()
        var size = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0,
            size == socklen_t(MemoryLayout<PeerCredentials>.size)
        else { return false }
        return credentials.uid == getuid()
    }

    /// Sends `line` to the socket `name` in `folder` and returns the answer line.
    ///
    /// - Throws: ``ControlSocketError/noListener(path:)`` when nothing listens there (no
    ///   socket, a stale one, no folder); ``ControlSocketError/noAnswer(path:)`` when no
    ///   answer comes within `seconds`.
    public static func ask(
        _ line: String, in folder: URL, name: String = defaultName, within seconds: Double = 5
    ) throws(ControlSocketError) -> String {
        let place = try SocketPlace(folder: folder, name: name, opening: false)
        defer { place.close() }
        let fd = try place.connect()
        defer { _ = Glibc.close(fd) }
        SocketPlace.limitWaits(fd, seconds: seconds)
        // A listener that refuses us says why and hangs up, perhaps before our line is
        // sent: its answer is still there to read.
        let sent = SocketPlace.write(line + "\n", to: fd)
        let sendFailure = sent ? nil : SocketPlace.reason()
        shutdown(fd, Int32(SHUT_WR))
        var answers = LineReader(fd: fd, limit: 4096)
        switch answers.next() {
        case .line(let answer): return answer
        case .tooLong, .end:
            if let sendFailure { throw .system(operation: "Sending to", path: place.path, reason: sendFailure) }
            throw .noAnswer(path: place.path)
        }
    }
}
