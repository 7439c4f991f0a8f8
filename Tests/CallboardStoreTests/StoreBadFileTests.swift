import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Broken and newer files")
struct StoreBadFileTests {
    let day = CalendarDay(year: 2026, month: 11, day: 29)

    /// A store with one prospect and one call saved properly.
    func filledStore(_ scratch: ScratchDirectory) throws -> Store {
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Sample.prospect("p-1"), Sample.prospect("p-2")])
        try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        try store.writeCheckpoint(Sample.checkpoint(seconds: 3))
        return store
    }

    /// Checks that `body` fails with a bad-data error about `file` mentioning `words`,
    /// and that the file is byte for byte what it was.
    func expectRefusal(
        of file: URL, mentioning words: [String], _ body: () throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try Data(contentsOf: file)
        let error = storeError(body)
        guard case .badData(let named, let problem)? = error else {
            Issue.record("expected bad data, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(named == file.path, sourceLocation: sourceLocation)
        for word in words {
            #expect(problem.contains(word), "\(problem)", sourceLocation: sourceLocation)
        }
        #expect(error?.exitCode == 65, sourceLocation: sourceLocation)
        #expect(error?.description.contains(file.path) == true, sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: file) == before, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("\"status\": \"maybe\"", ["prospects[0].status", "\"maybe\" is not a status (active, won, lost, doNotCall, unreachable)"]),
        ("\"nextCallDay\": \"next week\"", ["prospects[0].nextCallDay", "expected a date as YYYY-MM-DD, found \"next week\""]),
        ("\"lastOutcome\": 7", ["prospects[0].lastOutcome"]),
        ("\"reach\": {\"hours\": {\"25\": [1, 0]}}", ["prospects[0].reach", "slots 0-23"]),
        ("\"world\": {\"challenges\": 7}", ["prospects[0].world.challenges", "expected text"]),
    ])
    func aWrongValueInAProspectNamesItsKeyAndWhatWasExpected(field: String, words: [String]) throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try handWrite(
            """
            {"schemaVersion": 1, "prospects": [
              {"id": "p-1", "name": "Anna", "createdAt": "2026-11-01T08:00:00Z", \(field)}
            ]}
            """, to: store.prospectFile("p-1"))
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: words) { _ = try store.prospects() }
    }

    @Test func brokenJSONIsReportedByLineAndColumnAndLeftAlone() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try handWrite(
            """
            {
              "schemaVersion": 1,
              "prospects": [
                { "id": "p-1", "name": "Anna" "createdAt": "2026-11-01T08:00:00Z" }
              ]
            }
            """, to: store.prospectFile("p-1"))
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: ["line 4, column 35", "','"]) {
            _ = try store.prospects()
        }
        // A save into that bucket refuses too, rather than overwrite the file; one into
        // another bucket never reads it.
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: ["line 4"]) {
            try store.upsert(prospect: Sample.prospect("p-1", name: "Anna Visser"))
        }
        try store.upsert(prospect: Sample.prospect("p-3"))
        #expect(try store.prospects(ids: ["p-3"]).map(\.id) == ["p-3"])
    }

    @Test func aBrokenFileIsNeverReplacedWholesale() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try handWrite("{\"schemaVersion\": 1, \"prospects\": [", to: store.prospectFile("p-1"))
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: ["truncated"]) {
            try store.save(prospects: [Sample.prospect("p-1")])
        }
        try handWrite("{\"schemaVersion\": 1, \"call\": {", to: store.checkpointFile)
        try expectRefusal(of: store.checkpointFile, mentioning: ["truncated"]) {
            try store.writeCheckpoint(Sample.checkpoint(seconds: 4))
        }
        try expectRefusal(of: store.checkpointFile, mentioning: ["truncated"]) { try store.clearCheckpoint() }
    }

    @Test func aTruncatedDayFileNamesTheFileAndTheEnd() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let file = store.dayFile(for: day)
        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count / 2).write(to: file)
        try expectRefusal(of: file, mentioning: ["line", "truncated"]) { _ = try store.calls(on: day) }
        try expectRefusal(of: file, mentioning: ["truncated"]) {
            try store.save(call: Sample.call("c-2", at: Sample.at(11)), targets: .standard)
        }
    }

    @Test func anEmptyFileSaysSo() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try handWrite("", to: store.checkpointFile)
        try expectRefusal(of: store.checkpointFile, mentioning: ["empty"]) { _ = try store.checkpoint() }
    }

    @Test func aFileSavedInAnotherEncodingSaysSo() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        // "Café" in Latin-1, as an old editor might save it.
        let latin1 = Data("{\"schemaVersion\": 1, \"prospects\": [{\"id\": \"x\", \"name\": \"Caf".utf8)
            + Data([0xE9]) + Data("\", \"createdAt\": \"2026-11-01T08:00:00Z\"}]}".utf8)
        try latin1.write(to: store.prospectFile("p-1"))
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: ["UTF-8"]) { _ = try store.prospects() }
    }

    @Test func aWrongValueIsReportedByItsKeyPath() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let text = try String(contentsOf: store.prospectFile("p-1"), encoding: .utf8)
        try handWrite(text.replacingOccurrences(of: "\"priority\" : 2", with: "\"priority\" : \"high\""), to: store.prospectFile("p-1"))
        try expectRefusal(of: store.prospectFile("p-1"), mentioning: ["prospects[0].priority", "whole number"]) {
            _ = try store.prospects()
        }
    }

    @Test func aMissingKeyIsReportedWithWhereItIsMissing() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let file = store.dayFile(for: day)
        let text = try String(contentsOf: file, encoding: .utf8)
        try handWrite(text.replacingOccurrences(of: "\"prospectID\" : \"p-1\",", with: ""), to: file)
        try expectRefusal(of: file, mentioning: ["calls[0]", "\"prospectID\""]) { _ = try store.calls(on: day) }
    }

    @Test func aBadDateSaysWhatADateLooksLike() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let text = try String(contentsOf: store.checkpointFile, encoding: .utf8)
        // The checkpoint is one compact line.
        try handWrite(text.replacingOccurrences(of: "\"savedAt\":\"2026-11-29T09:00:03Z\"", with: "\"savedAt\":\"yesterday\""), to: store.checkpointFile)
        try expectRefusal(of: store.checkpointFile, mentioning: ["savedAt", "yesterday", "2026-11-29T14:05:00Z"]) {
            _ = try store.checkpoint()
        }
    }

    @Test func aFileWithoutAVersionIsRefused() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try handWrite("{\"days\": []}", to: store.novemberSummaries)
        try expectRefusal(of: store.novemberSummaries, mentioning: ["schemaVersion"]) {
            _ = try store.summaries(from: day, to: day)
        }
    }

    @Test func twoProspectsWithOneIDAreRefusedOnLoadAndOnSave() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let file = store.prospectFile("p-1")
        let one = try store.bucket(ProspectBucket.index(of: "p-1"))
        try VersionedFile.write(ProspectsDocument(schemaVersion: 1, prospects: one + one), to: file)
        try expectRefusal(of: file, mentioning: ["\"p-1\"", "twice", "prospects[1]"]) {
            _ = try store.prospects()
        }
        let error = storeError { try store.save(prospects: [Sample.prospect("x"), Sample.prospect("x")]) }
        #expect(error?.exitCode == 65)
    }

    @Test func aDayFileUnderTheWrongNameIsRefused() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let other = CalendarDay(year: 2026, month: 11, day: 28)
        try FileManager.default.copyItem(at: store.dayFile(for: day), to: store.dayFile(for: other))
        try expectRefusal(of: store.dayFile(for: other), mentioning: ["2026-11-29", "2026-11-28"]) {
            _ = try store.calls(on: other)
        }
    }

    @Test(arguments: ["prospects/53.json", "summaries/2026-11.json", "live-call.json", "calls/2026/2026-11-29.json"])
    func aFileFromANewerCallboardIsRefusedAndNeverRewritten(name: String) throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let file = store.directory.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        // Pretty-printed files, and the checkpoint's one compact line.
        // A month's totals read up to version 2 (the one that held rows) and are written as 1.
        let supported = name.hasPrefix("summaries") ? SchemaMigration.summaries.newestRead : 1
        let newer = text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 7")
            .replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":7")
        try handWrite(newer, to: file)
        let before = try Data(contentsOf: file)

        let reads: [() throws -> Void] = [
            { _ = try store.prospects() }, { _ = try store.summaries(from: day, to: day) },
            { _ = try store.checkpoint() }, { _ = try store.calls(on: day) },
        ]
        let errors = reads.compactMap { storeError($0) }
        #expect(errors == [.newerSchema(file: file.path, found: 7, supported: supported)])
        let message = errors.first?.description ?? ""
        #expect(message.contains(file.path) && message.contains("7") && message.contains("\(supported)"))
        #expect(errors.first?.exitCode == 65)

        // Every write that would touch the file refuses as well.
        let writes: [() throws -> Void] = [
            { try store.upsert(prospect: Sample.prospect("p-9")) },
            { try store.save(prospects: [Sample.prospect("p-9")]) },
            { try store.save(call: Sample.call("c-9", at: Sample.at(12)), targets: .standard) },
            { try store.save(calls: [Sample.call("c-8", at: Sample.at(13))], targets: .standard) },
            { try store.rebuildSummaries(targets: .standard) },
            { try store.writeCheckpoint(Sample.checkpoint(seconds: 8)) },
            { try store.clearCheckpoint() },
        ]
        let refused = writes.compactMap { storeError($0) }
        #expect(refused.contains(.newerSchema(file: file.path, found: 7, supported: supported)))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aRefusedSummariesFileStopsACallSaveBeforeTheDayFileChanges() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let dayBefore = try Data(contentsOf: store.dayFile(for: day))
        try handWrite("{\"schemaVersion\": \(SchemaMigration.summaries.newestRead + 1), \"days\": []}", to: store.novemberSummaries)
        #expect(storeError { try store.save(call: Sample.call("c-2", at: Sample.at(10)), targets: .standard) } != nil)
        #expect(try Data(contentsOf: store.dayFile(for: day)) == dayBefore)
    }
}

@Suite("Schema migrations")
struct SchemaMigrationTests {
    struct Renamed: Decodable, Equatable {
        var schemaVersion: Int
        var people: [String]
    }

    /// A made-up version 2 that renamed `prospects` to `people`.
    let migration = SchemaMigration(current: 2, steps: [
        1: { old in
            var new = old
            new["people"] = old["prospects"]
            new["prospects"] = nil
            return new
        },
    ])

    @Test func anOlderFileIsUpgradedInMemoryAndNotRewritten() throws {
        let scratch = ScratchDirectory()
        let file = scratch.url.appendingPathComponent("old.json")
        try handWrite("{\"schemaVersion\": 1, \"prospects\": [\"Anna\"]}", to: file)
        let before = try Data(contentsOf: file)
        let loaded = try VersionedFile.read(Renamed.self, from: file, migration: migration)
        #expect(loaded == Renamed(schemaVersion: 2, people: ["Anna"]))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aVersionWithoutAStepIsRefused() throws {
        let scratch = ScratchDirectory()
        let file = scratch.url.appendingPathComponent("old.json")
        try handWrite("{\"schemaVersion\": 1, \"prospects\": []}", to: file)
        let gap = SchemaMigration(current: 3, steps: [2: { $0 }])
        let error = storeError { _ = try VersionedFile.read(Renamed.self, from: file, migration: gap) }
        guard case .badData(_, let problem)? = error else {
            Issue.record("expected bad data, got \(String(describing: error))")
            return
        }
        #expect(problem.contains("version 1"))
    }

    @Test func versionZeroIsNotAVersion() throws {
        let scratch = ScratchDirectory()
        let file = scratch.url.appendingPathComponent("zero.json")
        try handWrite("{\"schemaVersion\": 0, \"prospects\": []}", to: file)
        let error = storeError { _ = try VersionedFile.read(Renamed.self, from: file, migration: migration) }
        #expect(error?.exitCode == 65)
    }
}

@Suite("Values the model does not know")
struct StoreUnknownValueTests {
    /// An outcome the configuration no longer lists (or a newer one) is a name like any
    /// other: the call still loads, named by it.
    @Test func anOutcomeNoLongerConfiguredStillLoadsUnderItsName() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        let day = CalendarDay(year: 2026, month: 11, day: 29)
        let file = store.dayFile(for: day)
        let text = try String(contentsOf: file, encoding: .utf8)
        try handWrite(text.replacingOccurrences(of: "\"meetingBooked\"", with: "\"not now\""), to: file)
        let calls = try store.calls(on: day)
        #expect(calls.first?.outcome == Outcome("not now"))
        #expect(calls.first?.outcome?.label == "not now")
    }
}
