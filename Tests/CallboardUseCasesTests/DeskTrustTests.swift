import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// Text and failures on their way into the store.
@Suite struct DeskTrustTests {
    let now = DeskFixture.monday
    static let hostile = "a\u{1B}[2J\u{07}b\u{9B}31mc\u{202E}d\u{0}e\u{2028}f"

    func call(with prospect: Prospect, referrals: [Referral] = []) -> Call {
        Call(
            id: Call.makeID(prospect: prospect.id, startedAt: now), prospectID: prospect.id,
            prospectName: prospect.name, startedAt: now,
            segments: [TalkSegment(speaker: .prospect, start: 0, end: 60), TalkSegment(speaker: .me, start: 60, end: 120)],
            duration: 120, outcome: .opportunity, referralAsk: .asked, referrals: referrals)
    }

    private func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ControlCharacters.isDropped($0) || $0.value == 0x2028 }
    }

    @Test func notesFromTheEditorAreCleanedWhereTheyEnterTheStore() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        var made = call(with: anna, referrals: [Referral(name: "Bram\u{1B}]52;c;x\u{07}", phone: "+31 20 555 0199")])
        made.notes = [CallNote(text: "line one \(Self.hostile)\nline two", at: 5), CallNote(text: Self.hostile, tag: .challenge, at: 9)]
        made.followUp = FollowUp(subject: "Thanks\u{1B}[1m", body: "Hello Anna,\n\n  \(Self.hostile)\n", status: .pending)
        _ = try f.desk.fileCall(made, prospect: anna, at: now)
        let stored = try #require(try f.store.calls(on: f.desk.day(of: now)).first)
        #expect(stored.notes.map(\.text) == ["line one a[2Jb31mcde f\nline two", "a[2Jb31mcde f"])
        #expect(isClean(stored.followUp?.subject ?? "") && isClean(stored.followUp?.body ?? ""))
        #expect(stored.followUp?.body.hasPrefix("Hello Anna,\n\n  a[2J") == true, "blank lines and indentation stay")
        #expect(stored.referrals.allSatisfy { isClean($0.name) })
        for prospect in try f.store.prospects() {
            for text in [prospect.name, prospect.lastCallNotes, prospect.world.challenges] {
                #expect(isClean(text), "\(prospect.id): \(text.debugDescription)")
            }
        }
        let file = try String(contentsOf: f.store.dayFile(for: f.desk.day(of: now)), encoding: .utf8)
        #expect(!file.contains("\\u001b") && !file.contains("\u{9B}") && !file.contains("\u{202E}"))
    }

    @Test func aCheckpointIsCleanedToo() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        var live = call(with: anna)
        live.notes = [CallNote(text: Self.hostile, at: 1)]
        try f.desk.checkpoint(LiveCallCheckpoint(call: live, elapsed: 3, savedAt: now, noteDraft: "x\u{1B}y"))
        let saved = try #require(try f.desk.recoveredCall()).checkpoint
        #expect(saved.call.notes.map(\.text) == ["a[2Jb31mcde f"])
        #expect(saved.noteDraft == "xy")
    }

    /// A referral's bucket that cannot be read must stop the filing before the call is
    /// saved: otherwise the call is kept and its prospects silently are not.
    @Test func aBrokenBucketForAReferralStopsTheFilingBeforeTheCallIsSaved() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        let annasBucket = try FileManager.default.contentsOfDirectory(atPath: f.store.prospectsDirectory.path)
        for index in 0..<64 {
            let name = index < 10 ? "0\(index).json" : "\(index).json"
            if annasBucket.contains(name) { continue }
            try Data(#"{"schemaVersion": 1, "prospects": [{"id": 7}]}"#.utf8)
                .write(to: f.store.prospectsDirectory.appendingPathComponent(name))
        }
        let made = call(with: anna, referrals: [Referral(name: "Bram Jansen", phone: "+31 20 555 0199")])
        #expect(throws: StoreError.self) { try f.desk.fileCall(made, prospect: anna, at: now) }
        #expect(try f.store.calls(on: f.desk.day(of: now)).isEmpty, "the call is not saved half-filed")
        #expect(try f.store.prospects(ids: [anna.id]).first?.attempts == 0)
    }
}
