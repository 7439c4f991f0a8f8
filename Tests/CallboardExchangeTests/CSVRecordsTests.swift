import Testing

@testable import CallboardExchange

/// The import's CSV reader, a record at a time: the cells and the line each record starts
/// on, as spreadsheet exports are written (and as the reader before it read them).
@Suite struct CSVRecordsTests {
    func records(_ text: String, delimiter: Unicode.Scalar = ",") throws -> [(line: Int, cells: [String])] {
        var reader = CSVRecords(text, delimiter: delimiter)
        var all: [(line: Int, cells: [String])] = []
        while let record = try reader.next() { all.append(record) }
        return all
    }

    @Test func quotedLineBreaksMoveTheLineOnAndCRLFIsOneBreak() throws {
        let found = try records("name,notes\r\n\"Anna\",\"one\r\ntwo\nthree\"\r\nBob,\"x, \"\"y\"\"\"\r\n")
        #expect(found.map(\.line) == [1, 2, 5])
        #expect(found.map(\.cells) == [["name", "notes"], ["Anna", "one\r\ntwo\nthree"], ["Bob", "x, \"y\""]])
    }

    @Test func aBlankLineIsOneEmptyCellAndSpaceBeforeAFieldIsLeftOut() throws {
        let found = try records("a;b\n\n  x ;\t\"y\" \n", delimiter: ";")
        #expect(found.map(\.cells) == [["a", "b"], [""], ["x ", "y"]])
        #expect(found.map(\.line) == [1, 2, 3])
    }

    @Test func everyKindOfLineBreakEndsARecordOutsideQuotes() throws {
        let found = try records("a\rb\u{2028}c\u{85}d\u{0C}\"e\u{2029}f\"")
        #expect(found.map(\.cells) == [["a"], ["b"], ["c"], ["d"], ["e\u{2029}f"]])
        #expect(found.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func theEndOfTheTextClosesTheLastRecord() throws {
        #expect(try records("a,b").map(\.cells) == [["a", "b"]])
        #expect(try records("a,").map(\.cells) == [["a"]])
        #expect(try records("a,\"closed\nat the end\"").map(\.cells) == [["a", "closed\nat the end"]])
        #expect(try records("").isEmpty)
    }

    @Test func aQuoteOutOfPlaceIsRefusedWithItsLine() {
        #expect(throws: CSVRecords.QuoteError(kind: .inTheMiddle, line: 2)) { try records("x\na,b\"c\n") }
        #expect(throws: CSVRecords.QuoteError(kind: .afterClosingQuote, line: 1)) { try records("\"a\"b,c\n") }
        // A quoted line break moves the line on before the quote out of place.
        #expect(throws: CSVRecords.QuoteError(kind: .afterClosingQuote, line: 3)) {
            try records("h\n\"one\ntwo\",\"x\"y\n")
        }
        // A lone quote ending the text is out of place too.
        #expect(throws: CSVRecords.QuoteError(kind: .inTheMiddle, line: 1)) { try records("a,b\"") }
        #expect(throws: Never.self) { try records("a,b\"\"c\n") }
    }

    @Test func spaceAroundAQuotedFieldIsNotAQuoteOutOfPlace() throws {
        let found = try records("a, \"b\"\n\"x\" ,y\n\t\"z\"\t\n")
        #expect(found.map(\.cells) == [["a", "b"], ["x", "y"], ["z"]])
    }

    /// Whether or not the text ends in a line break, and however many records or lines
    /// the quote swallowed, the error names the line the quoted field starts on.
    @Test func aQuoteTheTextEndsInIsRefusedWithTheLineItOpensOn() {
        #expect(throws: CSVRecords.QuoteError(kind: .neverClosed, line: 1)) { try records("a,\"unclosed\nrest") }
        #expect(throws: CSVRecords.QuoteError(kind: .neverClosed, line: 2)) { try records("h\nBob,\"no end") }
        #expect(throws: CSVRecords.QuoteError(kind: .neverClosed, line: 2)) { try records("h\nBob,\"no end\n") }
        // The record starts on line 2; the unclosed field, after a closed one, on line 3.
        #expect(throws: CSVRecords.QuoteError(kind: .neverClosed, line: 3)) {
            try records("h\n\"one\ntwo\",\"three\nfour\n")
        }
    }

    @Test func textBeyondASCIIPassesThroughWhole() throws {
        let found = try records("Zoë Ångström;東京精機;👩🏽‍💼\n", delimiter: ";")
        #expect(found.first?.cells == ["Zoë Ångström", "東京精機", "👩🏽‍💼"])
    }
}
