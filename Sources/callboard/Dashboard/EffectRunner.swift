import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUI
import Foundation

/// Carries out the effects `update` asks for and answers with events. The only place the
/// dashboard touches the store, the outbox, the editor and the send command.
struct EffectRunner: Sendable {
    let store: Store
    let settings: Settings
    let zone: TimeZone
    let sendCommand: String?
    let environment: [String: String]
    /// Seconds the send command may run before it is stopped.
    var commandTimeout = Configuration.defaultCommandTimeout
    /// Stops a running send command when the dashboard closes.
    let cancellation = CommandCancellation()

    /// Days looked back for follow-ups not yet sent when the dashboard opens.
    static let pendingLookback = 14

    /// The events that answer `effect`; `.quit` is the runtime's and answers nothing.
    func perform(_ effect: Effect, at moment: Moment) -> [Event] {
        do {
            switch effect {
            case .load:
                return [.loaded(try snapshot(at: moment.wall), moment)]
            case .loadFollowUps(let known):
                let (calls, others) = try pendingFollowUps(at: moment.wall, known: known)
                return [.followUpsLoaded(calls: calls, prospects: others)]
            case .checkpoint(let checkpoint):
                try store.writeCheckpoint(checkpoint)
                return []
            case .clearCheckpoint:
                try store.clearCheckpoint()
                return []
            case .save(let call, let prospects):
                _ = try store.save(call: call, targets: settings.targets)
                try store.upsert(prospects: prospects)
                return [.saved(call.id)]
            case .addProspect(let prospect):
                // The dashboard holds only the working set; the same person may be filed
                // outside it, so the whole store is asked, as `callboard add` does.
                let others = try store.contactCards().filter { $0.id != prospect.id }
                if let twin = ContactCheck.existing(email: prospect.email, phone: prospect.phone, among: others) {
                    return [.prospectRefused(prospect.id, reason: "\(twin.name) (\(twin.id)) already has that email or phone")]
                }
                try store.upsert(prospect: prospect)
                return []
            case .writeFollowUp(let call, let prospect):
                let file = try store.writeOutboxMessage(
                    message(for: call, to: prospect, at: moment.wall).rendered(), name: Store.messageName(for: call.id))
                return [.followUpWritten(call.id, file: file.lastPathComponent)]
            case .sendFollowUp(let call, let prospect):
                return [send(message(for: call, to: prospect, at: moment.wall), call: call, at: moment.wall)]
            case .openEditor(let text, let purpose):
                // The loop hands the editor the terminal (its lane is `.terminal`).
                return [edit(text, purpose: purpose)]
            case .loadReview(let day):
                let review = try ReviewState.read(
                    from: store, day: day, today: CalendarDay(containing: moment.wall, in: zone),
                    settings: settings)
                return [.reviewLoaded(review)]
            case .quit:
                return []
            }
        } catch {
            return [.failed(String(describing: error))]
        }
    }

    /// What the first frame needs: the working set (`queue.json`) and today's call count,
    /// read from the month's summaries rather than today's calls.
    private func snapshot(at wall: Date) throws(StoreError) -> StoreSnapshot {
        let today = CalendarDay(containing: wall, in: zone)
        let working = try store.workingSet(today: today)
        let callsToday = try store.summaries(from: today, to: today).first?.dials ?? 0
        return StoreSnapshot(
            prospects: working.prospects, callsToday: callsToday, referrerNames: working.referrerNames,
            isStoreEmpty: working.isStoreEmpty)
    }

    /// Calls of the last two weeks whose follow-up is not yet sent, and those of their
    /// prospects the dashboard does not hold. Reads two weeks of summaries, then only the
    /// days they say still owe one; the prospects come from the recent callees, and only
    /// those not there from their buckets.
    private func pendingFollowUps(at wall: Date, known: Set<ProspectID>) throws(StoreError)
        -> (calls: [Call], prospects: [Prospect])
    {
        let today = CalendarDay(containing: wall, in: zone)
        let days = try store.summaries(from: today.adding(days: 1 - Self.pendingLookback), to: today)
        var pendingCalls: [Call] = []
        for summary in days.reversed() where summary.followUpsPending > 0 {
            pendingCalls += try store.calls(on: summary.day).filter { $0.followUp?.status == .pending }
        }
        var missing = Set(pendingCalls.map(\.prospectID)).subtracting(known)
        guard !missing.isEmpty else { return (pendingCalls, []) }
        let recent = store.recentlyCalled().filter { missing.contains($0.id) }
        missing.subtract(recent.map(\.id))
        return (pendingCalls, recent + (try store.prospects(ids: missing)))
    }

    private func message(for call: Call, to prospect: Prospect, at wall: Date) -> EmailMessage {
        EmailMessage(
            fromName: settings.sellerName, fromAddress: settings.sellerEmail, toName: prospect.name,
            toAddress: prospect.email, subject: call.followUp?.subject ?? "", body: call.followUp?.body ?? "",
            date: wall, zone: zone, uniqueID: call.id.rawValue)
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
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
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

    private var runner: CommandRunner {
        CommandRunner(searchPath: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
    }
}
