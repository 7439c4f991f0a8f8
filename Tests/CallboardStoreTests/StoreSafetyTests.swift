import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Privacy and the one-writer lock")
struct StoreSafetyTests {
    @Test func theDirectoryIsPrivateAndEveryFileOwnerOnly() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Sample.prospect("p-1")])
        try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        try store.writeCheckpoint(Sample.checkpoint(seconds: 5))
        try store.writeOutboxMessage(Data("x".utf8), name: "a.eml")
        _ = try store.workingSet(today: CalendarDay(year: 2026, month: 11, day: 29))

        for folder in ["", "calls", "calls/2026", "outbox", "prospects", "summaries"] {
            #expect(mode(of: store.directory.appendingPathComponent(folder)) == 0o700, "\(folder)")
        }
        for file in [".lock", "prospects/53.json", "queue.json", "recent.json", "summaries/2026-11.json", "live-call.json", "calls/2026/2026-11-29.json", "outbox/a.eml"] {
            #expect(mode(of: store.directory.appendingPathComponent(file)) == 0o600, "\(file)")
        }
    }

    @Test func missingParentsOfTheDataDirectoryAreCreated() throws {
        let scratch = ScratchDirectory()
        let deep = scratch.url.appendingPathComponent("home/.local/share/callboard")
        let store = try Store(directory: deep, zone: .gmt)
        try store.save(prospects: [])
        #expect(mode(of: deep) == 0o700)
    }

    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        let scratch = ScratchDirectory()
        try handWrite("notes", to: scratch.store)
        let error = storeError { _ = try Store(directory: scratch.store, zone: .gmt) }
        #expect(error == .cannotCreate(path: scratch.store.standardizedFileURL.path, reason: "a file of that name is in the way"))
        #expect(error?.exitCode == 73)

        let other = scratch.url.appendingPathComponent("other")
        let store = try Store(directory: other, zone: .gmt)
        try handWrite("", to: store.callsDirectory)
        let blocked = storeError { try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard) }
        #expect(blocked?.exitCode == 73)
        #expect(blocked?.description.contains(store.callsDirectory.path) == true)
    }

    @Test func aSecondWriterIsToldWhoHoldsTheLock() throws {
        let scratch = ScratchDirectory()
        let first = try Store(directory: scratch.store, zone: .gmt)
        // A second open file description in the same process conflicts exactly as a
        // second process would.
        let error = storeError { _ = try Store(directory: scratch.store, zone: .gmt) }
        #expect(error == .locked(directory: first.directory.path, holder: getpid()))
        #expect(error?.description.contains("pid \(getpid())") == true)
        #expect(error?.exitCode == 75)
        // Readers are never blocked.
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects().isEmpty)
        _ = first
    }

    @Test func theLockIsFreeOnceTheWriterIsGone() throws {
        let scratch = ScratchDirectory()
        do {
            let first = try Store(directory: scratch.store, zone: .gmt)
            try first.save(prospects: [Sample.prospect("p-1")])
        }
        let second = try Store(directory: scratch.store, zone: .gmt)
        #expect(try second.prospects().count == 1)
    }

    @Test func leftoversOfAKilledWriteAreClearedByTheNextWriter() throws {
        let scratch = ScratchDirectory()
        do { _ = try Store(directory: scratch.store, zone: .gmt) }
        let leftovers = [
            scratch.store.appendingPathComponent(".prospects.json.3f2a.tmp"),
            scratch.store.appendingPathComponent("calls/2025/.2025-03-04.json.99.tmp"),
            scratch.store.appendingPathComponent("outbox/.anna.eml.1.tmp"),
        ]
        for file in leftovers { try handWrite("{\"schemaVersion\": 1, \"prosp", to: file) }
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects().isEmpty)
        #expect(try reader.callDays().isEmpty)
        #expect(try reader.outboxMessages().isEmpty)
        #expect(leftovers.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        _ = try Store(directory: scratch.store, zone: .gmt)
        #expect(leftovers.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
    }

    @Test func leftoversInOldYearsGoWhenACallOfThatYearIsSaved() throws {
        let scratch = ScratchDirectory()
        do { _ = try Store(directory: scratch.store, zone: .gmt) }
        let years = ["2022", "2023", "2024", "2025"].map { scratch.store.appendingPathComponent("calls/\($0)/.\($0)-03-04.json.7.tmp") }
        for file in years { try handWrite("{\"schemaVersion\": 1, \"da", to: file) }
        let store = try Store(directory: scratch.store, zone: .gmt)
        // Opening sweeps the two newest years only: its cost does not grow with history.
        #expect(years.map { FileManager.default.fileExists(atPath: $0.path) } == [true, true, false, false])
        try store.save(call: Sample.call("old", at: Sample.utc(29, 9).addingTimeInterval(-3 * 365 * 86_400)), targets: .standard)
        #expect(years.map { FileManager.default.fileExists(atPath: $0.path) } == [true, false, false, false])
    }
}

@Suite("Cost does not grow with history")
struct StoreHistoryTests {
    let today = CalendarDay(year: 2026, month: 11, day: 29)

    @Test func todaysWorkNeverReadsAnOlderDay() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(call: Sample.call("old", at: Sample.utc(2, 9)), targets: .standard)
        // An old day file that cannot even be parsed does not matter to today's screen.
        try handWrite("not json at all", to: store.dayFile(for: CalendarDay(year: 2026, month: 11, day: 2)))
        try store.save(prospects: [Sample.prospect("p-1")])
        try store.save(call: Sample.call("new", at: Sample.at(9)), targets: .standard)
        #expect(try store.calls(on: today).map(\.id) == ["new"])
        #expect(try store.summaries(from: today.adding(days: -90), to: today).map(\.dials) == [1, 1])
        try store.writeCheckpoint(Sample.checkpoint(seconds: 9))
        // Only export, which reads every day, trips over it.
        #expect(storeError { _ = try store.allCalls() }?.exitCode == 65)
    }

    @Test func aCheckpointWritesOnlyTheLiveCallFile() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Sample.prospect("p-1")])
        try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        _ = try store.workingSet(today: today)
        let others = [store.prospectFile("p-1"), store.queueFile, store.recentFile, store.novemberSummaries, store.dayFile(for: today)]
        let before = try others.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        let contents = try others.map { try Data(contentsOf: $0) }
        usleep(20_000)
        try store.writeCheckpoint(Sample.checkpoint(seconds: 300))
        let after = try others.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        #expect(after == before)
        #expect(try others.map { try Data(contentsOf: $0) } == contents)
        let size = try Data(contentsOf: store.checkpointFile).count
        #expect(size < 64 * 1024)
    }

    @Test func savesFromManyThreadsAtOnceAreAllKept() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            _ = try? store.save(call: Sample.call("c-\(index)", at: Sample.at(9, index)), targets: .standard)
            _ = try? store.upsert(prospect: Sample.prospect("p-\(index)"))
        }
        #expect(try store.calls(on: today).count == 24)
        #expect(try store.summaries(from: today, to: today).first?.dials == 24)
        #expect(try store.prospects().count == 24)
    }

    @Test func theLockFileNamesTheWriter() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let text = try String(contentsOf: store.directory.appendingPathComponent(".lock"), encoding: .utf8)
        #expect(text == "\(getpid())\n")
    }
}
