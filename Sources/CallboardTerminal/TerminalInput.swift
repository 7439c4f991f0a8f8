import CallboardUI

/// What one wait on the terminal produced.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    /// The window changed size; the next frame is painted in full.
    case resize
    /// A signal arrived; what to do about it is ``SignalAction``'s table.
    case signal(TerminalSignal)
    /// The wait ran out with nothing to read.
    case timeout
    /// The descriptor the wait also watched became readable: something was posted to the
    /// loop's event queue.
    case woken
}
