import CallboardCore
import Foundation
import Testing

@Suite("The calling block")
struct CallingBlockTests {
    let zone = Fixture.amsterdam
    // Monday 10:00 in Amsterdam: 04:00 in New York, outside business hours there.
    var now: Date { Fixture.at("2026-11-30 10:00", zone) }
    let t0 = MonotonicInstant(seconds: 500)

    func queue() -> [QueueEntry] {
        CallQueue.entries(
            prospects: [
                Fixture.prospect("ams", "Anna", zone: "Europe/Amsterdam"),
                Fixture.prospect("nyc", "Nate", zone: "America/New_York"),
                Fixture.prospect("unknown", "Uma"),
            ], today: Fixture.day("2026-11-30"), now: now, zone: zone)
    }

    func block(_ rules: CallingBlock.Rules = .init()) -> CallingBlock {
        CallingBlock(queue: queue(), rules: rules, at: t0, wall: now, sellerZone: zone, hours: BusinessHours())
    }

    @Test("prospects outside their hours are skipped and listed; unknown zones are called")
    func skipsOutOfHours() {
        let b = block()
        #expect(b.skipped == ["nyc"])
        #expect(Set(b.waiting) == ["ams", "unknown"])
        let all = block(.init(callsOutsideHours: true))
        #expect(all.skipped.isEmpty && all.waiting.count == 3)
    }

    @Test("the countdown runs out after its seconds, a pause holds what is left")
    func countdownAndPause() {
        var b = block(.init(countdown: 10))
        #expect(b.countdownLeft(at: t0 + 0.2) == 10)
        #expect(b.countdownLeft(at: t0 + 3.5) == 7)
        #expect(!b.isDue(at: t0 + 9.9))
        b.pause(at: t0 + 4)
        #expect(!b.isDue(at: t0 + 60))
        #expect(b.countdownLeft(at: t0 + 60) == 6)
        b.resume(at: t0 + 60)
        #expect(!b.isDue(at: t0 + 65.9))
        #expect(b.isDue(at: t0 + 66))
    }

    @Test("dials, connects, wrap-up and dials per hour")
    func figures() {
        var b = block(.init(countdown: 10))
        let first = b.next
        b.dialled(first ?? "")
        b.hungUp(at: t0 + 300)
        #expect(b.wrapUpTime(at: t0 + 345) == 45)
        var talked = Call(id: "c1", prospectID: first ?? "", startedAt: now)
        talked.outcome = .notInterested
        b.filed(talked, at: t0 + 360)
        #expect(b.connects == 1)
        #expect(b.countdownLeft(at: t0 + 360) == 10)
        b.dialled(b.next ?? "")
        b.hungUp(at: t0 + 400)
        var unanswered = Call(id: "c2", prospectID: "unknown", startedAt: now)
        unanswered.outcome = .noAnswer
        b.filed(unanswered, at: t0 + 420)
        #expect(b.phase == .finished)
        #expect(b.dials == 2 && b.connects == 1)
        #expect(b.wrapUps == [60, 20])
        // 2 dials in 15 minutes: 8 an hour.
        #expect(b.dialsPerHour(at: t0 + 900) == 8)
        #expect(b.dialsPerHour(at: t0 + 30) == nil)
        b.end(at: t0 + 900)
        let summary = b.summary(at: t0 + 5000)
        #expect(summary.seconds == 900 && summary.dials == 2 && summary.skipped == 1 && summary.wrapUpSeconds == 80)
    }
}
