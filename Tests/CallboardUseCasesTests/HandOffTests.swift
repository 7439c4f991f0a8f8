import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// Each filed call goes to the seller's after-call command as JSON on stdin; a call the
/// command did not take stays queued in the store and goes at the next round.
@Suite struct HandOffTests {
    let now = DeskFixture.monday

    /// A command running a script in the fixture's folder; `body` is the script's own shell.
    /// The script is read by `sh`, not executed: a file just written may still be open in
    /// a child another test is forking ("Text file busy").
    func script(_ f: DeskFixture, _ name: String, _ body: String) throws -> String {
        let url = f.directory.appendingPathComponent(name)
        try "\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        return "/bin/sh \(url.path)"
    }

    func fileOne(_ desk: Desk) throws -> Prospect {
        let anna = try desk.add(NewProspect(name: "Anna de Vries", company: "Acme BV", email: "anna@acme.example"), at: now)
        let call = Call(
            id: Call.makeID(prospect: anna.id, startedAt: now), prospectID: anna.id, prospectName: anna.name,
            startedAt: now, segments: [TalkSegment(speaker: .prospect, start: 0, end: 50), TalkSegment(speaker: .me, start: 50, end: 80)],
            duration: 80, outcome: .meetingBooked, referralAsk: .asked)
        _ = try desk.fileCall(call, prospect: anna, at: now)
        return anna
    }

    @Test func theCommandGetsTheCallAsOneJSONDocument() throws {
        let f = try DeskFixture()
        let received = f.directory.appendingPathComponent("received.json").path
        var desk = f.desk
        desk.afterCallCommand = try script(f, "log.sh", "cat > '\(received)'")
        let anna = try fileOne(desk)
        let report = try desk.handOffPending(searchPath: "/usr/bin:/bin")
        #expect(report == HandOffReport(handed: 1, waiting: 0, failure: nil))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: received))) as? [String: Any])
        // The keys of a call in `callboard review --format json`, and more.
        for key in ["id", "prospect_id", "prospect", "company", "started_at", "duration_s", "me_s", "prospect_s", "outcome", "conversation"] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["outcome"] as? String == "meeting_booked")
        #expect(object["crm_label"] as? String == "Meeting Booked")
        #expect(object["duration_s"] as? Double == 80)
        #expect((object["prospect_ids"] as? [String: String])?["callboard"] == anna.id.rawValue)
        #expect(object["email"] as? String == "anna@acme.example")
        #expect(try f.store.pendingHandOffs().isEmpty)
    }

    @Test func aFailedHandOffStaysQueuedAndGoesAtTheNextStart() throws {
        let f = try DeskFixture()
        var desk = f.desk
        desk.afterCallCommand = try script(f, "broken.sh", "echo 'CRM is down' >&2; exit 3")
        _ = try fileOne(desk)
        let failed = try desk.handOffPending(searchPath: "/usr/bin:/bin")
        #expect(failed.handed == 0 && failed.waiting == 1)
        #expect(failed.failure == "the after-call command exited with status 3 (CRM is down)")
        #expect(try f.store.pendingHandOffs().count == 1)

        // The next start: a fresh desk over the same store, the command mended.
        let received = f.directory.appendingPathComponent("later.json").path
        var later = Desk(store: f.store, settings: f.desk.settings)
        later.afterCallCommand = try script(f, "mended.sh", "cat > '\(received)'")
        #expect(try later.handOffPending(searchPath: "/usr/bin:/bin") == HandOffReport(handed: 1, waiting: 0, failure: nil))
        #expect(FileManager.default.fileExists(atPath: received))
        #expect(try f.store.pendingHandOffs().isEmpty)
    }

    @Test func aHangingCommandIsStoppedAtItsTimeoutAndTheCallWaits() throws {
        let f = try DeskFixture()
        var desk = f.desk
        desk.afterCallCommand = try script(f, "hang.sh", "sleep 30")
        desk.afterCallTimeout = 0.5
        _ = try fileOne(desk)
        let started = Date()
        let report = try desk.handOffPending(searchPath: "/usr/bin:/bin")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(report.failure == "the after-call command did not finish within 0.5 s and was stopped")
        #expect(try f.store.pendingHandOffs().count == 1)
    }

    @Test func withoutACommandNothingIsQueued() throws {
        let f = try DeskFixture()
        _ = try fileOne(f.desk)
        #expect(try f.store.pendingHandOffs().isEmpty)
    }
}
