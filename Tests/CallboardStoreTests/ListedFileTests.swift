import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// The long lists (buckets, `queue.json`, `recent.json`, `contacts.json`) are written a
/// prospect at a time; the files must be the very bytes the whole-document encoder wrote,
/// so a store written before reads the same and a diff of two stores shows only changes.
@Suite struct ListedFileTests {
    let scratch = ScratchDirectory()

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: scratch.url.appendingPathComponent(name)))
    }

    func prospects() -> [Prospect] {
        var odd = Sample.prospect("p-2", name: "Zoë \"Z\" Ångström / 東京")
        odd.notes = "line one\nline two\twith a tab, a slash / and a \u{2028} separator"
        odd.lastCalledAt = Sample.at(9, 30, second: 12.5)
        odd.reach = ReachCounts().adding(dialAt: Sample.at(9), in: Sample.amsterdam, pickedUp: true)
        odd.referredBy = "p-1"
        return [Sample.prospect("p-1"), odd, Sample.prospect("p-3", name: "")]
    }

    @Test func aBucketWrittenAProspectAtATimeIsTheWholeDocumentsBytes() throws {
        for list in [prospects(), [prospects()[1]], []] {
            let whole = scratch.url.appendingPathComponent("whole.json")
            let listed = scratch.url.appendingPathComponent("listed.json")
            try VersionedFile.write(ProspectsDocument(schemaVersion: 1, prospects: list), to: whole)
            try VersionedFile.write(ProspectsDocument(schemaVersion: 1, prospects: []), list: "prospects", elements: list, to: listed)
            #expect(try bytes("listed.json") == bytes("whole.json"))
        }
    }

    @Test func theWorkingSetAndTheContactCardsAreTheWholeDocumentsBytes() throws {
        let list = prospects()
        let day = CalendarDay(year: 2026, month: 11, day: 29)
        let document = WorkingSetDocument(
            schemaVersion: 1, builtOn: day, coversThrough: day.adding(days: 14), prospectCount: 3, prospects: list,
            referrers: ["p-1": "Anna de Vries"], zoneReach: ["Europe/Amsterdam": ReachCounts()])
        var frame = document
        frame.prospects = []
        try VersionedFile.write(document, to: scratch.url.appendingPathComponent("whole.json"))
        try VersionedFile.write(frame, list: "prospects", elements: list, to: scratch.url.appendingPathComponent("listed.json"))
        #expect(try bytes("listed.json") == bytes("whole.json"))

        let cards = list.map(\.card)
        try VersionedFile.write(ContactsDocument(schemaVersion: 1, cards: cards), to: scratch.url.appendingPathComponent("whole.json"))
        try VersionedFile.write(
            ContactsDocument(schemaVersion: 1, cards: []), list: "cards", elements: cards,
            to: scratch.url.appendingPathComponent("listed.json"))
        #expect(try bytes("listed.json") == bytes("whole.json"))
    }

    @Test func aListLargerThanOneWriteIsWholeAndPrivate() throws {
        let list = (0..<2_000).map { Sample.prospect(String(format: "p-%05d", $0)) }
        try VersionedFile.write(ProspectsDocument(schemaVersion: 1, prospects: list), to: scratch.url.appendingPathComponent("whole.json"))
        try VersionedFile.write(
            ProspectsDocument(schemaVersion: 1, prospects: []), list: "prospects", elements: list,
            to: scratch.url.appendingPathComponent("listed.json"))
        #expect(try bytes("listed.json") == bytes("whole.json"))
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent("listed.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
