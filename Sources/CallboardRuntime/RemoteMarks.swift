import CallboardUI
import Foundation
import Synchronization

/// The line protocol of `callboard mark`: a mark a line in (`me`, `prospect`, `switch`,
/// `hold`, `ask`), one line out, `ok` or `error: <why>`.
public enum RemoteMarks {
    public static let ok = "ok"
    public static let errorPrefix = "error: "

    /// Posts the mark on `line` to the loop and answers once the loop has handled it.
    public static func answer(_ line: String, inbox: EventQueue, within seconds: Double = ControlSocket.waitLimit) -> String {
        let word = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let mark = RemoteMark(rawValue: word) else {
            return errorPrefix + "unknown mark; use " + RemoteMark.allCases.map(\.rawValue).joined(separator: ", ")
        }
        let answered = DispatchSemaphore(value: 0)
        let result = Mutex(errorPrefix + "the dashboard did not answer in time")
        inbox.send({ .remote(mark, $0) }) { state in
            let answer = state.map { $0.refusal(of: mark).map { errorPrefix + $0 } ?? ok }
            result.withLock { $0 = answer ?? errorPrefix + "the dashboard is closing" }
            answered.signal()
        }
        _ = answered.wait(timeout: .now() + seconds)
        return result.withLock { $0 }
    }
}
