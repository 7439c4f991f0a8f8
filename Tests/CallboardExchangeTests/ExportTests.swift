import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

private let created = Date(timeIntervalSince1970: 1_795_000_000)

@Suite struct CalendarExportTests {
    static let prospect = Prospect(
        id: "p-1", name: "Sam O'Neill, Jr.", company: "Acme; Widgets \\ Co", phone: "+1 212 555 0105",
        email: "sam@example.com", timeZone: "America/New_York",
        callbackAt: Date(timeIntervalSince1970: 1_795_777_200), createdAt: created,
        lastCallNotes: "Wants the price list, per unit;\nasks about Zoë's team 東京精機株式会社 東京精機株式会社 and more text to force folding")

    var document: String {
        var meeting = Self.prospect
        meeting.id = "p-2"
        meeting.callbackAt = nil
        meeting.meetingAt = Date(timeIntervalSince1970: 1_795_863_600)
        var closed = Self.prospect
        closed.id = "p-3"
        closed.status = .lost
        return CalendarExport.document(prospects: [Self.prospect, meeting, closed], createdAt: created)
    }

    @Test func everyLineEndsInCRLFAndNoLineIsLongerThan75Octets() {
        let text = document
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(lines.contains { $0.hasPrefix(" ") })  // the notes were long enough to fold
    }

    @Test func foldingNeverSplitsACharacterAndUnfoldsToTheOriginal() {
        let line = "DESCRIPTION:" + String(repeating: "東京精機", count: 20)
        let folded = CalendarExport.folded(line)
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
    }

    @Test func textIsEscaped() {
        #expect(CalendarExport.escaped("a,b;c\\d\ne\u{1B}[2J") == "a\\,b\\;c\\\\d\\ne[2J")
        let unfolded = document.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Call back: Sam O'Neill\\, Jr. (Acme\\; Widgets \\\\ Co)"))
        #expect(unfolded.contains("Last notes: Wants the price list\\, per unit\\;\\nasks about"))
    }

    @Test func oneEventPerCallbackAndMeetingOfOpenProspectsInUTC() {
        let text = document
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(text.contains("DTSTART:20261127T110000Z\r\n"))
        #expect(text.contains("DTEND:20261127T111500Z\r\n"))
        #expect(text.contains("SUMMARY:Meeting: "))
        #expect(text.contains("UID:p-1-callback-1795777200@callboard\r\n"))
        #expect(!text.contains("p-3"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Their time: Fri 27 Nov 06:00 (America/New_York)"))
    }

    @Test func callbacksAndMeetingsAlreadyPastAreLeftOut() {
        var meeting = Self.prospect
        meeting.id = "p-2"
        meeting.callbackAt = nil
        meeting.meetingAt = Date(timeIntervalSince1970: 1_795_863_600)
        // Between the callback (27 Nov 11:00 UTC) and the meeting a day later.
        let text = CalendarExport.document(prospects: [Self.prospect, meeting], createdAt: Date(timeIntervalSince1970: 1_795_800_000))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        #expect(text.contains("SUMMARY:Meeting: "))
        #expect(!text.contains("Call back: "))
    }
}

@Suite struct DocumentExportTests {
    @Test func jsonHasTopLevelProspectsAndCalls() throws {
        let prospect = Prospect(id: "p-1", name: "Anna", createdAt: created)
        let call = Call(id: "p-1@1", prospectID: "p-1", startedAt: created, duration: 30, outcome: .noAnswer)
        let data = try JSONExport.document(prospects: [prospect], calls: [call], exportedAt: created)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["exportedAt", "prospects", "calls"])
        let prospects = try #require(object["prospects"] as? [[String: Any]])
        #expect(prospects.first?["name"] as? String == "Anna")
        let calls = try #require(object["calls"] as? [[String: Any]])
        #expect(calls.first?["outcome"] as? String == "noAnswer")
    }

    @Test func csvQuotesCommasQuotesAndLineBreaksAndReadsBackIn() throws {
        var prospect = Prospect(
            id: "p-1", name: "O'Neill, \"Sam\"", company: "Acme, Inc.", phone: "+1 212 555 0105",
            notes: "two\nlines", createdAt: created)
        prospect.lastOutcome = .meetingBooked
        let text = CSVExport.document(prospects: [prospect])
        #expect(text.contains("\"O'Neill, \"\"Sam\"\"\",\"Acme, Inc.\""))
        #expect(text.contains(",meeting_booked,"))
        let back = try ProspectImport().run(csv: text, existing: [], now: created, newID: { "x" })
        #expect(back.added == 1)
        #expect(back.prospects.first?.name == "O'Neill, \"Sam\"")
        #expect(back.prospects.first?.notes == "two\nlines")
    }

    @Test func todaysTextSaysWhyATimeIsOutsideTheirHours() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        let day = try #require(CalendarDay("2026-11-27"))  // a Friday
        let now = try #require(day.at(hour: 22, minute: 30, in: zone))
        let tokyo = Prospect(id: "p-1", name: "Kenji Watanabe", phone: "+81 3 5555 0101", timeZone: "Asia/Tokyo", createdAt: created)
        let london = Prospect(id: "p-2", name: "Jan Jansen", phone: "020-5550114", timeZone: "Europe/London", createdAt: created)
        let entries = CallQueue.entries(prospects: [tokyo, london], today: day, now: now, zone: zone)
        let text = TodayReport.text(
            day: day, entries: entries, prospects: [tokyo, london], seenAt: now, isNow: true, zone: zone)
        #expect(text.contains("their time 06:30 now (their weekend)"), "Saturday morning in Tokyo:\n\(text)")
        #expect(text.contains("their time 21:30 now (outside hours)"), "\(text)")
    }

    /// A callback agreed at 10:00 in Mexico City is 17:00 in Amsterdam; looked at the day
    /// before, the row must give the callback's clock on both sides, not theirs at the
    /// start of my day.
    @Test func aCallbackForAnotherDayShowsItsOwnTimeOnBothClocks() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        let mexico = try #require(TimeZone(identifier: "America/Mexico_City"))
        let day = try #require(CalendarDay("2026-12-02"))
        let agreed = try #require(day.at(hour: 10, minute: 0, in: mexico))
        let startOfMyDay = try #require(day.at(hour: 9, minute: 0, in: zone))
        let ana = Prospect(
            id: "p-1", name: "Ana López", phone: "+52 55 5555 0101", timeZone: "America/Mexico_City",
            callbackAt: agreed, attempts: 1, createdAt: created)
        let lena = Prospect(
            id: "p-2", name: "Lena Berg", timeZone: "Europe/Stockholm", nextCallDay: day, attempts: 1, createdAt: created)
        let entries = CallQueue.entries(prospects: [ana, lena], today: day, now: startOfMyDay, zone: zone)
        let text = TodayReport.text(
            day: day, entries: entries, prospects: [ana, lena], seenAt: startOfMyDay, isNow: false, zone: zone)
        #expect(text.contains("1. [callback 10:00 their time · 17:00 yours] Ana López"), "\(text)")
        #expect(!text.contains("03:00"), "\(text)")
        #expect(text.contains("their time 09:00 at your 09:00"), "an untimed row says which instant: \(text)")

        let data = try TodayReport.json(day: day, entries: entries, prospects: [ana, lena], seenAt: startOfMyDay, zone: zone)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let queue = try #require(object["queue"] as? [[String: Any]])
        #expect(queue[0]["local_time"] as? String == "10:00")
        #expect(queue[0]["in_business_hours"] as? Bool == true)
        #expect(queue[0]["local_time_at"] as? String == "2026-12-02T16:00:00Z")
        #expect(queue[1]["local_time_at"] as? String == "2026-12-02T08:00:00Z")
    }

    @Test func anOverdueCallbackSaysSoWithItsDate() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        let day = try #require(CalendarDay("2026-12-01"))
        let now = try #require(day.at(hour: 9, minute: 30, in: zone))
        let missed = try #require(CalendarDay("2026-11-27")?.at(hour: 16, minute: 0, in: zone))
        let bob = Prospect(id: "p-1", name: "Bob", callbackAt: missed, attempts: 1, createdAt: created)
        let entries = CallQueue.entries(prospects: [bob], today: day, now: now, zone: zone)
        let text = TodayReport.text(day: day, entries: entries, prospects: [bob], seenAt: now, isNow: true, zone: zone)
        #expect(text.contains("[overdue callback Fri 27 Nov 16:00 your time (their zone is not known)] Bob"), "\(text)")
        let data = try TodayReport.json(day: day, entries: entries, prospects: [bob], seenAt: now, zone: zone)
        #expect(String(decoding: data, as: UTF8.self).contains("\"overdue\" : true"))
    }

    @Test func todayJSONHasTheDocumentedShape() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        let day = try #require(CalendarDay("2026-11-30"))
        let now = try #require(day.at(hour: 10, minute: 0, in: zone))
        let referrer = Prospect(id: "p-1", name: "Anna de Vries", attempts: 1, createdAt: created)
        let lead = Prospect(
            id: "p-2", name: "Jan Jansen", company: "Jansen BV", phone: "020-5550114", timeZone: "Europe/London",
            source: .referral, referredBy: "p-1", createdAt: created)
        let fresh = Prospect(id: "p-3", name: "Cleo", createdAt: created)
        let prospects = [referrer, lead, fresh]
        let entries = CallQueue.entries(prospects: prospects, today: day, now: now, zone: zone)
        let data = try TodayReport.json(day: day, entries: entries, prospects: prospects, seenAt: now, zone: zone)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["date"] as? String == "2026-11-30")
        let queue = try #require(object["queue"] as? [[String: Any]])
        #expect(queue.map { $0["reason"] as? String } == ["referral", "due", "new"])
        #expect(queue.map { $0["why"] as? String } == ["referral from Anna de Vries", "due", "new"])
        let first = queue[0]
        for key in ["id", "name", "company", "phone", "email", "reason", "why", "overdue", "referred_by", "local_time", "local_time_at"] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        #expect(first["referred_by"] as? String == "Anna de Vries")
        #expect(first["local_time"] as? String == "09:00")
        #expect(queue[2]["referred_by"] is NSNull)
        #expect(queue[2]["local_time"] is NSNull)
    }
}

@Suite struct SpreadsheetFormulaTests {
    @Test func formulasFromHostileCellsAreDefusedAndReadBackAsTyped() throws {
        #expect(SpreadsheetFormula.defused("=HYPERLINK(\"http://evil\",\"x\")") == "'=HYPERLINK(\"http://evil\",\"x\")")
        #expect(SpreadsheetFormula.defused("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetFormula.defused("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(SpreadsheetFormula.defused("+31 20 555 0101") == "+31 20 555 0101")
        #expect(SpreadsheetFormula.defused("(555) 010-0105") == "(555) 010-0105")
        #expect(SpreadsheetFormula.defused("-") == "-")
        let evil = Prospect(id: "p-1", name: "=1+1", phone: "+31 20 555 0101", createdAt: created)
        let text = CSVExport.document(prospects: [evil])
        #expect(text.contains("p-1,'=1+1,,,+31 20 555 0101,"))
        let back = try ProspectImport().run(csv: text, existing: [], now: created, newID: { "x" })
        #expect(back.prospects.first?.name == "=1+1")
        #expect(back.prospects.first?.phone == "+31 20 555 0101")
    }
}
