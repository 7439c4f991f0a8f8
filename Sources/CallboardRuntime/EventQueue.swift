import CallboardUI
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loop's one inbox. Any thread may post to it; the loop takes everything in the
/// order it was posted, and a byte on a pipe wakes the loop from its wait on the terminal,
/// so a posted event is handled within a frame.
public final class EventQueue: Sendable {
    /// Called on the loop with the state the event met and the state it left, or with
    /// nil when the loop ended before it got there.
    public typealias Reply = @Sendable (Handled?) -> Void

    /// One sent event's passage through `update`.
    public struct Handled: Sendable {
        public let met: AppState
        public let left: AppState
    }

    enum Entry: Sendable {
        case event(Event)
        /// Made with the moment the loop takes it, so events keep the loop's order in time;
        /// nil drops it.
        case stamped(@Sendable (Moment) -> Event?, reply: Reply?)
    }

    private struct Inbox {
        var waiting: [Entry] = []
        var closed = false
    }

    private let inbox = Mutex(Inbox())
    private let readEnd: Int32
    private let writeEnd: Int32

    /// Without a pipe (the process is out of descriptors) posts still arrive, at the
    /// loop's next wake rather than at once.
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        if readEnd >= 0 { _ = Glibc.close(readEnd) }
        if writeEnd >= 0 { _ = Glibc.close(writeEnd) }
    }

    /// Readable whenever something was posted and not yet taken; the loop polls it with
    /// the terminal.
    public var wakeDescriptor: Int32 { readEnd }

    /// Posts an event as it is.
    public func send(_ event: Event) { post(.event(event)) }

    /// Posts an event made with the moment the loop handles it, e.g.
    /// `send { .remote(.me, $0) }`; `reply`, if given, hears the states the event met and left.
    /// When `event` answers nil (its sender gave up waiting) nothing happens and `reply`
    /// is not called.
    public func send(_ event: @escaping @Sendable (Moment) -> Event?, reply: Reply? = nil) {
        post(.stamped(event, reply: reply))
    }

    /// Waits until something is posted or `timeoutMilliseconds` pass; whether something
    /// waits. For a consumer without a terminal.
    public func wait(timeoutMilliseconds: Int) -> Bool {
        if !isEmpty { return true }
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 1, Int32(clamping: timeoutMilliseconds))
        return !isEmpty
    }

    var isEmpty: Bool { inbox.withLock { $0.waiting.isEmpty } }

    /// Everything posted so far, oldest first.
    func take() -> [Entry] {
        // The pipe first: a post after this leaves a byte for the next wait.
        drainPipe()
        return inbox.withLock { inbox in
            let all = inbox.waiting
            inbox.waiting = []
            return all
        }
    }

    /// The loop has ended: whoever waits for a reply hears nil, and later posts are
    /// dropped (their replies answered nil at once).
    func close() {
        let left = inbox.withLock { inbox in
            inbox.closed = true
            let all = inbox.waiting
            inbox.waiting = []
            return all
        }
        drainPipe()
        for case .stamped(_, let reply?) in left { reply(nil) }
    }

    private func post(_ entry: Entry) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.closed else { return false }
            inbox.waiting.append(entry)
            return true
        }
        guard accepted else {
            if case .stamped(_, let reply?) = entry { reply(nil) }
            return
        }
        guard writeEnd >= 0 else { return }
        // A full pipe is already readable; the byte is only a nudge.
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    private func drainPipe() {
        guard readEnd >= 0 else { return }
        var sink = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &sink, sink.count) > 0 {}
    }
}
