import CallboardCore
import CallboardStore
import Foundation
import Testing

/// The question keys during a live call in the real binary: the panel counts them and the
/// call's checkpoint holds them at once.
@Suite(.serialized) struct CoachingEndToEndTests {
    static let anna = Prospect(id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234", createdAt: Date())

    @Test func questionKeysCountDuringALiveCallAndAreSavedAtOnce() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        try session.send("i")
        try session.send("i")
        try session.send("o")
        let screen = try session.waitFor(text: "they 1")
        #expect(screen.contains("Questions 2 · "))
        #expect(screen.contains("aim 3–6"))
        #expect(screen.contains("Their longest story: now"))
        // t makes it a discovery call: its question range and band from then on.
        try session.send("t")
        let discovery = try session.waitFor(text: "Anna Berg · discovery · ")
        #expect(discovery.contains("aim 11–14"))
        #expect(discovery.contains("target ≤ 43%"))

        // Read while the dashboard holds the store: the checkpoint is a plain file.
        // The checkpoint is written beside the loop: wait for the one that follows `t`.
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let deadline = Date().addingTimeInterval(5)
        var latest = try store.checkpoint()
        while latest?.call.callType != "discovery", Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            latest = try store.checkpoint()
        }
        let checkpoint = try #require(latest)
        #expect(checkpoint.call.questions.map(\.by) == [.me, .me, .prospect])
        #expect(checkpoint.call.callType == "discovery")
    }
}
