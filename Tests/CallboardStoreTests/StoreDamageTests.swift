import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// A hand-edited or half-restored store is named as damaged, never read as a smaller one.
@Suite("Damaged stores")
struct StoreDamageTests {
    let day = CalendarDay(year: 2026, month: 11, day: 29)

    func filledStore(_ scratch: ScratchDirectory) throws -> Store {
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Sample.prospect("p-1"), Sample.prospect("p-2")])
        try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        return store
    }

    @Test func aMissingProspectsFolderInAStoreWithCallsIsDamageForAReader() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try FileManager.default.removeItem(at: store.prospectsDirectory)
        try? FileManager.default.removeItem(at: store.queueFile)
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        for read in [{ _ = try reader.prospects() }, { _ = try reader.workingSet(today: day) }, { _ = try reader.contactCards() }] {
            let error = storeError(read)
            guard case .damaged(let path, let problem)? = error else {
                Issue.record("expected damage, got \(String(describing: error))")
                continue
            }
            #expect(path == store.prospectsDirectory.path)
            #expect(problem.contains("missing"))
            #expect(error?.exitCode == 65)
        }
    }

    /// A writer killed between moving the old buckets aside and putting the new ones in
    /// place left no `prospects/`: that is no damage, and a reader sees the prospects.
    @Test func aReaderMeetingAnInterruptedWholesaleSaveReadsTheProspects() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try FileManager.default.moveItem(at: store.prospectsDirectory, to: store.retiredDirectory)
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects().map(\.id) == ["p-1", "p-2"])
        try FileManager.default.copyItem(at: store.retiredDirectory, to: store.stagingDirectory)
        try FileManager.default.removeItem(at: store.stagingDirectory.appendingPathComponent(ProspectBucket.fileName(ProspectBucket.index(of: "p-2"))))
        let shared = ProspectBucket.index(of: "p-1") == ProspectBucket.index(of: "p-2")
        #expect(try reader.prospects().map(\.id) == (shared ? [] : ["p-1"]), "the new buckets, complete once the old were moved aside")
    }

    @Test func aFileInPlaceOfTheProspectsFolderIsDamage() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try FileManager.default.removeItem(at: store.prospectsDirectory)
        try Data("x".utf8).write(to: store.prospectsDirectory)
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        let error = storeError { _ = try reader.prospects() }
        #expect(error?.description.contains("is a file") == true, "\(String(describing: error))")
    }

    @Test func aNewStoreWithoutCallsIsSimplyEmpty() throws {
        let scratch = ScratchDirectory()
        try FileManager.default.createDirectory(at: scratch.store, withIntermediateDirectories: true)
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects().isEmpty)
    }

    @Test func aWriterMakesTheFolderAgain() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        try FileManager.default.removeItem(at: store.prospectsDirectory)
        try store.upsert(prospect: Sample.prospect("p-9"))
        #expect(try store.prospects().map(\.id) == [ProspectID("p-9")])
    }

    @Test func aProspectInTheWrongBucketIsNamedWithBothFiles() throws {
        let scratch = ScratchDirectory()
        let store = try filledStore(scratch)
        let home = ProspectBucket.index(of: "p-1")
        let wrong = (home + 1) % ProspectBucket.count
        let text = try String(contentsOf: store.bucketFile(home), encoding: .utf8)
        // A copy of the bucket under another name: p-1 is now filed twice.
        try handWrite(text, to: store.bucketFile(wrong))
        let error = storeError { _ = try store.prospects() }
        guard case .badData(let file, let problem)? = error else {
            Issue.record("expected bad data, got \(String(describing: error))")
            return
        }
        #expect(file == store.bucketFile(wrong).path)
        #expect(problem.contains(store.bucketFile(home).path), "\(problem)")
        #expect(problem.contains("same id too"), "\(problem)")
        // Moved rather than copied: named as misfiled, with where it belongs.
        try FileManager.default.removeItem(at: store.bucketFile(home))
        let moved = storeError { _ = try store.prospects() }
        #expect(moved?.description.contains("move it there") == true, "\(String(describing: moved))")
    }
}

@Suite("A store open to others is made private")
struct StorePermissionTests {
    private func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test(arguments: [Store.Access.readWrite, .readOnly])
    func looseFoldersAndFilesAreTightenedOnOpenAndSaidOnce(access: Store.Access) throws {
        let scratch = ScratchDirectory()
        do {
            let store = try Store(directory: scratch.store, zone: .gmt)
            try store.save(prospects: [Sample.prospect("p-1")])
            try store.save(call: Sample.call("c-1", at: Sample.at(9)), targets: .standard)
        }
        let bucket = try #require(
            FileManager.default.enumerator(atPath: scratch.store.appendingPathComponent("prospects").path)?
                .compactMap { $0 as? String }.first)
        let bucketFile = scratch.store.appendingPathComponent("prospects/" + bucket)
        let dayFolder = scratch.store.appendingPathComponent("calls/2026")
        chmod(scratch.store.path, 0o777)
        chmod(dayFolder.path, 0o777)
        chmod(bucketFile.path, 0o666)
        let opened = try Store(directory: scratch.store, zone: .gmt, access: access)
        #expect(opened.tightenedPermissions)
        #expect(mode(scratch.store) == 0o700)
        #expect(mode(dayFolder) == 0o700)
        #expect(mode(bucketFile) == 0o600)
        let again = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(!again.tightenedPermissions)
    }
}
