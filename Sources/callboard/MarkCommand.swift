import ArgumentParser
import CallboardRuntime
import CallboardUI
import Foundation

/// `callboard mark me|prospect|switch|hold|ask`: a talk mark for the running dashboard.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark who is talking in the running dashboard's call.",
        discussion: """
            For a hotkey or a foot pedal: the mark acts as the call's key does (m, p, Space, \
            s, a). It goes to the dashboard open on the same store, through the socket \
            control.sock in the store's folder. Exits 69 when no dashboard is running on the \
            store, 75 when the dashboard has no call to mark.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "me (I talk), prospect (they talk), switch, hold (silence or hold), or ask (marks the referral ask, or takes it back).")
    var mark: RemoteMark

    func run() throws {
        try Failure.reported {
            let folder = try CommandContext.load(storeFlag: store.store).storeDirectory
            let answer: String
            do {
                answer = try ControlSocket.ask(mark.rawValue, in: folder)
            } catch ControlSocketError.noListener {
                throw Failure.unavailable(
                    "No callboard dashboard is running for the store at \(folder.path). Open it with "
                        + "`callboard --store \(folder.path)`, start a call, then mark.")
            } catch {
                throw Failure.unavailable("The mark could not reach the dashboard: \(error).")
            }
            switch RemoteMarks.reading(answer, for: mark) {
            case .success(let what):
                try Output.write("Marked: \(what).\n")
            case .failure(let refused):
                throw Failure(message: "The dashboard did not take the mark: \(refused.reason).", code: 75)
            }
        }
    }
}

extension RemoteMark: ExpressibleByArgument {}
