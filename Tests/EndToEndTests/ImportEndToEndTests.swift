import Foundation
import Testing

/// `callboard import` as a seller runs it, on files with quoting problems.
@Suite(.serialized) struct ImportEndToEndTests {
    /// Space around a quoted value is fine; the error names the line where a quote really
    /// is out of place, and nothing is imported.
    @Test func aQuoteErrorNamesItsLineEvenAfterSpacedQuotes() throws {
        let fixture = try DashboardFixture(prospects: [])
        let csv = fixture.root.appendingPathComponent("contacts.csv")
        var text = "name,phone,company\nAnna Berg, \"+49 30 1\" ,Nordlicht\n"
        for index in 3..<900 { text += "Person \(index),+1 555 \(index),\"Co \(index)\"\n" }
        text += "Zed Last,+1 555 9999,Ac\"me\n"
        try Data(text.utf8).write(to: csv)
        let binary = try DashboardFixture.binary().path
        let result = try Spawn.run(binary, ["import", "--store", fixture.storeDirectory.path, csv.path])
        #expect(result.status != 0)
        #expect(result.output.contains("on line 900, a quote appears in the middle of a value"), "\(result.output)")
        #expect(!result.output.contains("line 2"))
    }

    /// A quote left open on the last line, with no line break after it, is refused with
    /// the line it opens on.
    @Test func anUnclosedQuoteOnTheLastLineIsRefused() throws {
        let fixture = try DashboardFixture(prospects: [])
        let csv = fixture.root.appendingPathComponent("contacts.csv")
        try Data("name,phone\nAnna Berg,+49 30 1\nBob Stone,\"+1 555 0100".utf8).write(to: csv)
        let binary = try DashboardFixture.binary().path
        let result = try Spawn.run(binary, ["import", "--store", fixture.storeDirectory.path, csv.path])
        #expect(result.status != 0)
        #expect(result.output.contains("a quoted field on line 3 is never closed"), "\(result.output)")
    }
}
