import CallboardCore
import Foundation
import Testing

@Suite("Next step dates")
struct NextStepParserTests {
    let zone = Fixture.amsterdam
    /// Wednesday 2 December 2026, 11:00 in Amsterdam.
    let now = Fixture.at("2026-12-02 11:00", Fixture.amsterdam)

    func parse(_ text: String, zone: TimeZone? = nil) -> Date? {
        try? NextStepParser.parse(text, now: now, zone: zone ?? self.zone).get()
    }

    func failure(_ text: String) -> String {
        switch NextStepParser.parse(text, now: now, zone: zone) {
        case .success(let date): return "parsed as \(date)"
        case .failure(let f): return f.description
        }
    }

    @Test("the three forms a seller types")
    func forms() {
        #expect(parse("tomorrow 10:00") == Fixture.at("2026-12-03 10:00", zone))
        #expect(parse("fri 14:30") == Fixture.at("2026-12-04 14:30", zone))
        #expect(parse("2026-12-03 09:15") == Fixture.at("2026-12-03 09:15", zone))
    }

    @Test("other spellings of days and times")
    func spellings() {
        #expect(parse("Friday 2pm") == Fixture.at("2026-12-04 14:00", zone))
        #expect(parse("mon 9") == Fixture.at("2026-12-07 09:00", zone))
        #expect(parse("today 4:30pm") == Fixture.at("2026-12-02 16:30", zone))
        #expect(parse("tomorrow 9.05") == Fixture.at("2026-12-03 09:05", zone))
        #expect(parse("2 pm") == Fixture.at("2026-12-02 14:00", zone))
        #expect(parse("12am") == Fixture.at("2026-12-03 00:00", zone))
        #expect(parse("12pm") == Fixture.at("2026-12-02 12:00", zone))
    }

    @Test("a time alone that has passed means tomorrow; today's weekday that has passed means next week")
    func rolling() {
        #expect(parse("10:00") == Fixture.at("2026-12-03 10:00", zone))
        #expect(parse("wed 10:00") == Fixture.at("2026-12-09 10:00", zone))
        #expect(parse("wed 15:00") == Fixture.at("2026-12-02 15:00", zone))
    }

    @Test("the time is the prospect's wall time when their zone is known")
    func prospectZone() {
        let ny = Fixture.newYork
        #expect(parse("tomorrow 10:00", zone: ny) == Fixture.at("2026-12-03 10:00", ny))
        #expect(parse("tomorrow 10:00", zone: ny) == Fixture.at("2026-12-03 16:00", zone))
    }

    @Test("across a DST change the wall time holds")
    func dst() {
        // Sunday 2027-03-28 Europe moves to summer time at 02:00.
        let saturday = Fixture.at("2027-03-27 12:00", zone)
        let monday = try? NextStepParser.parse("mon 10:00", now: saturday, zone: zone).get()
        #expect(monday == Fixture.at("2027-03-29 10:00", zone))
        let expectedGap: TimeInterval = 2 * 86_400 - 3 * 3_600  // 46 h: two days less 2 h, less the lost hour
        #expect(monday.map { saturday.distance(to: $0) } == expectedGap)
        // 02:30 does not exist that night; it resolves to a real instant after now.
        let gap = try? NextStepParser.parse("sun 2:30", now: saturday, zone: zone).get()
        #expect(gap != nil)
        #expect(gap.map { $0 > saturday } == true)
    }

    @Test("bad input says what was expected")
    func errors() {
        #expect(failure("").contains("tomorrow 10:00"))
        #expect(failure("someday 10:00").contains("“someday” is not a day"))
        #expect(failure("tomorrow").contains("Add a time"))
        #expect(failure("tomorrow 25:00").contains("could not read a time"))
        #expect(failure("2026-12-01 10:00").contains("already passed"))
        #expect(failure("2026-02-30 10:00").contains("not a day"))
        #expect(failure("next week on friday at 10").contains("too many parts"))
    }

    @Test("a day alone reads the same words everywhere: ahead for a queue, back for a review")
    func dayWords() {
        let today = Fixture.day("2026-12-02")  // a Wednesday
        #expect(NextStepParser.day("today", today: today) == today)
        #expect(NextStepParser.day("Tomorrow", today: today) == Fixture.day("2026-12-03"))
        #expect(NextStepParser.day("yesterday", today: today) == Fixture.day("2026-12-01"))
        #expect(NextStepParser.day("fri", today: today) == Fixture.day("2026-12-04"))
        #expect(NextStepParser.day("friday", today: today, looking: .back) == Fixture.day("2026-11-27"))
        #expect(NextStepParser.day("wed", today: today) == today)
        #expect(NextStepParser.day("wed", today: today, looking: .back) == today)
        #expect(NextStepParser.day(" 2026-12-24 ", today: today) == Fixture.day("2026-12-24"))
        #expect(NextStepParser.day("someday", today: today) == nil)
        #expect(NextStepParser.day("2026-02-30", today: today) == nil)
    }
}

@Suite("Next steps at an odd time for them")
struct NextStepCheckTests {
    let mine = Fixture.amsterdam
    let hours = BusinessHours(start: 9, end: 17)

    @Test("their evening, their weekend and the end of their day are flagged; inside their hours is not")
    func warnings() {
        let stockholm = TimeZone(identifier: "Europe/Stockholm")
        let berlin = TimeZone(identifier: "Europe/Berlin")
        let evening = NextStepCheck.warning(
            at: Fixture.at("2026-12-03 20:00", Fixture.amsterdam), theirZone: stockholm, sellerZone: mine, hours: hours)
        #expect(evening == "Thu 3 Dec 20:00 is outside their business hours (09:00–17:00).")
        let quarterToSix = NextStepCheck.warning(
            at: Fixture.at("2026-12-02 17:45", Fixture.amsterdam), theirZone: berlin, sellerZone: mine, hours: hours)
        #expect(quarterToSix?.contains("outside their business hours") == true)
        let saturday = NextStepCheck.warning(
            at: Fixture.at("2026-12-05 10:00", Fixture.amsterdam), theirZone: berlin, sellerZone: mine, hours: hours)
        #expect(saturday == "Sat 5 Dec 10:00 is their weekend.")
        #expect(NextStepCheck.warning(
            at: Fixture.at("2026-12-03 10:00", Fixture.amsterdam), theirZone: berlin, sellerZone: mine, hours: hours) == nil)
        // 16:00 in Amsterdam is 10:00 in New York: fine for them.
        #expect(NextStepCheck.warning(
            at: Fixture.at("2026-12-03 16:00", Fixture.amsterdam), theirZone: Fixture.newYork, sellerZone: mine,
            hours: hours) == nil)
    }

    @Test("with their zone unknown the seller's clock is checked, and the words do not claim it is theirs")
    func unknownZone() {
        let saturday = NextStepCheck.warning(
            at: Fixture.at("2026-12-05 10:00", Fixture.amsterdam), theirZone: nil, sellerZone: mine, hours: hours)
        #expect(saturday == "Sat 5 Dec 10:00 is a weekend.")
        #expect(NextStepCheck.unknownZoneNote(sellerZone: mine).contains("Europe/Amsterdam"))
    }
}

@Suite("Time zone from the calling code")
struct CallingCodeZoneTests {
    @Test("a country with one zone gives it; a country with several gives none")
    func table() {
        #expect(CallingCodeZone.zone(for: "+44 20 7946 0958")?.zone == "Europe/London")
        #expect(CallingCodeZone.zone(for: "+44 20 7946 0958")?.code == "+44")
        #expect(CallingCodeZone.zone(for: "+33 1 23 45 67 89")?.zone == "Europe/Paris")
        #expect(CallingCodeZone.zone(for: "0049 30 1234567")?.zone == "Europe/Berlin")
        #expect(CallingCodeZone.zone(for: "+31 20 555 0101")?.zone == "Europe/Amsterdam")
        #expect(CallingCodeZone.zone(for: "+353 1 555 0101")?.zone == "Europe/Dublin")
        for ambiguous in ["+1 212 555 0101", "+7 495 555 0101", "+61 2 5555 0101", "+55 11 5555 0101",
                          "+52 55 5555 0101", "+62 21 555 0101", "+34 91 555 0101", "020 555 0101", ""] {
            #expect(CallingCodeZone.zone(for: ambiguous) == nil, "\(ambiguous)")
        }
        for zone in CallingCodeZone.table.values { #expect(TimeZone(identifier: zone) != nil, "\(zone)") }
    }

    @Test("an inferred zone says where it came from; a zone someone gave is never replaced")
    func inference() {
        var lead = Fixture.prospect("p1", "Tom Hughes")
        lead.phone = "+44 161 555 0101"
        lead.inferTimeZoneFromPhone()
        #expect(lead.timeZone == "Europe/London")
        #expect(lead.timeZoneInferredFrom == "+44")
        var given = Fixture.prospect("p2", "Tia", zone: "Europe/Dublin")
        given.phone = "+44 161 555 0101"
        given.inferTimeZoneFromPhone()
        #expect(given.timeZone == "Europe/Dublin")
        #expect(given.timeZoneInferredFrom == nil)
    }
}

@Suite("Day words in the next step")
struct NextStepDayWordsTests {
    /// The field reads days with the same words as `--date`; a day gone by is refused for
    /// being past, not for being an unknown word.
    @Test("yesterday is a day the field knows, and refused as past")
    func yesterdayIsPast() {
        let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let now = CalendarDay(year: 2026, month: 12, day: 1).at(hour: 12, minute: 0, in: zone) ?? Date()
        guard case .failure(let failure) = NextStepParser.parse("yesterday 10:00", now: now, zone: zone) else {
            Issue.record("yesterday 10:00 was taken")
            return
        }
        #expect(failure.description == "“yesterday 10:00” has already passed; pick a later time.")
    }
}
