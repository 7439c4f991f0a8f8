import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

/// Ids "p1", "p2", ... in order, so expectations can name them.
private final class Counter: @unchecked Sendable {
    var next = 0
    func id() -> ProspectID {
        next += 1
        return ProspectID("p\(next)")
    }
}

private let now = Date(timeIntervalSince1970: 1_795_000_000)

private func run(
    _ text: String, existing: [Prospect] = [], map: [String] = [], skipInvalid: Bool = false
) throws -> ImportResult {
    let counter = Counter()
    let importer = ProspectImport(overrides: try ColumnMapping.overrides(from: map), skipInvalid: skipInvalid)
    return try importer.run(csv: text, existing: existing, now: now, newID: counter.id)
}

@Suite struct ImportTests {
    /// callboard's own CSV export read back: a do-not-call stays do-not-call, closed
    /// prospects stay closed, and no import lifts a do-not-call the store already has.
    @Test func theStatusOfCallboardsOwnExportComesBackAndDoNotCallIsNeverLifted() throws {
        let people = [
            Prospect(id: "a", name: "Tom Baker", company: "Baker Bakery", phone: "+1 312 555 0112", status: .doNotCall, createdAt: now),
            Prospect(id: "b", name: "Lena Lost", email: "lena@example.com", status: .lost, createdAt: now),
            Prospect(id: "c", name: "Ada Active", email: "ada@example.com", createdAt: now),
        ]
        let fresh = try run(CSVExport.document(prospects: people))
        #expect(fresh.prospects.map(\.status) == [.doNotCall, .lost, .active])
        // A file that says active does not make Tom callable again; it may close Ada.
        let csv = "name,phone,email,status\r\nTom Baker,+1 312 555 0112,,active\r\nAda Active,,ada@example.com,won\r\n"
        let again = try run(csv, existing: fresh.prospects)
        #expect(again.prospects.map(\.status) == [.doNotCall, .lost, .won])
        // A CRM's own words in a Status column are not callboard's, and change nothing.
        let crm = try run("name,email,status\r\nAda Active,ada@example.com,Qualified\r\nNew Person,new@example.com,Open\r\n")
        #expect(crm.prospects.map(\.status) == [.active, .active])
    }

    @Test func aGreetingColumnSetsTheNameToGreetAndAnEmptyCellKeepsTheOldOne() throws {
        let fresh = try run("name,email,greeting\r\n\"Doe, Jane\",jane@example.com,Janie\r\nBo Berg,bo@example.com,\r\n")
        #expect(fresh.prospects.map(\.greeting) == ["Janie", "Bo"])
        let again = try run("name,email,preferred name\r\n\"Doe, Jane\",jane@example.com,\r\n", existing: fresh.prospects)
        #expect(again.prospects.first?.greetingName == "Janie")
    }

    @Test func hubSpotExportWithBOMQuotesNewlinesAndASharedPhone() throws {
        let result = try run(try Fixture.text("hubspot-contacts.csv"))
        #expect(result.rows == 10)
        #expect(result.added == 10)
        // Noah Smith shares Sam O'Neill's switchboard number, but not his email: two people.
        #expect(result.updated == 0)
        #expect(result.problems.isEmpty)
        #expect(result.unmappedColumns.isEmpty)  // the BOM did not hide "Record ID"
        let byName = Dictionary(result.prospects.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["Anna de Vries"]?.timeZone == "Europe/Amsterdam")
        #expect(byName["Anna de Vries"]?.title == "Head of Operations")
        #expect(byName["Marek Kowalski"]?.phone == "+48 600 555 102")  // mobile when no phone
        #expect(byName["Marek Kowalski"]?.company == "Kowalski & Synowie, Sp. z o.o.")
        #expect(byName["Zoë Ångström"]?.company == "Nordic \"Clean\" Energy AB")
        #expect(byName["Kenji Watanabe"]?.company == "東京精機株式会社")
        #expect(byName["Fatima Zahra"]?.company == "Casablanca Foods (head office)")
        #expect(byName["Priya Raman"]?.email == "")
        #expect(byName["Noah Smith"]?.email == "noah@example.com")
        #expect(byName["Sam O'Neill"]?.email == "sam.oneill@example.com")
        #expect(byName["Sam O'Neill"]?.phone == byName["Noah Smith"]?.phone)
    }

    @Test func aSharedPhoneIsOnePersonOnlyUnderTheSameName() throws {
        let existing = [
            Prospect(id: "crm-1", name: "Sam", phone: "(555) 010-0105", email: "sam@acme.example", createdAt: now),
            Prospect(id: "crm-2", name: "Front Desk", phone: "+1 555 010 0200", createdAt: now),
        ]
        let text = """
            name,phone,email
            Noah Smith,555.010.0105,noah@acme.example
            Sam O'Neill,555 010 0105,
            Desk Person,+1 (555) 010-0200,desk@acme.example
            Ruth,+1 555 010 0300,ruth@acme.example
            Ruth Again,+1 555 010 0300,
            Ruth's Colleague,+1 555 010 0300,colleague@acme.example
            """
        let result = try run(text, existing: existing)
        // Noah (another name and email), the desk person (another name on the front
        // desk's number), Ruth, Ruth's colleague (another name and email)
        #expect(result.added == 4)
        // Sam by phone under a longer name (no email to disagree), Ruth again
        #expect(result.updated == 2)
        let names = result.prospects.map(\.name)
        #expect(names == ["Sam O'Neill", "Front Desk", "Noah Smith", "Desk Person", "Ruth Again", "Ruth's Colleague"])
        #expect(result.prospects[0].email == "sam@acme.example")
    }

    @Test func aPhoneWithoutDigitsIsABadRow() throws {
        let result = try run("name,phone,mobile phone\nAnna,abc,\nBob,,call me\nCleo,+31 20 555 0101 ext. 12,\n")
        #expect(result.problems.map(\.description) == [
            "line 2, phone: “abc” is not a phone number (it needs at least five digits)",
            "line 3, mobile phone: “call me” is not a phone number (it needs at least five digits)",
        ])
    }

    @Test func salesforceLeadsWithCRLFAndDoNotCall() throws {
        let result = try run(try Fixture.text("salesforce-leads.csv"))
        #expect(result.added == 3)
        #expect(result.updated == 0)
        let tom = try #require(result.prospects.first { $0.name == "Tom Baker" })
        #expect(tom.status == .doNotCall)
        #expect(tom.source == .referral)
        #expect(tom.notes == "Do not call again")
        let greta = try #require(result.prospects.first { $0.name == "Greta Müller" })
        #expect(greta.status == .active)
        #expect(greta.source == .web)
        #expect(greta.notes == "Asked about \"pilot\" pricing")
        #expect(greta.email == "greta@example.de")  // no stray carriage return
        #expect(result.prospects.first { $0.name == "Ines Ferreira" }?.source == .event)
    }

    @Test func semicolonExportNeedsAMappingAndThenImports() throws {
        let text = try Fixture.text("semicolon-export.csv")
        #expect(throws: ImportFailure.self) { try run(text) }
        let result = try run(text, map: ["Naam=name", "bedrijf=company", "TELEFOON=phone"])
        #expect(result.added == 2)
        #expect(result.prospects.map(\.company) == ["Jansen BV", "Pieters; Zonen"])
        #expect(result.prospects.map(\.email) == ["jan@example.nl", "piet@example.nl"])
    }

    @Test func badRowsNameTheirLineAndFieldAndRejectTheImport() throws {
        let text = """
            name,phone,email,timezone
            Good Person,+31 20 555 0001,,
            ,+31 20 555 0002,,
            No Contact,,,
            "Quoted
            Line",+31 20 555 0003,,Mars/Olympus
            Bad Mail,,not-an-address,
            """
        let result = try run(text)
        #expect(result.isRejected)
        #expect(result.problems.map(\.description) == [
            "line 3, name: a name is needed",
            "line 4, phone: a phone number or an email address is needed to reach them",
            "line 5, time zone: \"Mars/Olympus\" is not a known time zone; use a name such as Europe/Amsterdam",
            "line 7, email: “not-an-address” is not an email address (expected name@example.com)",
        ])
        let skipping = try run(text, skipInvalid: true)
        #expect(!skipping.isRejected)
        #expect(skipping.added == 1)
        #expect(skipping.skipped == 4)
    }

    @Test func duplicatesOfExistingProspectsUpdateThemByEmailOrNormalisedPhone() throws {
        let existing = [
            Prospect(id: "crm-1", name: "Anna", phone: "+31 (20) 555-0101", attempts: 2, createdAt: now),
            Prospect(id: "crm-2", name: "Bob", email: "Bob@Example.com", createdAt: now),
        ]
        let text = """
            First Name,Last Name,Phone Number,Email,Job Title
            Anna,de Vries,+31 20 555 0101,,Head of Operations
            Robert,Jones,,bob@example.com,
            Cleo,New,+44 20 5555 0000,,
            """
        let result = try run(text, existing: existing)
        #expect(result.added == 1)
        #expect(result.updated == 2)
        #expect(result.prospects.count == 3)
        #expect(result.prospects[0].id == "crm-1")
        #expect(result.prospects[0].name == "Anna de Vries")
        #expect(result.prospects[0].title == "Head of Operations")
        #expect(result.prospects[0].attempts == 2)  // history is kept
        #expect(result.prospects[1].name == "Robert Jones")
        #expect(result.prospects[1].email == "bob@example.com")
        #expect(result.prospects[2].id == "p1")
    }

    @Test func linkedInSalesNavigatorHeaders() throws {
        let text = "First Name,Last Name,Primary Email,Title,Company,Profile URL\nMia,Weber,mia@example.de,CFO,Weber AG,https://x\n"
        let result = try run(text)
        #expect(result.added == 1)
        #expect(result.prospects[0].name == "Mia Weber")
        #expect(result.prospects[0].email == "mia@example.de")
        #expect(result.prospects[0].title == "CFO")
    }

    @Test func controlCharactersAreStrippedAtImport() throws {
        let text = "name,phone,notes\n\"Evil\u{1B}]0;pwned\u{07}Name\u{1B}[2J\",123456789,\"line one\u{1B}[31m\nline two\"\n"
        let result = try run(text)
        let prospect = try #require(result.prospects.first)
        #expect(prospect.name == "Evil]0;pwnedName[2J")
        #expect(!prospect.name.unicodeScalars.contains { $0.value < 0x20 })
        #expect(prospect.notes == "line one[31m\nline two")
    }

    @Test func anUnclosedQuoteIsReportedWithItsLine() throws {
        let text = "name,phone\nAnna,1234567\n\"Bob,7654321\nCleo,5556667\n"
        #expect(throws: ImportFailure.malformed("a quoted field on line 3 is never closed")) { try run(text) }
        // A closed quoted line break at the end of the file is fine.
        #expect(try run("name,phone,notes\nAnna,1234567,\"two\nlines\"\n").added == 1)
    }

    /// With no line break after it, an unclosed quote on the last line is still an error,
    /// not a row taken with the quote dropped.
    @Test func anUnclosedQuoteOnTheLastLineWithNoLineBreakIsReported() {
        #expect(throws: ImportFailure.malformed("a quoted field on line 3 is never closed")) {
            try run("name,phone\nAnna,1234567\nBob,\"7654321")
        }
        #expect(throws: ImportFailure.malformed("a quoted field on line 2 is never closed")) {
            try run("name,phone,notes\nAnna,1234567,\"two")
        }
    }

    /// Space before an opening quote or after a closing one is fine, so the error names
    /// the line where a quote really is out of place, however far down.
    @Test func aQuoteErrorNamesItsOwnLineNotAnEarlierSpacedQuote() throws {
        var text = "name,phone,company\nAnna, \"1234567\" ,Acme\n"
        for index in 3..<900 { text += "Person \(index),555\(index),\"Co \(index)\"\n" }
        text += "Zed,5559999,Ac\"me\n"
        #expect(throws: ImportFailure.malformed(
            "on line 900, a quote appears in the middle of a value; put the whole value in quotes and write the quote twice (\"\")"
        )) { try run(text) }
        #expect(throws: ImportFailure.malformed(
            "on line 900, a quoted value goes on after its closing quote; a quote inside a value is written twice (\"\")"
        )) { try run(text.replacingOccurrences(of: "Ac\"me", with: "\"Ac\"me")) }
        #expect(try run("name,phone,company\nAnna, \"1234567\" ,Acme\n").added == 1)
    }

    @Test func unknownMappingFieldIsAUsageError() {
        #expect(throws: ImportFailure.self) { try ColumnMapping.overrides(from: ["Naam=nickname"]) }
        #expect(throws: ImportFailure.self) { try ColumnMapping.overrides(from: ["=name"]) }
    }

    /// Ten thousand rows, all distinct: each one added, none merged. Speed is not asserted
    /// in a unit test; the machines that run these are shared and noisy.
    @Test func tenThousandRowsAreAllImported() throws {
        var text = "First name,Last name,Email,Phone number,Company name,Time Zone\n"
        for index in 0..<10_000 {
            text += "Person,\(index),p\(index)@example.com,+1 212 555 \(String(format: "%05d", index)),\"Company \(index), Inc.\",America/New_York\n"
        }
        let result = try run(text)
        #expect(result.added == 10_000)
        #expect(result.updated == 0)
    }
}
