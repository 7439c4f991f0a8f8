import CallboardUI
import Foundation
import Synchronization

/// The line protocol of `callboard mark`: a mark a line in (`me`, `prospect`, `switch`,
/// `hold`, `ask`), one line out, `ok: <what it did>` or `error: <why>`.
public enum RemoteMarks {
    public static let okPrefix = "ok: "
    public static let errorPrefix = "error: "

    /// What the dashboard's answer to `mark` says: what the mark did, or why it was not
    /// taken. A dashboard of an earlier version answers a bare `ok`: the mark's own words.
    public static func reading(_ answer: String, for mark: RemoteMark) -> Result<String, Refused> {
        if answer == "ok" { return .success(mark.summary) }
        if answer.hasPrefix(okPrefix) { return .success(String(answer.dropFirst(okPrefix.count))) }
        let reason = answer.hasPrefix(errorPrefix) ? String(answer.dropFirst(errorPrefix.count)) : answer
        return .failure(Refused(reason: reason))
    }

    /// Why the dashboard did not take a mark.
    public struct Refused: Error, Equatable {
        public let reason: String
    }

    /// Posts the mark on `line` to the loop and answers once the loop has handled it. A
    /// loop busy for longer than `seconds` (the editor has the terminal) gets no mark at
    /// all rather than one that lands later, at the wrong moment.
    public static func answer(_ line: String, inbox: EventQueue, within seconds: Double = ControlSocket.waitLimit) -> String {
        let word = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let mark = RemoteMark(rawValue: word) else {
            return errorPrefix + "unknown mark; use " + RemoteMark.allCases.map(\.rawValue).joined(separator: ", ")
        }
        let answered = DispatchSemaphore(value: 0)
        let exchange = Mutex(Exchange.waiting)
        inbox.send({ moment in
            let taken = exchange.withLock { phase in
                guard case .waiting = phase else { return false }
                phase = .taken
                return true
            }
            return taken ? .remote(mark, moment) : nil
        }, reply: { handled in
            let answer = handled.map { handled in
                handled.met.refusal(of: mark).map { errorPrefix + $0 } ?? okPrefix + handled.left.confirmation(of: mark)
            } ?? errorPrefix + "the dashboard is closing"
            exchange.withLock { $0 = .answered(answer) }
            answered.signal()
        })
        if answered.wait(timeout: .now() + seconds) == .timedOut {
            let gaveUp = exchange.withLock { phase in
                guard case .waiting = phase else { return false }
                phase = .abandoned
                return true
            }
            if gaveUp { return errorPrefix + "the dashboard is busy and did not take the mark" }
            // The loop took it just now: its answer is moments away.
            answered.wait()
        }
        return exchange.withLock { phase in
            if case .answered(let answer) = phase { return answer }
            return errorPrefix + "the dashboard did not answer"
        }
    }

    /// Where one mark's round trip stands, shared by the asker and the loop.
    private enum Exchange {
        case waiting
        case taken
        case abandoned
        case answered(String)
    }
}
