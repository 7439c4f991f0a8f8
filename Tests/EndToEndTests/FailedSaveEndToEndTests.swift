import CallboardCore
import CallboardStore
import Foundation
import Testing

/// A save the store refuses stays on screen, names the file and what to do, counts
/// nothing as done, and leaves the call to be recovered.
@Suite(.serialized) struct FailedSaveEndToEndTests {
    static let anna = Prospect(
        id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
        email: "anna@example.de", createdAt: Date())
    static let bram = Prospect(id: "p-bram", name: "Bram Broken", phone: "+31 20 555 0199", createdAt: Date())

    /// Talks briefly with Anna and ends the call as "not interested" without an email.
    private func callAndEnd(_ session: TmuxSession) throws {
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        Thread.sleep(forTimeInterval: 0.6)
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        try session.waitFor(text: "Thank-you email")
        Thread.sleep(forTimeInterval: 0.4)  // keys within 0.3 s of an email are ignored
        try session.send("x")
    }

    @Test func aDayFileFromANewerCallboardShowsTheFileAndKeepsTheCall() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let today = CalendarDay(containing: Date(), in: .current)
        let relative = String(format: "calls/%04d/%@.json", today.year, today.description)
        let dayFile = fixture.storeDirectory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: dayFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"schemaVersion\": 99, \"day\": \"\(today)\", \"calls\": []}".utf8).write(to: dayFile)

        let session = try fixture.start()
        try callAndEnd(session)
        let screen = try session.waitFor(text: "NOT saved")
        #expect(screen.contains(relative), "\(screen)")
        #expect(screen.contains("upgrade callboard"), "\(screen)")
        #expect(!screen.contains("Saved the call"))
        #expect(FileManager.default.fileExists(atPath: fixture.storeDirectory.appendingPathComponent("live-call.json").path))
        try session.send("q")
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        #expect(try store.prospects(ids: [Self.anna.id]).first?.attempts == 0, "nothing counted as done")
    }

    @Test func aBrokenProspectFileStopsTheSaveAndSaysSo() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        // Then, while the dashboard runs, Anna's file gets a field of the wrong type.
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let bucket = try #require(
            try FileManager.default.contentsOfDirectory(atPath: store.prospectsDirectory.path).first { $0.hasSuffix(".json") })
        let file = store.prospectsDirectory.appendingPathComponent(bucket)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"priority\" : 3", with: "\"priority\" : \"high\"")
        try Data(text.utf8).write(to: file)

        try callAndEnd(session)
        let screen = try session.waitFor(text: "NOT saved")
        #expect(screen.contains("prospects/\(bucket)"), "\(screen)")
        #expect(screen.contains("priority"), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: fixture.storeDirectory.appendingPathComponent("live-call.json").path))
        try session.send("q")
        let today = CalendarDay(containing: Date(), in: .current)
        #expect(try store.calls(on: today).isEmpty, "the call was not saved without its prospect")
    }
}
