import CallboardCore
import Foundation
import Testing

/// Calendar days are worked out by arithmetic on the zone's offset; they must agree with
/// Foundation's Gregorian calendar everywhere callboard can meet a date.
@Suite("Calendar days")
struct CalendarDayTests {
    static let zones = ["UTC", "Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "Asia/Kolkata",
                        "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati"]

    @Test func theDayContainingAnInstantIsTheCalendarsInEveryZone() throws {
        var random = SeededRandom(seed: TestSeed.pick("CalendarDayTests", default: 11))
        for zoneName in Self.zones {
            let zone = try #require(TimeZone(identifier: zoneName))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for _ in 0..<800 {
                // 1901 to 2099, and the seconds around midnight and DST changes included.
                let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_169_000_000..<4_102_000_000, using: &random)))
                let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
                let day = CalendarDay(containing: instant, in: zone)
                #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day], "\(instant) in \(zoneName)")
                #expect(day.isoWeekday == ((parts.weekday ?? 1) + 5) % 7 + 1, "\(day)")
            }
        }
    }

    @Test func addingDaysCountingThemAndTheNextBusinessDay() throws {
        let day = try #require(CalendarDay("2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.adding(days: -365).description == "2023-02-28")
        #expect(day.days(until: try #require(CalendarDay("2025-02-28"))) == 366)
        #expect(try #require(CalendarDay("2026-11-27")).nextBusinessDay.description == "2026-11-30")  // Friday → Monday
        #expect(CalendarDay(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDay(daysSinceEpoch: -1).description == "1969-12-31")
        #expect(try #require(CalendarDay("1970-01-01")).isoWeekday == 4)
        #expect(try #require(CalendarDay("1969-12-28")).isoWeekday == 7)
    }

    @Test("parses only real dates in YYYY-MM-DD")
    func parsing() {
        #expect(CalendarDay("2026-11-29")?.description == "2026-11-29")
        for real in ["2028-02-29", "2000-02-29", "2024-02-29"] { #expect(CalendarDay(real) != nil, "\(real)") }
        for wrong in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01",
                      "26-11-29", "2026-1-29", "2026/11/29", ""] {
            #expect(CalendarDay(wrong) == nil, "\(wrong)")
        }
    }

    @Test("weekdays, business days and arithmetic across month and year ends")
    func arithmetic() {
        let friday = Fixture.day("2026-12-04")
        #expect(friday.isoWeekday == 5)
        #expect(friday.nextBusinessDay == Fixture.day("2026-12-07"))
        #expect(Fixture.day("2026-12-31").adding(days: 1) == Fixture.day("2027-01-01"))
        #expect(Fixture.day("2026-11-29").days(until: Fixture.day("2026-12-02")) == 3)
    }

    @Test("the day of an instant depends on the zone")
    func zones() {
        let instant = Fixture.at("2026-11-29 23:30", Fixture.amsterdam)
        #expect(CalendarDay(containing: instant, in: Fixture.amsterdam) == Fixture.day("2026-11-29"))
        #expect(CalendarDay(containing: instant, in: Fixture.tokyo) == Fixture.day("2026-11-30"))
    }

    @Test("a file with an impossible date names it")
    func decodingError() {
        let data = Data(#"["2026-02-30"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: data) }
    }
}
