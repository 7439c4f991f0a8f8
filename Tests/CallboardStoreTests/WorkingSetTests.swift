import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("The working set in queue.json")
struct WorkingSetTests {
    let today = CalendarDay(year: 2026, month: 11, day: 30)

    func prospect(
        _ id: String, _ name: String, next: Int? = nil, status: Prospect.Status = .active,
        referredBy: ProspectID? = nil, callback: Int? = nil
    ) -> Prospect {
        Prospect(
            id: ProspectID(id), name: name, source: referredBy == nil ? .list : .referral, referredBy: referredBy,
            status: status, nextCallDay: next.map { today.adding(days: $0) },
            callbackAt: callback.flatMap { today.adding(days: $0).at(hour: 10, minute: 0, in: .gmt) },
            createdAt: Sample.utc(1, 8))
    }

    /// The store's working set as stored, without the rebuild `workingSet(today:)` may do.
    func stored(_ store: Store) throws -> WorkingSetDocument {
        let document = try #require(store.storedWorkingSet())
        return document
    }

    func ids(_ document: WorkingSetDocument) -> [String] { document.prospects.map(\.id.rawValue) }

    @Test func anImportKeepsTheSetOfTheDayItWasBuiltFor() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 1)])
        _ = try store.workingSet(today: today)
        try store.save(prospects: [prospect("b", "Bram", next: 3), prospect("c", "Carla", next: 20)])
        #expect(ids(try stored(store)) == ["b"])
        #expect(try stored(store).builtOn == today)
    }

    /// The dashboard's first frame reads the working set and writes nothing: one rebuilt
    /// for a new day is the same as the one written later, which is written then.
    @Test func theFirstFrameRebuildsInMemoryAndTheWriteComesAfter() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 1), prospect("b", "Bram", next: 30)])
        _ = try store.workingSet(today: today)
        let later = today.adding(days: 20)
        let (inMemory, isStored) = try store.workingSetInMemory(today: later)
        #expect(!isStored)
        #expect(try stored(store).builtOn == today, "the first frame wrote the working set")
        let written = try store.workingSet(today: later)
        #expect(written == inMemory)
        #expect(try stored(store).builtOn == later)
        let (again, isStoredNow) = try store.workingSetInMemory(today: later)
        #expect(isStoredNow)
        #expect(again == written)
    }

    @Test func holdsWhoCanBeCalledWithinTwoWeeksAndNobodyElse() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [
            prospect("new", "Nina"), prospect("due", "Dirk", next: -3), prospect("soon", "Sara", next: 14),
            prospect("later", "Lena", next: 15), prospect("lost", "Lars", next: 0, status: .lost),
            prospect("cb", "Cora", next: 40, callback: 5), prospect("won", "Wendy", status: .won),
        ])
        let set = try store.workingSet(today: today)
        #expect(set.prospects.map(\.id.rawValue).sorted() == ["cb", "due", "new", "soon"])
        #expect(set.coversThrough == today.adding(days: 14))
        #expect(!set.isStoreEmpty)
    }

    @Test func anEmptyStoreIsToldFromAStoreWithNobodyDue() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        #expect(try store.workingSet(today: today).isStoreEmpty)
        try store.upsert(prospect: prospect("later", "Lena", next: 60))
        let set = try store.workingSet(today: today)
        #expect(set.prospects.isEmpty)
        #expect(!set.isStoreEmpty)
    }

    @Test func aRescheduleMovesAProspectIntoAndOutOfTheSetWithoutARebuild() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 1), prospect("b", "Bram", next: 30)])
        _ = try store.workingSet(today: today)
        try store.upsert(prospects: [prospect("a", "Anna", next: 45), prospect("b", "Bram", next: 2)])
        #expect(ids(try stored(store)) == ["b"])
        try store.upsert(prospect: prospect("a", "Anna", next: 10))
        #expect(ids(try stored(store)) == ["a", "b"])
        #expect(try stored(store).builtOn == today)
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a", "b"])
    }

    @Test func whoeverWasCalledInTheTwoWeeksBeforeStaysForTheFollowUpsOwed() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        var lost = prospect("lost", "Lars", status: .lost)
        lost.lastCalledAt = today.adding(days: -3).at(hour: 10, minute: 0, in: .gmt)
        var old = prospect("old", "Olga", status: .lost)
        old.lastCalledAt = today.adding(days: -20).at(hour: 10, minute: 0, in: .gmt)
        try store.save(prospects: [lost, old, prospect("due", "Dirk", next: 0)])
        let set = try store.workingSet(today: today)
        // The queue's file holds only who the queue can show; the recent callee is kept
        // beside it, for the follow-up still owed.
        #expect(set.prospects.map(\.id.rawValue) == ["due"])
        #expect(store.recentlyCalled().map(\.id.rawValue) == ["lost"])
        #expect(ids(try stored(store)) == ["due", "lost"])
        #expect(!(try String(contentsOf: store.queueFile, encoding: .utf8)).contains("Lars"))
    }

    @Test func aCallThatClosesAProspectMovesThemFromTheQueueToTheRecentCallees() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 0), prospect("b", "Bram", next: 0)])
        _ = try store.workingSet(today: today)
        var anna = prospect("a", "Anna", status: .lost)
        anna.lastCalledAt = today.at(hour: 9, minute: 30, in: .gmt)
        try store.upsert(prospect: anna)
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["b"])
        #expect(store.recentlyCalled() == [anna])
    }

    @Test func aQueueFileWithoutItsRecentCalleesStillOpensAndTheNextSaveLeavesBothToARebuild() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 0)])
        _ = try store.workingSet(today: today)
        // As an earlier version left it: one file, no recent callees.
        try FileManager.default.removeItem(at: store.recentFile)
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a"])
        #expect(store.recentlyCalled().isEmpty)
        try store.upsert(prospect: prospect("b", "Bram", next: 0))
        #expect(!FileManager.default.fileExists(atPath: store.queueFile.path))
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a", "b"])
        #expect(FileManager.default.fileExists(atPath: store.recentFile.path))
    }

    @Test func aStatusChangeTakesAProspectOut() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 0), prospect("b", "Bram")])
        _ = try store.workingSet(today: today)
        try store.upsert(prospect: prospect("a", "Anna", next: 0, status: .doNotCall))
        #expect(ids(try stored(store)) == ["b"])
        #expect(try stored(store).prospectCount == 2)
    }

    @Test func aNewReferralComesInWithItsReferrersNameEvenWhenTheReferrerIsOut() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("anna", "Anna de Vries", next: 0), prospect("kees", "Kees", next: 90)])
        _ = try store.workingSet(today: today)
        // After the call Anna is booked far ahead and her referral is due tomorrow.
        try store.upsert(prospects: [
            prospect("anna", "Anna de Vries", next: 60), prospect("lead", "Bram", next: 1, referredBy: "anna"),
        ])
        var document = try stored(store)
        #expect(ids(document) == ["lead"])
        #expect(document.referrers == ["anna": "Anna de Vries"])
        #expect(document.prospectCount == 3)
        // A referral by someone neither written nor in the set is named from the buckets.
        try store.upsert(prospect: prospect("lead-2", "Carla", next: 1, referredBy: "kees"))
        document = try stored(store)
        #expect(document.referrers == ["anna": "Anna de Vries", "kees": "Kees"])
        // A renamed referrer is renamed in the set too.
        try store.upsert(prospect: prospect("kees", "Kees Bakker", next: 90))
        let set = try store.workingSet(today: today)
        #expect(set.referrerNames == ["anna": "Anna de Vries", "kees": "Kees Bakker"])
        let queue = CallQueue.entries(
            prospects: set.prospects, today: today.adding(days: 1), now: Sample.utc(30, 9), zone: .gmt,
            referrerNames: set.referrerNames)
        #expect(Set(queue.map(\.reason)) == [.referral(from: "Anna de Vries"), .referral(from: "Kees Bakker")])
    }

    @Test func aDayPastItsReachRebuildsTheSet() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 1), prospect("b", "Bram", next: 20)])
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a"])
        let later = today.adding(days: 15)
        let set = try store.workingSet(today: later)
        #expect(set.prospects.map(\.id.rawValue) == ["a", "b"])
        #expect(set.coversThrough == later.adding(days: 14))
        #expect(try stored(store).builtOn == later)
    }

    @Test(arguments: ["not json at all", "{\"schemaVersion\": 1}", "{\"schemaVersion\": 99, \"prospects\": []}", ""])
    func aBrokenQueueFileIsRebuiltNotReported(text: String) throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("a", "Anna", next: 1)])
        try handWrite(text, to: store.queueFile)
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a"])
        #expect(ids(try stored(store)) == ["a"])
        // A save with the set broken leaves it to the next read, which rebuilds it.
        try handWrite(text, to: store.queueFile)
        try store.upsert(prospect: prospect("b", "Bram"))
        #expect(try store.workingSet(today: today).prospects.map(\.id.rawValue) == ["a", "b"])
    }

    @Test func aReadOnlyStoreWorksOutTheSetWithoutWritingIt() throws {
        let scratch = ScratchDirectory()
        let writer = try Store(directory: scratch.store, zone: .gmt)
        try writer.save(prospects: [prospect("a", "Anna", next: 1)])
        #expect(!FileManager.default.fileExists(atPath: writer.queueFile.path))
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.workingSet(today: today).prospects.map(\.id.rawValue) == ["a"])
        #expect(!FileManager.default.fileExists(atPath: reader.queueFile.path))
    }
}
