import CallboardCore
import CallboardStore
import Foundation
import Testing

/// Dialling from the queue through baresip, with a second baresip as the prospect: the
/// call rings, its timer starts when the prospect answers, and the call ends when they
/// hang up (or, unanswered, with "no answer" already chosen).
@Suite(.serialized) struct SoftphoneEndToEndTests {
    static let pat = Prospect(
        id: "p-pat", name: "Pat Prospect", company: "Loopback Ltd", phone: "+1 555 0002", email: "pat@example.com",
        timeZone: "UTC", createdAt: Date())

    func start(_ phones: BaresipPair) throws -> (DashboardFixture, TmuxSession) {
        let fixture = try DashboardFixture(
            prospects: [Self.pat],
            config: #"{ "dialer": "baresip", "baresipControl": "127.0.0.1:\#(phones.sellerControl)" }"#)
        let session = try fixture.start()
        try session.waitFor(text: "Pat Prospect")
        return (fixture, session)
    }

    @Test func theTimerStartsWhenTheProspectAnswersAndTheCallEndsWhenTheyHangUp() throws {
        let phones = try BaresipPair()
        let (fixture, session) = try start(phones)
        try session.send("Enter")
        try session.waitFor("the call ringing, in the panel and the status line") {
            $0.contains("Pat Prospect · cold call · ringing") && $0.contains("Ringing Pat Prospect")
        }
        Thread.sleep(forTimeInterval: 1.5)
        // Still ringing: no timer runs before the answer.
        #expect(try session.screen().contains("Pat Prospect · cold call · ringing"))

        try phones.prospect("accept")
        let answered = Date()
        try session.waitFor(text: "Pat Prospect · cold call · 0:0")
        Thread.sleep(forTimeInterval: 3)
        try phones.prospect("hangup")
        let hungUp = Date()
        let ended = try session.waitFor(text: "How did the call end?")
        #expect(ended.contains("Call ended"))

        try session.send("2")  // voicemail
        try session.waitFor(text: "Enter")
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Pat Prospect")
        try session.send("q")

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let calls = try store.calls(on: CalendarDay(containing: Date(), in: .current))
        let call = try #require(calls.first)
        let talked = hungUp.timeIntervalSince(answered)
        let duration = try #require(call.duration)
        #expect(abs(duration - talked) < 1, "saved \(duration) s, answered for \(talked) s")
        #expect(call.outcome == .voicemail)
    }

    @Test func aCallNobodyAnswersEndsWithNoAnswerChosenAlready() throws {
        let phones = try BaresipPair()
        let (fixture, session) = try start(phones)
        try session.send("Enter")
        try session.waitFor(text: "Pat Prospect · cold call · ringing")
        Thread.sleep(forTimeInterval: 1)
        try session.send("h")
        let dialog = try session.waitFor(text: "How did the call end?")
        #expect(dialog.contains("no answer ◀"))
        #expect(dialog.contains("No answer"))
        // One key confirms the outcome chosen, then the retry plan.
        try session.send("Enter")
        try session.waitFor(text: "Enter")
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Pat Prospect")
        try session.send("q")

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let call = try #require(try store.calls(on: CalendarDay(containing: Date(), in: .current)).first)
        #expect(call.outcome == .noAnswer)
    }
}
