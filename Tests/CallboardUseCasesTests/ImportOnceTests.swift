import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// An import reads its file once and merges it once: what the seller is told is what was
/// written, and the queue shows the new people at once.
@Suite struct ImportOnceTests {
    let now = DeskFixture.monday
    let csv = "name,email,phone\nAnna,anna@example.com,\nBob,,+31 20 555 0101\nAnna V,anna@example.com,\n"

    @Test func theSheetIsMergedIntoTheStoreAsItIsAndTheQueueFollowsWithoutAnotherRead() throws {
        let f = try DeskFixture()
        _ = try f.desk.add(NewProspect(name: "Bob Old", phone: "+31 (20) 555-0101"), at: now)
        let sheet = try ProspectImport().read(csv: csv)
        #expect(sheet.rows == 3 && sheet.goodRows == 3 && !sheet.isRejected)
        // The dry run and the import agree: Bob is there already, Anna comes twice.
        let dry = try f.desk.checkImport(sheet, at: now)
        let done = try f.desk.importProspects(sheet, at: now)
        #expect(dry.added == 1 && dry.updated == 2)
        #expect(done.added == 1 && done.updated == 2)
        let queue = try f.store.workingSet(today: f.desk.day(of: now)).prospects.map(\.name).sorted()
        #expect(queue == ["Anna V", "Bob"])
        #expect(try f.store.prospects().count == 2)
    }

    @Test func aRefusedSheetReadsAndWritesNothing() throws {
        let f = try DeskFixture()
        let sheet = try ProspectImport().read(csv: "name,email\n,nobody@example.com\nAnna,anna@example.com\n")
        #expect(sheet.isRejected)
        let result = try f.desk.importProspects(sheet, at: now)
        #expect(result.added + result.updated == 0)
        #expect(try f.store.prospects().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: f.store.queueFile.path))
    }
}
