import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What went wrong with the control socket, in words for the seller.
public enum ControlSocketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing listens there: no socket file, a stale one, or no such folder.
    case noListener(path: String)
    /// Something other than a socket has the socket's name; it is left alone.
    case notASocket(path: String)
    /// A program already answers on the socket.
    case inUse(path: String)
    /// The path does not fit a Unix socket address, even through /proc/self/fd.
    case pathTooLong(path: String)
    /// The listener took the line but gave no answer in time.
    case noAnswer(path: String)
    case system(operation: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .noListener(let path): "nothing listens on \(path)"
        case .notASocket(let path): "\(path) is in the way: it is not a socket. Move it aside"
        case .inUse(let path): "another program already listens on \(path)"
        case .pathTooLong(let path):
            "the path \(path) is too long for a Unix socket (at most \(SocketPlace.capacity - 1) bytes); use a shorter store path"
        case .noAnswer(let path): "no answer came from \(path) in time"
        case .system(let operation, let path, let reason): "\(operation) \(path) failed: \(reason)"
        }
    }
}

/// A socket's file in a folder, and the address that reaches it. A Unix socket address
/// holds at most 107 bytes of path; a longer one is reached through the folder opened
/// here, as `/proc/self/fd/N/name`, which the kernel resolves to the same file.
struct SocketPlace {
    /// `sun_path`'s size on Linux, the terminating NUL included.
    static let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)

    /// The folder, opened: the `*at` calls work on the file through it. -1 when it was
    /// not needed (a client whose path fits), so a client needs only search permission.
    let folder: Int32
    let name: String
    /// The socket's full path, for messages.
    let path: String
    /// The path `bind` and `connect` use.
    let address: String

    init(folder url: URL, name: String, opening: Bool = true) throws(ControlSocketError) {
        path = url.appendingPathComponent(name).path
        self.name = name
        let fits = path.utf8.count < Self.capacity
        guard opening || !fits else {
            folder = -1
            address = path
            return
        }
        folder = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .noListener(path: path) }
            throw .system(operation: "Opening the folder of", path: path, reason: Self.reason())
        }
        if fits {
            address = path
            return
        }
        let short = "/proc/self/fd/\(folder)/\(name)"
        guard short.utf8.count < Self.capacity, FileManager.default.fileExists(atPath: "/proc/self/fd/\(folder)") else {
            _ = Glibc.close(folder)
            throw .pathTooLong(path: path)
        }
        address = short
    }

    func close() {
        if folder >= 0 { _ = Glibc.close(folder) }
    }

    /// The file's status, without following a link; nil when there is none.
    func status() -> stat? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// Calls `body` with the socket address.
    func withAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(address.utf8)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
            raw.copyBytes(from: bytes.prefix(Self.capacity - 1))
        }
        return withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A new stream socket, closed on exec.
    static func makeSocket(for path: String) throws(ControlSocketError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system(operation: "Making a socket for", path: path, reason: reason()) }
        return fd
    }

    /// A connection to the socket; `.noListener` when nobody answers there.
    func connect() throws(ControlSocketError) -> Int32 {
        let fd = try Self.makeSocket(for: path)
        var result: Int32 = -1
        repeat {
            result = withAddress { Glibc.connect(fd, $0, $1) }
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            if code == ENOENT || code == ECONNREFUSED || code == ENOTDIR {
                throw .noListener(path: path)
            }
            throw .system(operation: "Connecting to", path: path, reason: String(cString: strerror(code)))
        }
        return fd
    }

    /// Send and receive time limits on a connection, so nobody waits on a silent peer.
    static func limitWaits(_ fd: Int32, seconds: Double) {
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, size)
    }

    /// Writes all of `text`; false when the peer went away or stopped reading.
    static func write(_ text: String, to fd: Int32) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 {
                sent += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}

/// Reads a connection a line at a time; lines longer than `limit` bytes are refused.
struct LineReader {
    enum Next: Equatable {
        case line(String)
        case tooLong
        /// The peer closed, or stayed silent past the receive limit (see ``timedOut``).
        case end
    }

    let fd: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    private var ended = false
    /// Whether the last `.end` was the receive limit running out rather than the peer
    /// closing.
    private(set) var timedOut = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    mutating func next() -> Next {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return newline > limit ? .tooLong : .line(line)
            }
            if buffer.count > limit { return .tooLong }
            if ended {
                // A last line without its newline still counts.
                guard !buffer.isEmpty else { return .end }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer = []
                return .line(line)
            }
            var chunk = [UInt8](repeating: 0, count: 512)
            let count = read(fd, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                timedOut = true
                return .end
            } else {
                ended = true
            }
        }
    }
}
