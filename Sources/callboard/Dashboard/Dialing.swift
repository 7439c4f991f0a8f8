import CallboardCore
import CallboardExchange
import CallboardRuntime
import CallboardUI
import Foundation

/// How the dashboard places and ends calls: the configured dialer, over an outside
/// program (no shell; the number is one argument, data and nothing else) or baresip.
struct Dialing: Sendable {
    var dialer: Dialer = .none
    /// The `command` dialer's program.
    var dialCommand: String?
    /// The link to baresip, for the `baresip` dialer.
    var baresip: BaresipLink?

    /// The program the `system` dialer hands a `tel:` link to.
    static let systemOpener = "xdg-open"

    /// Dials `number`; answers `.phone(.dialFailed)` when it could not, nothing when it did
    /// (a softphone then tells how the call goes).
    func dial(_ number: DialNumber, runner: CommandRunner, timeout: Double, cancellation: CommandCancellation, at moment: Moment)
        -> [Event]
    {
        func failed(_ reason: String) -> [Event] { [.phone(.dialFailed(reason: reason), moment)] }
        switch dialer {
        case .none:
            return []
        case .baresip:
            guard let baresip else { return failed("no link to baresip") }
            guard let digits = number.digits else { return failed("\"\(number.written)\" is not a phone number baresip can dial") }
            do {
                try baresip.dial(digits)
                return []
            } catch {
                return failed(error.description)
            }
        case .system, .command:
            let program = dialer == .system ? Self.systemOpener : (dialCommand ?? "")
            let argument = dialer == .system ? number.telURI : number.written
            do {
                let outcome = try runner.run(
                    program, extraArguments: [argument], input: Data(), timeout: timeout, cancellation: cancellation)
                guard outcome.succeeded else {
                    let detail = outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                    return failed("the dialer exited with status \(outcome.status)" + (detail.isEmpty ? "" : " (\(detail))"))
                }
                return []
            } catch {
                return failed(error.description)
            }
        }
    }

    /// Hangs up the softphone's call; a phone that cannot be reached says so.
    func hangUp() -> [Event] {
        guard dialer == .baresip, let baresip else { return [] }
        do {
            try baresip.hangUp()
            return []
        } catch {
            return [.failed("Could not hang up: \(error.description)")]
        }
    }
}
