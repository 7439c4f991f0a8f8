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
}
