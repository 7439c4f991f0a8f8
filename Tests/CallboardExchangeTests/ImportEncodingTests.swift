import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct ImportEncodingTests {
    let csv = "name,email\nJürgen Müller,jm@example.de\nÅsa Öberg,asa@example.se\n"

    @Test func validUTF8IsUTF8() throws {
        let (text, encoding) = try ImportEncoding.decode(Data(csv.utf8))
        #expect(encoding == .utf8 && text == csv)
        // A byte-order mark, a zero-width space, an emoji in the middle: all UTF-8.
        let odd = "name\nZero\u{200B}\u{FEFF}Width 👩‍👩‍👧\n"
        #expect(try ImportEncoding.decode(Data(odd.utf8)).text == odd)
    }

    @Test func mostlyUTF8WithOneBadByteIsAnErrorNamingLineAndColumn() {
        // "Åsa Öberg,as\xE9" — one Latin-1 byte on line 3, after 12 characters.
        let bytes = Data("name,email\nJürgen Müller,jm@example.de\nÅsa Öberg,as".utf8) + Data([0xE9]) + Data("@example.se\n".utf8)
        #expect(throws: ImportFailure.badUTF8(line: 3, column: 13)) { try ImportEncoding.decode(bytes) }
        #expect(ImportFailure.badUTF8(line: 3, column: 13).description.contains("--encoding windows-1252"))
    }

    @Test func aFileWithNoUTF8AtAllIsWindows1252() throws {
        let latin = Data("name,email\nJ".utf8) + Data([0xFC]) + Data("rgen,j@example.de\n".utf8)
        let (text, encoding) = try ImportEncoding.decode(latin)
        #expect(encoding == .windows1252)
        #expect(text.contains("Jürgen"))
    }

    @Test func theEncodingCanBeGiven() throws {
        let latin = Data("name,email\nJ".utf8) + Data([0xFC]) + Data("rgen,j@example.de\n".utf8)
        #expect(throws: ImportFailure.self) { try ImportEncoding.decode(latin, as: .utf8) }
        let (text, _) = try ImportEncoding.decode(Data(csv.utf8), as: .windows1252)
        #expect(text.contains("JÃ¼rgen"), "asked for, so done")
        #expect(ImportEncoding(name: "CP1252") == .windows1252 && ImportEncoding(name: "UTF-16LE") == .utf16LE)
    }

    @Test(arguments: [ImportEncoding.utf16LE, .utf16BE])
    func utf16WithAByteOrderMarkIsDecoded(encoding: ImportEncoding) throws {
        let bom: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let body = try #require(csv.data(using: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian))
        let (text, found) = try ImportEncoding.decode(Data(bom) + body)
        #expect(found == encoding)
        #expect(text == csv)
    }
}

@Suite struct ImportShapeTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func run(_ text: String, skipInvalid: Bool = false) throws -> ImportResult {
        var next = 0
        return try ProspectImport(skipInvalid: skipInvalid).run(csv: text, existing: [], now: now) {
            next += 1
            return ProspectID("p\(next)")
        }
    }

    @Test func excelsSeparatorLineIsHonoured() throws {
        // Commas in the values; the semicolon is the separator because the first line says so.
        let result = try run("sep=;\nname;company;email\nAnna;Acme, Inc.;anna@example.com\n")
        #expect(result.prospects.first?.company == "Acme, Inc.")
        #expect(result.problems.isEmpty)
    }

    @Test func aBadRowAfterTheSeparatorLineNamesItsRealLine() throws {
        let result = try run("sep=;\nname;email\nAnna;\n")
        #expect(result.problems.first?.line == 3)
    }

    @Test func duplicateHeaderNamesAreAnErrorNamingTheLine() {
        #expect(throws: ImportFailure.duplicateHeader(name: "Email", line: 1)) {
            try run("name,email,Email\nAnna,a@example.com,b@example.com\n")
        }
    }

    @Test func aRowWithMoreFieldsThanTheHeaderIsAProblemOnItsLine() throws {
        let result = try run("name,email\nAnna,anna@example.com\nBram, Jansen,bram@example.com\n")
        #expect(result.isRejected)
        #expect(result.problems.map(\.line) == [3])
        #expect(result.problems.first?.message.contains("3 fields, but the header line has 2") == true)
    }

    @Test func aCSVSyntaxErrorIsInWordsWithItsLine() {
        do {
            _ = try run("name,email\nAnna,anna@example.com\n\"Bram\" Jansen,bram@example.com\n")
            Issue.record("accepted")
        } catch {
            let words = String(describing: error)
            #expect(words.contains("line 3"), "\(words)")
            #expect(!words.contains("quotation(") && !words.contains("message:"))
        }
    }
}
