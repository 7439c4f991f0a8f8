import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Prospects in buckets, summaries per month, and the move from single files")
struct StoreLayoutTests {
    static func lead(_ id: String, name: String = "Anna de Vries") -> Prospect {
        Prospect(id: ProspectID(id), name: name, createdAt: Sample.utc(1, 8))
    }

    /// The bytes of every bucket file, by name.
    func buckets(_ store: Store) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store.prospectsDirectory.path) {
            files[name] = try Data(contentsOf: store.prospectsDirectory.appendingPathComponent(name))
        }
        return files
    }

    @Test func aProspectLivesInTheBucketItsIdHashesTo() throws {
        // FNV-1a of "p-1", modulo 64. A seeded hash would move it on every run.
        #expect(ProspectBucket.index(of: "p-1") == 53)
        #expect(ProspectBucket.index(of: "p-2") == 60)
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Self.lead("p-1"), Self.lead("p-2")])
        #expect(try buckets(store).keys.sorted() == ["53.json", "60.json"])
    }

    @Test func savingOneProspectRewritesOnlyItsBucket() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let many = (0..<200).map { Self.lead("p-\($0)", name: "Person \($0)") }
        try store.save(prospects: many)
        let before = try buckets(store)
        #expect(before.count > 50)

        var changed = many[7]
        changed.name = "Anna Visser"
        try store.upsert(prospects: [changed, Self.lead("brand-new", name: "Bram")])
        let after = try buckets(store)
        let touched = Set(after.keys.filter { after[$0] != before[$0] })
        let expected = Set([changed.id, "brand-new"].map { ProspectBucket.fileName(ProspectBucket.index(of: $0)) })
        #expect(touched == expected)
        #expect(try store.prospects().count == 201)
        #expect(try store.prospects(ids: ["p-7", "brand-new", "nobody"]).map(\.name).sorted() == ["Anna Visser", "Bram"])
    }

    @Test func aWholesaleSaveRemovesBucketsLeftEmpty() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Self.lead("p-1"), Self.lead("p-2")])
        try store.save(prospects: [Self.lead("p-2")])
        #expect(try buckets(store).keys.sorted() == ["60.json"])
        #expect(try store.prospects().map(\.id) == ["p-2"])
    }

    @Test func aWholesaleSaveCutShortLeavesTheOldBucketsOrTheNewOnesNeverAMix() throws {
        let scratch = ScratchDirectory()
        let old = [Self.lead("p-1"), Self.lead("p-2", name: "Bram")]
        let new = [Self.lead("p-1", name: "Anna Visser"), Self.lead("p-3", name: "Carla")]
        do {
            let store = try Store(directory: scratch.store, zone: .gmt)
            try store.save(prospects: old)
            // Killed while writing the new buckets: only one of them made it.
            try FileManager.default.createDirectory(at: store.stagingDirectory, withIntermediateDirectories: true)
            try VersionedFile.write(
                ProspectsDocument(schemaVersion: 1, prospects: [new[0]]),
                to: store.stagingDirectory.appendingPathComponent("53.json"))
        }
        do {
            let store = try Store(directory: scratch.store, zone: .gmt)
            #expect(try store.prospects() == old)
            #expect(!FileManager.default.fileExists(atPath: store.stagingDirectory.path))
            // Killed between moving the old buckets aside and moving the new ones in.
            try store.save(prospects: new)
            try FileManager.default.moveItem(at: store.prospectsDirectory, to: store.stagingDirectory)
            try FileManager.default.createDirectory(at: store.retiredDirectory, withIntermediateDirectories: true)
        }
        let store = try Store(directory: scratch.store, zone: .gmt)
        #expect(try store.prospects() == new)
        #expect(!FileManager.default.fileExists(atPath: store.retiredDirectory.path))
    }

    /// A data directory as an earlier callboard left it: one prospects file, one summaries file.
    func oldStore(_ scratch: ScratchDirectory, prospects: [Prospect], days: [DaySummary]) throws {
        try FileManager.default.createDirectory(at: scratch.store, withIntermediateDirectories: true)
        try VersionedFile.write(
            ProspectsDocument(schemaVersion: 1, prospects: prospects),
            to: scratch.store.appendingPathComponent("prospects.json"))
        try VersionedFile.write(
            SummariesDocument(schemaVersion: 1, days: days), to: scratch.store.appendingPathComponent("summaries.json"))
    }

    func summary(_ day: CalendarDay, dials: Int) -> DaySummary {
        var summary = DaySummary(day: day)
        summary.dials = dials
        return summary
    }

    @Test func anOldStoreIsSplitOnTheFirstReadWriteOpenAndReadAsItIsWhenReadOnly() throws {
        let scratch = ScratchDirectory()
        let people = [Self.lead("p-1"), Self.lead("p-2", name: "Bram"), Self.lead("p-3", name: "Carla")]
        let october = CalendarDay(year: 2026, month: 10, day: 30)
        let november = CalendarDay(year: 2026, month: 11, day: 2)
        try oldStore(scratch, prospects: people, days: [summary(october, dials: 3), summary(november, dials: 5)])

        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects() == people)
        #expect(try reader.prospects(ids: ["p-2"]).map(\.name) == ["Bram"])
        #expect(try reader.workingSet(today: november).prospects.count == 3)
        #expect(try reader.summaries(from: october, to: november).map(\.dials) == [3, 5])
        #expect(FileManager.default.fileExists(atPath: reader.prospectsFile.path))
        #expect(!FileManager.default.fileExists(atPath: reader.prospectsDirectory.path))
        #expect(!FileManager.default.fileExists(atPath: reader.queueFile.path))

        let store = try Store(directory: scratch.store, zone: .gmt)
        #expect(!FileManager.default.fileExists(atPath: store.prospectsFile.path))
        #expect(!FileManager.default.fileExists(atPath: store.summariesFile.path))
        #expect(try store.prospects() == people)
        #expect(try buckets(store).count == 3)
        #expect(try store.summaries(from: october, to: november).map(\.dials) == [3, 5])
        let months = try FileManager.default.contentsOfDirectory(atPath: store.summariesDirectory.path).sorted()
        #expect(months == ["2026-10.json", "2026-11.json"])
    }

    @Test func aSplitCutShortIsDoneAgainFromTheOldFile() throws {
        let scratch = ScratchDirectory()
        let people = [Self.lead("p-1"), Self.lead("p-2", name: "Bram")]
        try oldStore(scratch, prospects: people, days: [])
        // A killed split: one bucket written, with an older copy of the prospect.
        var stale = people[0]
        stale.name = "Old Name"
        try FileManager.default.createDirectory(
            at: scratch.store.appendingPathComponent("prospects"), withIntermediateDirectories: true)
        try VersionedFile.write(
            ProspectsDocument(schemaVersion: 1, prospects: [stale]),
            to: scratch.store.appendingPathComponent("prospects/53.json"))

        let store = try Store(directory: scratch.store, zone: .gmt)
        #expect(try store.prospects() == people)
        #expect(!FileManager.default.fileExists(atPath: store.prospectsFile.path))
    }

    @Test func anOldFileThatCannotBeReadIsLeftAndReportedNotSplit() throws {
        let scratch = ScratchDirectory()
        try handWrite("{\"schemaVersion\": 1, \"prospects\": [", to: scratch.store.appendingPathComponent("prospects.json"))
        let store = try Store(directory: scratch.store, zone: .gmt)
        let error = storeError { _ = try store.prospects() }
        #expect(error?.description.contains(store.prospectsFile.path) == true)
        #expect(storeError { try store.upsert(prospect: Self.lead("p-9")) }?.exitCode == 65)
        #expect(FileManager.default.fileExists(atPath: store.prospectsFile.path))
        #expect(!FileManager.default.fileExists(atPath: store.prospectsDirectory.path))
    }

    @Test func summariesAreFiledPerMonthAndASaveRewritesOnlyItsMonth() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let october = Sample.call("oct", at: Sample.utc(1, 9).addingTimeInterval(-86_400 * 3))
        try store.save(calls: [october, Sample.call("nov", at: Sample.utc(2, 9))], targets: .standard)
        let octoberFile = store.summaryFile(year: 2026, month: 10)
        let before = try Data(contentsOf: octoberFile)
        try store.save(call: Sample.call("nov-2", at: Sample.utc(3, 9)), targets: .standard)
        #expect(try Data(contentsOf: octoberFile) == before)

        let first = CalendarDay(year: 2026, month: 10, day: 1)
        let last = CalendarDay(year: 2026, month: 11, day: 30)
        #expect(try store.summaries(from: first, to: last).map(\.day.description) == ["2026-10-29", "2026-11-02", "2026-11-03"])
        // A range inside November never opens October's file, even a broken one.
        try handWrite("not json", to: octoberFile)
        #expect(try store.summaries(from: CalendarDay(year: 2026, month: 11, day: 1), to: last).count == 2)
        #expect(storeError { _ = try store.summaries(from: first, to: last) }?.exitCode == 65)
    }

    @Test func rebuildingSummariesRemovesMonthsWithoutCalls() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(call: Sample.call("nov", at: Sample.utc(2, 9)), targets: .standard)
        try handWrite("{\"schemaVersion\": 1, \"days\": []}", to: store.summaryFile(year: 2025, month: 1))
        // A month's rows go with it, even unreadable ones: they are only a copy.
        try handWrite("not json", to: store.summariesDirectory.appendingPathComponent("2025-01.calls.json"))
        try handWrite("not json", to: store.summariesDirectory.appendingPathComponent("2025-02.calls.json"))
        try store.rebuildSummaries(targets: .standard)
        let months = try FileManager.default.contentsOfDirectory(atPath: store.summariesDirectory.path).sorted()
        #expect(months == ["2026-11.calls.json", "2026-11.json"])
    }
}
