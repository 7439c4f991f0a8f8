import CallboardCore
import CallboardStore
import Foundation
import Testing

/// A whole call in the real binary: talk, end, ask, a referral, an outcome, the email, and
/// the review of the day; then what the store holds.
@Suite(.serialized) struct EndOfCallEndToEndTests {
    static let anna = Prospect(
        id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
        email: "anna@example.de", createdAt: Date())

    @Test func aCallEndsWithItsReferralAskReferralOutcomeEmailAndShowsInTheReview() throws {
        let fixture = try DashboardFixture(
            prospects: [Self.anna], config: #"{ "sellerName": "Sam Seller", "sellerEmail": "sam@example.com" }"#)
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        Thread.sleep(forTimeInterval: 1.2)
        try session.send("m")
        Thread.sleep(forTimeInterval: 0.6)

        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("y")
        try session.waitFor(text: "Enter on an empty line")
        try session.type("Jan Jansen, Jansen BV, 020-5550114")
        try session.send("Enter")
        try session.waitFor(text: "Jan Jansen")
        try session.send("Enter")
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        // The draft's lines, not only its title: a frame caught half drawn is not judged.
        let draft = try session.waitFor("the draft") { $0.contains("Thank-you email") && $0.contains("To: ") }
        #expect(draft.contains("To: Anna Berg <anna@example.de>"))
        // An email ignores keys for its first 0.3 s on screen (see EmailGuardEndToEndTests).
        Thread.sleep(forTimeInterval: 0.4)
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Anna Berg; 1 referral added for tomorrow")

        // The review of the day lists the call.
        try session.send("r")
        let review = try session.waitFor("the call in the review") { $0.contains("Review ·") && $0.contains("Anna Berg") }
        #expect(review.contains("Referrals gained 1"))
        #expect(review.contains("Nordlicht GmbH"))
        try session.send("Escape")
        try session.send("q")

        // What the store holds, read as another program would.
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let today = CalendarDay(containing: Date(), in: .current)
        let calls = try store.calls(on: today)
        #expect(calls.count == 1)
        let call = try #require(calls.first)
        #expect(call.referralAsk == .asked)
        #expect(call.outcome == .notInterested)
        #expect(call.referrals.map(\.name) == ["Jan Jansen"])
        #expect(call.seconds(of: .prospect) > 0.8 && call.seconds(of: .me) > 0.3)
        #expect(call.followUp?.status == .pending)

        let outbox = try store.outboxMessages()
        #expect(outbox.count == 1)
        let message = String(decoding: try store.readOutboxMessage(name: outbox.first ?? ""), as: UTF8.self)
        #expect(message.contains("To: Anna Berg <anna@example.de>"))
        #expect(message.contains("From: Sam Seller <sam@example.com>"))

        // The referral is a new lead in the next business day's queue, named for Anna.
        let next = today.nextBusinessDay
        let set = try store.workingSet(today: next)
        let queue = CallQueue.entries(
            prospects: set.prospects, today: next, now: next.at(hour: 10, minute: 0, in: .current) ?? Date(),
            zone: .current, referrerNames: set.referrerNames)
        let jan = try #require(queue.first { $0.prospect.name == "Jan Jansen" })
        #expect(jan.reason == .referral(from: "Anna Berg"))
        #expect(jan.prospect.company == "Jansen BV")
        #expect(queue.first?.prospect.name == "Jan Jansen")
    }

    /// The mistake a calling tool must never make: a person who asked not to be called,
    /// named as a referral on someone else's call, comes back as a new lead. The dashboard
    /// holds only the working set; the store is asked as a whole.
    @Test func aDoNotCallPersonNamedAsAReferralNeverComesBack() throws {
        let fixture = try DashboardFixture(prospects: [])
        let csv = fixture.root.appendingPathComponent("contacts.csv")
        try Data("name,phone,DoNotCall\nDora Never,+1 555 0777,true\nCallable Carl,+31 20 555 0101,false\n".utf8)
            .write(to: csv)
        let binary = try DashboardFixture.binary().path
        let store = fixture.storeDirectory.path
        #expect(try Spawn.run(binary, ["import", "--store", store, csv.path]).status == 0)

        let session = try fixture.start()
        try session.waitFor(text: "Callable Carl")
        try session.send("Enter")
        try session.waitFor(text: "Callable Carl · cold call · 0:")
        try session.send("p")
        Thread.sleep(forTimeInterval: 0.6)
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("y")
        try session.waitFor(text: "Enter on an empty line")
        try session.type("Dora Never, NoCo, +1 555 0777")
        try session.send("Enter")
        try session.waitFor(text: "✓ Dora Never")
        try session.send("Enter")
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        try session.waitFor(text: "Thank-you email")
        Thread.sleep(forTimeInterval: 0.4)
        try session.send("x")
        try session.waitFor(text: "Dora Never is on the do-not-call list: linked, not queued")
        try session.send("q")

        let export = try Spawn.run(binary, ["export", "--store", store])
        #expect(export.status == 0)
        let exported = try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any]
        let doras = (exported?["prospects"] as? [[String: Any]] ?? []).filter { $0["name"] as? String == "Dora Never" }
        #expect(doras.count == 1, "one Dora, still do-not-call: \(doras)")
        #expect(doras.first?["status"] as? String == "doNotCall")
        let tomorrow = CalendarDay(containing: Date(), in: .current).nextBusinessDay
        let today = try Spawn.run(binary, ["today", "--store", store, "--date", tomorrow.description])
        #expect(today.status == 0)
        #expect(!today.output.contains("Dora"), "\(today.output)")
    }

    /// An editor reads the keyboard: it must be in the terminal's foreground process
    /// group, and nothing typed for it may reach the dashboard afterwards.
    @Test func theEditorReadsTheKeyboardAndItsTextBecomesTheNote() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        // A line editor: asks on the terminal, reads a line from it, appends it to the file;
        // it keeps a copy of the file as it was given.
        let editor = fixture.root.appendingPathComponent("line-editor")
        let given = fixture.root.appendingPathComponent("given.txt")
        try Data("#!/bin/sh\ncp \"$1\" '\(given.path)'\nprintf 'note> '\nIFS= read -r line || exit 3\nprintf '%s' \"$line\" >> \"$1\"\n".utf8)
            .write(to: editor)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let session = try fixture.start(extra: ["EDITOR": editor.path])
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("n")
        try session.type("budget ")
        try session.send("C-o")
        try session.waitFor(text: "note>")
        try session.type("50k in Q1")
        try session.send("Enter")
        let screen = try session.waitFor(text: "50k in Q1")
        #expect(!screen.contains("exited with status"), "the editor could not read the keyboard:\n\(screen)")
        // The file ends with a newline, so what the editor adds comes on a line of its own.
        #expect(try String(contentsOf: given, encoding: .utf8) == "budget \n")
    }
}

/// One key pressed twice, or typing meant for the step before, never sends or skips an
/// email the seller has not seen.
@Suite(.serialized) struct EmailGuardEndToEndTests {
    @Test func typingOnIntoTheEmailStepSkipsNothingAndEnterThenWritesIt() throws {
        let fixture = try DashboardFixture(prospects: [
            Prospect(id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", email: "anna@example.de", createdAt: Date())
        ])
        let session = try fixture.start(width: 100, height: 30)
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        try session.waitFor(text: "How did the call end?")
        // "4" brings the email; "x" and Enter typed on at once do nothing to it.
        try session.type("4x")
        try session.send("Enter")
        try session.waitFor(text: "Thank-you email")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try session.screen().contains("Thank-you email"), "the email is still there, not skipped")
        try session.send("Enter")
        let screen = try session.waitFor(text: "thank-you email ready to send:")
        #expect(screen.contains("/outbox/"), "the full path of the written email")
        #expect(screen.contains("Today's queue"))
    }
}
