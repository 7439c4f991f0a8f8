import CallboardCore
import Foundation
import Testing

/// When a prospect picks up: dials counted at their wall-clock hour and weekday, the best
/// hour found by the rule, and the queue preferring whoever's best hour is now.
@Suite("Best time to reach")
struct BestTimeTests {
    let amsterdam = Fixture.amsterdam
    let utc = TimeZone(identifier: "UTC") ?? .gmt

    func utcAt(_ text: String) -> Date { Fixture.at(text, utc) }

    @Test("a dial counts at their local hour, summer time or not")
    func dstShiftsTheHour() throws {
        // 08:30 UTC is 09:30 in Amsterdam in winter (UTC+1) and 10:30 in summer (UTC+2).
        #expect(ReachCounts.slot(of: utcAt("2026-01-13 08:30"), in: amsterdam).hour == 9)
        #expect(ReachCounts.slot(of: utcAt("2026-07-14 08:30"), in: amsterdam).hour == 10)
        // The night the clocks go forward: 01:30 UTC on 29 March 2026 is already 03:30.
        #expect(ReachCounts.slot(of: utcAt("2026-03-29 01:30"), in: amsterdam).hour == 3)
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        // 14:00 UTC is 09:00 in New York in winter, 10:00 in summer.
        #expect(ReachCounts.slot(of: utcAt("2026-02-10 14:00"), in: newYork).hour == 9)
        #expect(ReachCounts.slot(of: utcAt("2026-06-09 14:00"), in: newYork).hour == 10)
    }

    @Test("the weekday is theirs: late Monday in London is Tuesday morning in Tokyo")
    func weekdayInTheirZone() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let monday = utcAt("2026-09-07 23:30")
        #expect(ReachCounts.slot(of: monday, in: tokyo) == (hour: 8, weekday: 2))
        let counts = ReachCounts().adding(dialAt: monday, in: tokyo, pickedUp: true)
        #expect(counts.weekdays[2] == ReachCounts.Tally(dials: 1, pickedUp: 1))
        #expect(counts.hours[8] == ReachCounts.Tally(dials: 1, pickedUp: 1))
    }

    /// Dials at the given Amsterdam hours on a Tuesday; `picked` of them picked up.
    func history(_ dials: [(hour: Int, picked: Bool)], day: String = "2026-09-08") -> ReachCounts {
        dials.reduce(ReachCounts()) { counts, dial in
            counts.adding(
                dialAt: Fixture.day(day).at(hour: dial.hour, minute: 15, in: amsterdam) ?? Date(),
                in: amsterdam, pickedUp: dial.picked)
        }
    }

    @Test("with little history there is no best time, and the brief says so")
    func tooLittle() {
        let thin = history([(10, true), (14, false), (14, true)])
        #expect(BestTime.find(in: thin, minimum: .prospect) == nil)
        var p = Fixture.prospect("p1", "Anna", zone: "Europe/Amsterdam")
        p.reach = thin
        #expect(BestTime.briefLines(for: p, zoneCounts: nil) == [
            "Too few calls to them to tell their best time (2 of 3 picked up).",
        ])
        #expect(BestTime.briefLines(for: Fixture.prospect("p2", "Bo"), zoneCounts: nil).isEmpty)
    }

    @Test("the best hour is where they picked up most often, not where most dials went")
    func bestHour() throws {
        // 09:00: 1 of 5; 11:00: 3 of 3; 15:00: 1 of 1.
        let counts = history(
            [(9, true), (9, false), (9, false), (9, false), (9, false), (11, true), (11, true), (11, true), (15, true)])
        let best = try #require(BestTime.find(in: counts, minimum: .prospect))
        #expect(best.hour == 11)
        #expect(best.text == "11:00–12:00 (3 of 3 picked up), Tuesdays (5 of 9)")
        #expect(best.isGood(hour: 11))
        #expect(!best.isGood(hour: 12))
    }

    @Test("the brief gives their own best time and that of their zone")
    func briefLines() {
        var p = Fixture.prospect("p1", "Anna", zone: "Europe/Amsterdam")
        p.reach = history([(10, true), (10, true), (10, false), (16, false)])
        var zone = ReachCounts()
        for _ in 0..<4 { zone.add(history([(14, true), (14, true), (9, false), (9, false), (16, true), (16, false)])) }
        #expect(BestTime.briefLines(for: p, zoneCounts: zone) == [
            "They pick up most 10:00–11:00 (2 of 3 picked up), Tuesdays (2 of 4), their time.",
            "People in Europe/Amsterdam pick up most 14:00–15:00 (8 of 8 picked up), Tuesdays (12 of 24).",
        ])
    }

    @Test("the queue puts whoever's best hour is now first among equals; a thin history borrows their zone's")
    func queuePrefersTheGoodHour() {
        let now = Fixture.at("2026-09-15 11:20", amsterdam)  // a Tuesday
        var a = Fixture.prospect("a", "Aaron Early", zone: "Europe/Amsterdam")
        a.reach = history([(9, true), (9, true), (9, true), (11, false)])
        var b = Fixture.prospect("b", "Bea Late", zone: "Europe/Amsterdam")
        b.reach = history([(11, true), (11, true), (11, false), (9, false)])
        let c = Fixture.prospect("c", "Cas New", zone: "Europe/London")
        let order = CallQueue.entries(prospects: [a, b, c], today: Fixture.day("2026-09-15"), now: now, zone: amsterdam)
        #expect(order.map(\.prospect.name) == ["Bea Late", "Aaron Early", "Cas New"])
        #expect(order.map(\.isGoodHour) == [true, false, false])
        // London picks up at 10:00 their time, 11:00 in Amsterdam: Cas is now in his good hour.
        var london = ReachCounts()
        let londonZone = TimeZone(identifier: "Europe/London") ?? .gmt
        for day in ["2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11", "2026-09-14"] {
            for (hour, picked) in [(10, true), (10, true), (14, false), (14, false), (15, false)] {
                london = london.adding(
                    dialAt: Fixture.day(day).at(hour: hour, minute: 0, in: londonZone) ?? now, in: londonZone, pickedUp: picked)
            }
        }
        let withZone = CallQueue.entries(
            prospects: [a, b, c], today: Fixture.day("2026-09-15"), now: now, zone: amsterdam,
            zoneReach: ["Europe/London": london])
        #expect(withZone.filter(\.isGoodHour).map(\.prospect.name) == ["Bea Late", "Cas New"])
    }

    @Test("a zone's sums follow its prospects as they change")
    func zoneSums() {
        var p = Fixture.prospect("p1", "Anna", zone: "Europe/Amsterdam")
        p.reach = history([(10, true)])
        var sums = ZoneReach.sums(of: [p, Fixture.prospect("p2", "No zone")])
        #expect(sums["Europe/Amsterdam"]?.total == ReachCounts.Tally(dials: 1, pickedUp: 1))
        var later = p
        later.reach = p.reach?.adding(dialAt: Fixture.at("2026-09-09 15:00", amsterdam), in: amsterdam, pickedUp: false)
        ZoneReach.update(&sums, replacing: [p], with: [later])
        #expect(sums["Europe/Amsterdam"]?.total == ReachCounts.Tally(dials: 2, pickedUp: 1))
        #expect(sums == ZoneReach.sums(of: [later]))
    }

    @Test("filing a call counts it on the prospect, at their hour, picked up when it was a conversation")
    func filingCounts() {
        let start = Fixture.at("2026-09-08 10:05", amsterdam)
        let prospect = Fixture.prospect("p1", "Anna", zone: "Europe/Amsterdam")
        let call = Call(id: "c", prospectID: "p1", startedAt: start, duration: 60, outcome: .callback)
        let after = AfterCall(
            call: call, prospect: prospect, today: Fixture.day("2026-09-08"), zone: amsterdam, retry: RetryRule(),
            newID: { "x" })
        #expect(after.prospect.reach?.hours[10] == ReachCounts.Tally(dials: 1, pickedUp: 1))
        var missed = call
        missed.outcome = .noAnswer
        let again = AfterCall(
            call: missed, prospect: after.prospect, today: Fixture.day("2026-09-08"), zone: amsterdam, retry: RetryRule(),
            newID: { "x" })
        #expect(again.prospect.reach?.hours[10] == ReachCounts.Tally(dials: 2, pickedUp: 1))
        #expect(again.prospect.reach?.weekdays[2] == ReachCounts.Tally(dials: 2, pickedUp: 1))
    }

    @Test("the counts are stored compactly and read back; older records have none")
    func coding() throws {
        let counts = history([(10, true), (14, false)])
        let data = try JSONEncoder().encode(counts)
        #expect(try JSONDecoder().decode(ReachCounts.self, from: data) == counts)
        let old = #"{"id": "p", "name": "Anna", "createdAt": "2026-09-03T08:00:00Z"}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Prospect.self, from: Data(old.utf8)).reach == nil)
    }
}
