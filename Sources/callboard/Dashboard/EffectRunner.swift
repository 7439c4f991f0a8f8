import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUI
import CallboardUseCases
import Foundation

/// Carries out the effects `update` asks for and answers with events: a thin adapter from
/// effects to the desk's workflows, the editor and the send command.
struct EffectRunner: Sendable {
    let desk: Desk
    let sendCommand: String?
    let environment: [String: String]
    /// Seconds the send command may run before it is stopped.
    var commandTimeout = Configuration.defaultCommandTimeout
    /// Stops a running send command when the dashboard closes.
    let cancellation = CommandCancellation()
    /// The day of a working set the first frame rebuilt in memory, to write once it is drawn.
    let unkeptWorkingSet = UnkeptWorkingSet()
    /// How calls are placed and ended.
    var dialing = Dialing()

    var settings: Settings { desk.settings }
    var zone: TimeZone { desk.zone }

    /// The events that answer `effect`; `.quit` is the runtime's and answers nothing.
    func perform(_ effect: Effect, at moment: Moment) -> [Event] {
        do {
            switch effect {
            case .load:
                // On the store's lane: a working set rebuilt for the new day is written at once.
                let (loaded, start) = try load(at: moment)
                guard !start.isWorkingSetStored else { return [loaded] }
                // The queue is shown even when keeping it for the next start fails.
                do {
                    try desk.keepWorkingSet(today: desk.day(of: moment.wall))
                    return [loaded]
                } catch {
                    return [loaded, .failed(String(describing: error))]
                }
            case .loadQueue(let from, let select, let orderedAt):
                let now = orderedAt ?? moment.wall
                let part = try desk.queuePart(
                    on: desk.day(of: now), now: now, from: from, rows: Desk.queueWindowRows, wholeUpTo: Desk.wholeQueueLimit)
                return [.queueLoaded(part.window, select: select, moment)]
            case .loadFollowUps(let known):
                let (calls, others) = try desk.followUpsOwed(today: desk.day(of: moment.wall), known: known)
                return [.followUpsLoaded(calls: calls, prospects: others)]
            case .checkpoint(let checkpoint):
                try desk.checkpoint(checkpoint)
                return []
            case .clearCheckpoint:
                try desk.clearCheckpoint()
                return []
            case .fileCall(let call, let prospect, let send):
                do {
                    return [.callFiled(try desk.fileCall(call, prospect: prospect, at: moment.wall), send: send)]
                } catch {
                    // Paths inside the store are named from it, so the message fits the status line.
                    let store = desk.store.directory.path + "/"
                    return [.callNotFiled(call.id, reason: error.description.replacingOccurrences(of: store, with: ""))]
                }
            case .updateCall(let call):
                try desk.updateCall(call)
                return [.saved(call.id)]
            case .addProspect(let line):
                do {
                    return [.prospectAdded(try desk.add(NewProspect(line), at: moment.wall))]
                } catch {
                    return [.prospectRefused(line: line.typed, reason: error.description)]
                }
            case .writeFollowUp(let call, let prospect):
                return [.followUpWritten(call.id, file: try desk.writeFollowUp(call, to: prospect, at: moment.wall))]
            case .sendFollowUp(let call, let prospect):
                return [send(desk.followUpMessage(for: call, to: prospect, at: moment.wall), call: call, at: moment.wall)]
            case .openEditor(let text, let purpose):
                // The loop hands the editor the terminal (its lane is `.terminal`).
                return [edit(text, purpose: purpose)]
            case .loadReview(let day):
                let data = try desk.reviewScreen(day, trendLength: ReviewState.trendLength)
                return [
                    .reviewLoaded(
                        ReviewState(
                            day: day, today: desk.day(of: moment.wall), calls: data.calls, prospects: data.prospects,
                            summaries: data.summaries, targets: settings.targets, types: settings.callTypes, dailyGoal: settings.dailyCallGoal,
                            zone: zone, blocks: data.blocks))
                ]
            case .quit:
                return []
            case .dial(let number, _):
                return dialing.dial(number, runner: runner, timeout: commandTimeout, cancellation: cancellation, at: moment)
            case .hangUp:
                return dialing.hangUp()
            case .handOffCalls:
                let report = try desk.handOffPending(searchPath: searchPath, cancellation: cancellation)
                return [.handedOff(handed: report.handed, waiting: report.waiting, failure: report.failure)]
            case .saveBlock(let block):
                try desk.saveBlock(block)
                return []
            }
        } catch {
            return [.failed(String(describing: error))]
        }
    }

    /// The store's working set and today's count, read without writing anything.
    func load(at moment: Moment) throws(StoreError) -> (loaded: Event, start: DashboardStart) {
        let start = try desk.dashboardStart(now: moment.wall)
        let queue = start.queue
        let snapshot = StoreSnapshot(
            prospects: queue.prospects, callsToday: start.callsToday, referrerNames: queue.referrerNames,
            isStoreEmpty: queue.isStoreEmpty, zoneReach: queue.zoneReach, window: queue.window)
        return (.loaded(snapshot, moment), start)
    }

    /// Every way a send can fail answers `.sendFailed`, so the seller always learns the
    /// draft is still waiting in the outbox.
    private func send(_ message: EmailMessage, call: Call, at wall: Date) -> Event {
        if let problem = message.sendProblem { return .sendFailed(call.id, reason: problem) }
        guard let sendCommand else {
            return .sendFailed(call.id, reason: "no \"sendCommand\" in the configuration, e.g. \"msmtp -t\"")
        }
        do {
            let outcome = try runner.run(
                sendCommand, input: message.rendered(), timeout: commandTimeout, cancellation: cancellation)
            guard outcome.succeeded else {
                let detail = outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                return .sendFailed(
                    call.id, reason: "the send command exited with status \(outcome.status)" + (detail.isEmpty ? "" : " (\(detail))"))
            }
            return .followUpSent(call.id, at: wall)
        } catch .timedOut(_, let seconds) {
            let limit = CommandRunner.Failure.seconds(seconds)
            return .sendFailed(call.id, reason: "the send command did not finish within \(limit) s and was stopped")
        } catch {
            return .sendFailed(call.id, reason: error.description)
        }
    }

    /// Opens `$EDITOR` (then `$VISUAL`, then `vi`) on a private temporary file.
    private func edit(_ text: String, purpose: EditorPurpose) -> Event {
        let editor = [environment["EDITOR"], environment["VISUAL"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        // A text file ends with a newline: editors and line tools expect one, and what they
        // add comes on a line of its own.
        let content = text.hasSuffix("\n") ? text : text + "\n"
        guard FileManager.default.createFile(atPath: file.path, contents: Data(content.utf8), attributes: [.posixPermissions: 0o600])
        else { return .failed("The text for the editor could not be written to \(file.path).") }
        do {
            let status = try runner.runAttached(editor, arguments: [file.path])
            guard status == 0 else { return .failed("The editor \"\(editor)\" exited with status \(status); the text was kept.") }
            let edited = try String(contentsOf: file, encoding: .utf8)
            return .edited(purpose, text: edited)
        } catch let failure as CommandRunner.Failure {
            return .failed(failure.description)
        } catch {
            return .failed("The edited text could not be read: \(error.localizedDescription)")
        }
    }

    private var runner: CommandRunner { CommandRunner(searchPath: searchPath) }

    private var searchPath: String { environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin" }
}
