import CallboardCore
import Foundation
import Testing

@Suite("Today's call queue")
struct CallQueueTests {
    let zone = Fixture.amsterdam
    let today = Fixture.day("2026-11-30")  // a Monday
    var now: Date { Fixture.at("2026-11-30 10:00", zone) }

    func queue(_ prospects: [Prospect], now: Date? = nil) -> [QueueEntry] {
        CallQueue.entries(prospects: prospects, today: today, now: now ?? self.now, zone: zone)
    }

    @Test("callbacks first by time, then referrals, then the rest by priority and age")
    func order() {
        let prospects = [
            Fixture.prospect("cold-old", "Olga", next: "2026-11-20", attempts: 1),
            Fixture.prospect("cold-new", "Nina", created: "2026-11-29"),
            Fixture.prospect("vip", "Victor", priority: 1, next: "2026-11-30", attempts: 2),
            Fixture.prospect("cb-late", "Carl", callback: Fixture.at("2026-11-30 15:30", zone), attempts: 1),
            Fixture.prospect("cb-early", "Cora", callback: Fixture.at("2026-11-30 09:15", zone), attempts: 1),
            Fixture.prospect("ref", "Rita", source: .referral, referredBy: "vip", next: "2026-11-30"),
        ]
        let entries = queue(prospects)
        #expect(entries.map(\.id.rawValue) == ["cb-early", "cb-late", "ref", "vip", "cold-old", "cold-new"])
        #expect(entries[2].reason == .referral(from: "Victor"))
        #expect(entries[3].reason == .due)
        #expect(entries[5].reason == .new)
        #expect(entries[0].reason == .callback(at: Fixture.at("2026-11-30 09:15", zone)))
    }

    func called(
        _ id: String, _ name: String, after outcome: Outcome, zone: String? = nil, next: String = "2026-11-27"
    ) -> Prospect {
        var p = Fixture.prospect(id, name, next: next, attempts: 1, zone: zone)
        p.lastOutcome = outcome
        if outcome == .meetingBooked { p.meetingAt = Fixture.at("2026-11-26 14:00", self.zone) }
        return p
    }

    @Test("below callbacks and referrals, by what the next call is worth, not by name")
    func worth() {
        let prospects = [
            Fixture.prospect("aaron", "Aaron Cold", created: "2026-10-01"),
            called("bea", "Bea Retry", after: .voicemail),
            called("cleo", "Cleo Opportunity", after: .opportunity),
            called("dirk", "Dirk Meeting", after: .meetingBooked),
            called("eva", "Eva Gatekeeper", after: .gatekeeper),
            Fixture.prospect("ref", "Rita", source: .referral, next: "2026-11-30"),
        ]
        let entries = queue(prospects)
        // Follow-ups of a meeting and an opportunity, then retries, then new leads; within a
        // kind, the longest waiting (equal here) and then the name.
        #expect(entries.map(\.id.rawValue) == ["ref", "cleo", "dirk", "bea", "eva", "aaron"])
        #expect(entries.map { $0.purpose(sellerZone: zone) } == [
            "referral", "follow-up on opportunity", "after meeting Thu 26 Nov", "retry after voicemail",
            "retry after gatekeeper", "new",
        ])
    }

    @Test("within a kind, those inside their business hours now come before those outside")
    func businessHoursNow() {
        // 10:00 in Amsterdam: 04:00 in New York, 18:00 in Tokyo, 09:00 in London.
        let prospects = [
            called("nyc", "Aaron NYC", after: .noAnswer, zone: "America/New_York", next: "2026-11-01"),
            called("tyo", "Beth Tokyo", after: .noAnswer, zone: "Asia/Tokyo", next: "2026-11-01"),
            called("none", "Cora Unknown", after: .noAnswer, next: "2026-11-30"),
            called("lon", "Dora London", after: .noAnswer, zone: "Europe/London", next: "2026-11-30"),
        ]
        // London is in its hours; an unknown zone may be; New York and Tokyo are not,
        // however long they have waited.
        #expect(queue(prospects).map(\.id.rawValue) == ["lon", "none", "nyc", "tyo"])
    }

    @Test("a callback knows their clock at its own time, and a missed one is overdue")
    func callbackClocks() throws {
        let agreed = Fixture.at("2026-11-30 16:00", zone)  // 10:00 in New York
        var nora = Fixture.prospect("nyc", "Nora", callback: agreed, attempts: 1, zone: "America/New_York")
        let entry = try #require(queue([nora]).first)
        #expect(entry.callbackLocal?.text == "10:00")
        #expect(entry.callbackLocal?.isBusinessHours == true)
        #expect(entry.local?.text == "04:00", "their clock now stays as it was")
        #expect(!entry.isOverdue)
        #expect(entry.callbackTimes(sellerZone: zone) == "10:00 their time · 16:00 yours")
        #expect(entry.callbackTimes(sellerZone: zone, short: true) == "16:00 · 10:00 theirs")
        nora.callbackAt = Fixture.at("2026-11-27 16:00", zone)
        let missed = try #require(queue([nora, Fixture.prospect("a", "Ann")]).first)
        #expect(missed.isOverdue)
        #expect(missed.purpose(sellerZone: zone) == "overdue callback Fri 27 Nov")
        let unknown = Fixture.prospect("u", "Uma", callback: agreed, attempts: 1)
        #expect(queue([unknown]).first?.callbackTimes(sellerZone: zone) == "16:00 your time (their zone is not known)")
    }

    @Test("within the same priority and day, names sort alphabetically without regard to case or accents")
    func namesBreakTies() {
        let prospects = ["zoë ward", "Émile Roux", "anna Berg", "Eric Moll", "Ånund Lie", "Bram Smit"].enumerated().map {
            Fixture.prospect("p\($0.offset)", $0.element, next: "2026-11-30", attempts: 1)
        }
        #expect(queue(prospects).map(\.prospect.name) == ["anna Berg", "Ånund Lie", "Bram Smit", "Émile Roux", "Eric Moll", "zoë ward"])
    }

    @Test("a referrer outside the prospects given is named from referrerNames; one among them wins")
    func referrerNamesFromOutside() {
        let lead = Fixture.prospect("ref", "Rita", source: .referral, referredBy: "closed-deal", next: "2026-11-30")
        let named = CallQueue.entries(
            prospects: [lead], today: today, now: now, zone: zone, referrerNames: ["closed-deal": "Wendy"])
        #expect(named.first?.reason == .referral(from: "Wendy"))
        #expect(queue([lead]).first?.reason == .referral(from: nil))
        let referrer = Fixture.prospect("closed-deal", "Wendy Visser", next: "2026-12-20")
        let both = CallQueue.entries(
            prospects: [lead, referrer], today: today, now: now, zone: zone, referrerNames: ["closed-deal": "Wendy"])
        #expect(both.first?.reason == .referral(from: "Wendy Visser"))
    }

    @Test("never do-not-call, closed, or not-yet-due prospects")
    func exclusions() {
        let prospects = [
            Fixture.prospect("dnc", "Dan", status: .doNotCall),
            Fixture.prospect("won", "Wendy", status: .won),
            Fixture.prospect("lost", "Lars", status: .lost),
            Fixture.prospect("gone", "Gus", status: .unreachable),
            Fixture.prospect("later", "Lena", next: "2026-12-01"),
            Fixture.prospect("cb-tomorrow", "Tom", callback: Fixture.at("2026-12-01 09:00", zone)),
            Fixture.prospect("ok", "Oscar"),
        ]
        #expect(queue(prospects).map(\.id.rawValue) == ["ok"])
    }

    @Test("an overdue callback from yesterday still leads the queue")
    func overdueCallback() {
        let prospects = [
            Fixture.prospect("a", "Ann"),
            Fixture.prospect("b", "Bob", callback: Fixture.at("2026-11-27 16:00", zone)),
        ]
        #expect(queue(prospects).first?.id == "b")
    }

    @Test("the prospect's local time, flagged outside business hours")
    func localTime() {
        let prospects = [
            Fixture.prospect("nyc", "Nora", zone: "America/New_York"),
            Fixture.prospect("tyo", "Taro", zone: "Asia/Tokyo"),
            Fixture.prospect("ams", "Anna", zone: "Europe/Amsterdam"),
            Fixture.prospect("none", "Zed"),
        ]
        let byID = Dictionary(uniqueKeysWithValues: queue(prospects).map { ($0.id.rawValue, $0) })
        #expect(byID["nyc"]?.local?.text == "04:00")
        #expect(byID["nyc"]?.local?.isBusinessHours == false)
        #expect(byID["tyo"]?.local?.text == "18:00")
        #expect(byID["tyo"]?.local?.isBusinessHours == false)
        #expect(byID["ams"]?.local?.text == "10:00")
        #expect(byID["ams"]?.local?.isBusinessHours == true)
        #expect(byID["none"]?.local == nil)
    }

    @Test("local time follows daylight saving: New York is 6 h behind Amsterdam, except in the gap weeks")
    func dstEdges() {
        let p = [Fixture.prospect("nyc", "Nora", zone: "America/New_York")]
        // 2026-03-09: the US has moved its clocks, Europe not yet (until 2026-03-29): 5 h.
        let march = Fixture.at("2026-03-09 15:00", zone)
        #expect(CallQueue.entries(prospects: p, today: Fixture.day("2026-03-09"), now: march, zone: zone).first?.local?.text == "10:00")
        // 2026-04-06: both on summer time: 6 h again.
        let april = Fixture.at("2026-04-06 15:00", zone)
        #expect(CallQueue.entries(prospects: p, today: Fixture.day("2026-04-06"), now: april, zone: zone).first?.local?.text == "09:00")
    }

    @Test("the prospect's day may differ from mine, and weekends are outside business hours")
    func dayOffsetAndWeekend() {
        let p = [Fixture.prospect("tyo", "Taro", zone: "Asia/Tokyo")]
        // Friday 20:00 in Amsterdam is Saturday 04:00 in Tokyo.
        let friday = Fixture.at("2026-12-04 20:00", zone)
        let entry = CallQueue.entries(prospects: p, today: Fixture.day("2026-12-04"), now: friday, zone: zone).first
        #expect(entry?.local?.dayOffset == 1)
        #expect(entry?.local?.isBusinessHours == false)
    }

    @Test("business hours are configurable")
    func configurableHours() {
        let p = [Fixture.prospect("nyc", "Nora", zone: "America/New_York")]
        let early = CallQueue.entries(
            prospects: p, today: today, now: Fixture.at("2026-11-30 13:30", zone), zone: zone,
            hours: BusinessHours(start: 7, end: 19))
        #expect(early.first?.local?.text == "07:30")
        #expect(early.first?.local?.isBusinessHours == true)
    }
}

/// A long queue is ordered from one made-up prospect of each kind: it must be of that kind.
@Suite struct QueueKindTests {
    @Test func theExampleOfEveryKindIsOfThatKind() {
        let zones: [String?] = [nil, "Europe/Amsterdam", "Not/AZone"]
        let outcomes: [Outcome?] = [nil] + Outcome.builtIns
        for timed in [false, true] {
            for outcome in outcomes {
                for referral in [false, true] {
                    for new in [false, true] {
                        for zone in zones {
                            for hour in [nil, 0, 13, 23] {
                                let kind = CallQueue.Kind(
                                    isTimed: timed, lastOutcome: outcome, isReferral: referral, isNew: new,
                                    timeZone: zone, ownBestHour: hour)
                                #expect(CallQueue.kind(of: kind.example) == kind)
                            }
                        }
                    }
                }
            }
        }
    }
}
