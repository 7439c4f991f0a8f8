import CallboardCore
import CallboardTerminal
import CallboardUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A terminal with nobody at the keyboard that waits as the real one does: on the event
/// queue's wake descriptor, for the timeout the loop asks. A test pushes inputs from any
/// thread, as a keyboard would.
final class QuietTerminal: TerminalBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var pushed: [TerminalInput] = []
    private var drawn: [CellBuffer] = []
    private var pipeEnds: [Int32] = [-1, -1]

    init() {
        _ = pipe(&pipeEnds)
        for fd in pipeEnds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit { for fd in pipeEnds { _ = Glibc.close(fd) } }

    let size = TerminalSize(width: 100, height: 30)

    var frames: [CellBuffer] { lock.withLock { drawn } }

    func push(_ input: TerminalInput) {
        lock.withLock { pushed.append(input) }
        var byte: UInt8 = 1
        _ = write(pipeEnds[1], &byte, 1)
    }

    /// Waits until the last frame drawn satisfies `condition`, at most `timeout` seconds.
    func waitForFrame(timeout: Double = 5, _ condition: (CellBuffer) -> Bool) -> CellBuffer? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let last = frames.last, condition(last) { return last }
            usleep(5_000)
        }
        return nil
    }

    func draw(_ frame: CellBuffer) { lock.withLock { drawn.append(frame) } }

    func nextInput(timeoutMilliseconds: Int?, wakingOn wake: Int32?) -> TerminalInput {
        while true {
            if let next = takePushed() { return next }
            var fds = [
                pollfd(fd: wake ?? -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(clamping: timeoutMilliseconds ?? -1))
            if ready == 0 { return .timeout }
            if fds[1].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                while read(pipeEnds[0], &sink, sink.count) > 0 {}
                continue
            }
            if fds[0].revents != 0 { return .woken }
        }
    }

    private func takePushed() -> TerminalInput? {
        lock.withLock { pushed.isEmpty ? nil : pushed.removeFirst() }
    }

    func suspend() {}
    func whileReleased<T>(_ body: () throws -> T) rethrows -> T { try body() }
    func invalidate() {}
    func close() {}
}

/// A terminal in memory that plays a script of inputs and advances a manual clock as a
/// real wait would; `observe` looks at the world before each input.
final class ScriptedTerminal: TerminalBackend {
    var script: [TerminalInput]
    let clock: ManualClock
    var frames: [CellBuffer] = []
    var observe: () -> Void = {}

    init(script: [TerminalInput], clock: ManualClock) {
        self.script = script
        self.clock = clock
    }

    let size = TerminalSize(width: 100, height: 30)

    func draw(_ frame: CellBuffer) { frames.append(frame) }

    func nextInput(timeoutMilliseconds: Int?, wakingOn wake: Int32?) -> TerminalInput {
        observe()
        guard !script.isEmpty else { return .signal(.terminate) }
        let input = script.removeFirst()
        if input == .timeout { clock.advance(by: Double(timeoutMilliseconds ?? 60_000) / 1000) }
        return input
    }

    func suspend() {}
    func whileReleased<T>(_ body: () throws -> T) rethrows -> T { try body() }
    func invalidate() {}
    func close() {}
}

/// A run of something on a thread of its own, to wait for with a deadline.
final class Running<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        Thread { [self] in
            let result = body()
            lock.withLock { value = result }
            done.signal()
        }.start()
    }

    /// The value, or nil when it did not come within `seconds`.
    func wait(seconds: Double) -> Value? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { value }
    }
}
