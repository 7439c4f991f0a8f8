import CallboardUI

/// The size of the screen in cells.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// What the runtime needs from a terminal. ``Terminal`` is the ncurses one; tests drive the
/// runtime with an in-memory one that records the frames.
public protocol TerminalBackend: AnyObject {
    var size: TerminalSize { get }
    /// Shows a frame, writing only what differs from the last one.
    func draw(_ frame: CellBuffer)
    /// Waits for a key, a resize or a signal, at most `timeoutMilliseconds` (nil: forever).
    /// When `wake` is given, the wait also ends with ``TerminalInput/woken`` as soon as
    /// that descriptor is readable (the read end of the event queue's wake-up pipe).
    func nextInput(timeoutMilliseconds: Int?, wakingOn wake: Int32?) -> TerminalInput
    /// Gives the terminal back, stops the process (Ctrl-Z), and takes it again on `fg`.
    func suspend()
    /// Gives the terminal to another program (the editor) while `body` runs, then takes it
    /// back and repaints.
    func whileReleased<T>(_ body: () throws -> T) rethrows -> T
    /// Forgets the last frame so the next one is painted in full.
    func invalidate()
    /// Restores the terminal. Safe to call twice.
    func close()
}
