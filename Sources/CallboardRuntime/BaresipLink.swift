import CallboardUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The baresip softphone as an event source: a TCP connection to its `ctrl_tcp` module on
/// this machine. A thread reads the phone's netstring-framed JSON and posts what it says
/// about the call (ringing, answered, ended) into the runtime's queue; `dial` and
/// `hangUp` write commands. It connects when first needed and again after the phone went
/// away, so baresip may be started after callboard.
public final class BaresipLink: @unchecked Sendable {
    public let host: String
    public let port: UInt16
    private let inbox: EventQueue
    // Guards the fields below.
    private let lock = NSLock()
    private var socket: Int32 = -1
    private var nextToken = 0
    private var closed = false

    /// A link to baresip at `host:port` (its `ctrl_tcp_listen`), which posts into `inbox`.
    /// Only a numeric address is taken: the phone is on this machine, not found by name.
    public init(host: String, port: UInt16, inbox: EventQueue) {
        self.host = host
        self.port = port
        self.inbox = inbox
    }

    /// Connects now, to learn early whether the phone is there; a failure says why.
    public func connect() throws(BaresipError) {
        lock.lock()
        defer { lock.unlock() }
        _ = try connectedSocket()
    }

    /// Dials `number` (baresip completes it with the account's domain).
    public func dial(_ number: String) throws(BaresipError) {
        try send("dial", params: number)
    }

    /// Hangs up the phone's current call.
    public func hangUp() throws(BaresipError) {
        try send("hangup", params: nil)
    }

    /// Any other command of baresip's (`accept`, say), for tools and tests.
    public func command(_ name: String, params: String? = nil) throws(BaresipError) {
        try send(name, params: params)
    }

    /// Stops reading and closes the connection.
    public func close() {
        lock.lock()
        closed = true
        if socket >= 0 {
            shutdown(socket, Int32(SHUT_RDWR))
        }
        lock.unlock()
    }

    private func send(_ command: String, params: String?) throws(BaresipError) {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        let frame = Netstring.frame(BaresipMessage.command(command, params: params, token: "\(command)-\(nextToken)"))
        let fd = try connectedSocket()
        let written = frame.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var done = 0
            while done < raw.count {
                let n = Glibc.send(fd, base + done, raw.count - done, Int32(MSG_NOSIGNAL))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return -1 }
                done += n
            }
            return done
        }
        guard written == frame.count else {
            let why = String(cString: strerror(errno))
            dropConnection(fd)
            throw .unreachable(address: address, reason: why)
        }
    }

    private var address: String { "\(host):\(port)" }

    /// The open connection, made if there is none. Called with the lock held.
    private func connectedSocket() throws(BaresipError) -> Int32 {
        if socket >= 0 { return socket }
        guard !closed else { throw .unreachable(address: address, reason: "the dashboard is closing") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { throw .badAddress(host) }
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(address: address, reason: String(cString: strerror(errno))) }
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let why = String(cString: strerror(errno))
            Glibc.close(fd)
            throw .unreachable(address: address, reason: why)
        }
        socket = fd
        startReading(fd)
        return fd
    }

    private func dropConnection(_ fd: Int32) {
        if socket == fd { socket = -1 }
        Glibc.close(fd)
    }

    private func startReading(_ fd: Int32) {
        let thread = Thread { [self] in
            LoopSignals.leaveToTheLoop()
            read(fd)
        }
        thread.name = "callboard.baresip"
        thread.start()
    }

    /// Reads frames until the phone closes the connection (or it is closed here).
    private func read(_ fd: Int32) {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        reading: while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            buffer.append(contentsOf: chunk[0..<n])
            let frames: [Data]
            do {
                frames = try Netstring.take(from: &buffer)
            } catch {
                inbox.send(.failed("baresip sent something that is not ctrl_tcp's netstring framing; the link was closed."))
                break reading
            }
            for frame in frames { deliver(BaresipMessage.read(frame)) }
        }
        lock.lock()
        let wanted = !closed
        if socket == fd { socket = -1 }
        Glibc.close(fd)
        lock.unlock()
        if wanted {
            inbox.send(.failed("The link to baresip at \(address) closed; it is made again at the next dial."))
        }
    }

    private func deliver(_ message: BaresipMessage) {
        switch message {
        case .phone(let event):
            inbox.send { moment in .phone(event, moment) }
        case .refused(let token, let reason):
            if token.hasPrefix("dial") {
                inbox.send { moment in .phone(.dialFailed(reason: "baresip: \(reason)"), moment) }
            } else {
                inbox.send(.failed("baresip: \(reason)"))
            }
        case .other:
            break
        }
    }
}

/// Why baresip could not be reached, for the seller.
public enum BaresipError: Error, Hashable, Sendable, CustomStringConvertible {
    case badAddress(String)
    case unreachable(address: String, reason: String)

    public var description: String {
        switch self {
        case .badAddress(let host): "\"\(host)\" is not a numeric address such as 127.0.0.1"
        case .unreachable(let address, let reason):
            "baresip does not answer on \(address) (\(reason)); is it running with ctrl_tcp loaded?"
        }
    }
}
