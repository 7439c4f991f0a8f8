import Foundation
import Testing

@testable import CallboardRuntime

#if canImport(Glibc)
    import Glibc
#endif

@Suite final class ControlSocketTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-socket-\(UUID().uuidString.prefix(8))")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var socketPath: String { folder.appendingPathComponent(ControlSocket.defaultName).path }

    static func echo(_ line: String) -> String { "heard " + line }

    @Test func aLineGetsItsAnswerAndTheSocketIsPrivateAndGoneAfterClose() throws {
        let socket = try ControlSocket.listen(in: folder, answer: Self.echo)
        var info = stat()
        #expect(lstat(socketPath, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try ControlSocket.ask("me", in: folder) == "heard me")
        #expect(try ControlSocket.ask("prospect", in: folder) == "heard prospect")
        socket.close()
        #expect(!FileManager.default.fileExists(atPath: socketPath))
        #expect(throws: ControlSocketError.noListener(path: socketPath)) { try ControlSocket.ask("me", in: self.folder) }
        socket.close()
    }

    @Test func withNobodyListeningAskSaysSo() throws {
        #expect(throws: ControlSocketError.noListener(path: socketPath)) { try ControlSocket.ask("me", in: self.folder) }
        let missing = folder.appendingPathComponent("no-such-store")
        #expect(throws: ControlSocketError.noListener(path: missing.appendingPathComponent(ControlSocket.defaultName).path)) {
            try ControlSocket.ask("me", in: missing)
        }
        try leaveStaleSocket()
        #expect(throws: ControlSocketError.noListener(path: socketPath)) { try ControlSocket.ask("me", in: self.folder) }
    }

    @Test func aSocketLeftByACrashIsReplaced() throws {
        try leaveStaleSocket()
        let socket = try ControlSocket.listen(in: folder, answer: Self.echo)
        defer { socket.close() }
        #expect(try ControlSocket.ask("hold", in: folder) == "heard hold")
    }

    @Test func aFileInTheWayIsLeftAloneAndALiveListenerIsNotTakenOver() throws {
        try Data("mine".utf8).write(to: URL(fileURLWithPath: socketPath))
        #expect(throws: ControlSocketError.notASocket(path: socketPath)) {
            _ = try ControlSocket.listen(in: self.folder, answer: Self.echo)
        }
        #expect(try String(contentsOfFile: socketPath, encoding: .utf8) == "mine")
        try FileManager.default.removeItem(atPath: socketPath)

        let first = try ControlSocket.listen(in: folder, answer: Self.echo)
        defer { first.close() }
        #expect(throws: ControlSocketError.inUse(path: socketPath)) {
            _ = try ControlSocket.listen(in: self.folder, answer: Self.echo)
        }
        #expect(try ControlSocket.ask("ask", in: folder) == "heard ask")
    }

    /// A socket address holds 107 bytes of path; a deeper store is reached through the
    /// folder opened, as /proc/self/fd/N/control.sock.
    @Test func aStoreDeeperThanASocketAddressHoldsStillWorks() throws {
        var deep = folder
        while deep.path.utf8.count < 160 { deep.appendPathComponent("a-rather-long-folder-name") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        #expect(deep.appendingPathComponent(ControlSocket.defaultName).path.utf8.count > 108)
        let socket = try ControlSocket.listen(in: deep, answer: Self.echo)
        #expect(FileManager.default.fileExists(atPath: deep.appendingPathComponent(ControlSocket.defaultName).path))
        #expect(try ControlSocket.ask("switch", in: deep) == "heard switch")
        socket.close()
        #expect(!FileManager.default.fileExists(atPath: deep.appendingPathComponent(ControlSocket.defaultName).path))
    }

    @Test func aSilentOrRamblingPeerDoesNotHoldTheListener() throws {
        let socket = try ControlSocket.listen(in: folder, answer: Self.echo)
        defer { socket.close() }
        let place = try SocketPlace(folder: folder, name: ControlSocket.defaultName)
        defer { place.close() }
        let rambling = try place.connect()
        defer { _ = Glibc.close(rambling) }
        #expect(SocketPlace.write(String(repeating: "x", count: 1000) + "\n", to: rambling))
        var lines = LineReader(fd: rambling, limit: 1000)
        #expect(lines.next() == .line("error: the line is longer than \(ControlSocket.lineLimit) bytes"))
        // A peer that says nothing is dropped after the wait limit; the next one is heard.
        let silent = try place.connect()
        defer { _ = Glibc.close(silent) }
        var answer = ""
        let took = seconds { answer = (try? ControlSocket.ask("me", in: folder)) ?? "" }
        #expect(answer == "heard me")
        #expect(took < ControlSocket.waitLimit + 1)
    }

    /// Another user's connection is refused end to end in the hardening tests (it needs root).
    @Test func thePeersUserIsChecked() throws {
        var pair: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer { for fd in pair { _ = Glibc.close(fd) } }
        #expect(ControlSocket.peerIsThisUser(pair[0]))
        // A pipe has no peer credentials: refused.
        var pipeEnds: [Int32] = [-1, -1]
        #expect(pipe(&pipeEnds) == 0)
        defer { for fd in pipeEnds { _ = Glibc.close(fd) } }
        #expect(!ControlSocket.peerIsThisUser(pipeEnds[0]))
    }

    /// What a killed dashboard leaves: the socket file with nobody behind it.
    func leaveStaleSocket() throws {
        let place = try SocketPlace(folder: folder, name: ControlSocket.defaultName)
        defer { place.close() }
        let fd = try SocketPlace.makeSocket(for: place.path)
        #expect(place.withAddress { bind(fd, $0, $1) } == 0)
        _ = Glibc.close(fd)
        #expect(FileManager.default.fileExists(atPath: socketPath))
    }
}
