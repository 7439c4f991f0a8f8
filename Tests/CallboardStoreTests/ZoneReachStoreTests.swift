import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// The zones' pick-up counts ride in `queue.json`: summed from every prospect when the
/// working set is built, kept current by each save, and never read from call history.
@Suite("Zone counts in the working set")
struct ZoneReachStoreTests {
    let today = CalendarDay(year: 2026, month: 11, day: 30)
    let london = TimeZone(identifier: "Europe/London") ?? .gmt

    func prospect(_ id: String, zone: String?, dials: [(hour: Int, picked: Bool)], next: Int = 40) -> Prospect {
        var p = Prospect(
            id: ProspectID(id), name: id, timeZone: zone, nextCallDay: today.adding(days: next), createdAt: Sample.utc(1, 8))
        for dial in dials {
            let at = today.adding(days: -7).at(hour: dial.hour, minute: 0, in: london) ?? Date()
            p.reach = (p.reach ?? ReachCounts()).adding(dialAt: at, in: london, pickedUp: dial.picked)
        }
        return p
    }

    @Test func aSaveKeepsTheZoneSumsOfEveryProspectEvenThoseOutsideTheQueue() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        // Due in 40 days: outside the working set, yet counted in the zone.
        try store.save(prospects: [
            prospect("a", zone: "Europe/London", dials: [(10, true), (11, false)]),
            prospect("b", zone: "Europe/London", dials: [(10, true)], next: 1),
            prospect("c", zone: nil, dials: [(10, true)]),
        ])
        let set = try store.workingSet(today: today)
        #expect(set.prospects.map(\.id.rawValue) == ["b"])
        #expect(set.zoneReach["Europe/London"]?.total == ReachCounts.Tally(dials: 3, pickedUp: 2))
        #expect(set.zoneReach.count == 1)

        // A call to "a" adds one dial: the sum follows without a rebuild.
        var a = try #require(try store.prospects(ids: ["a"]).first)
        a.reach = a.reach?.adding(dialAt: Sample.utc(29, 14), in: london, pickedUp: false)
        try store.upsert(prospect: a)
        let after = try store.workingSet(today: today)
        #expect(after.zoneReach["Europe/London"]?.total == ReachCounts.Tally(dials: 4, pickedUp: 2))
        #expect(after.zoneReach == ZoneReach.sums(of: try store.prospects()))
    }

    @Test func aQueueFileFromBeforeZoneCountsIsRebuiltWithThem() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [prospect("b", zone: "Europe/London", dials: [(10, true)], next: 1)])
        _ = try store.workingSet(today: today)
        // An older callboard's queue.json: every member in it, no "zoneReach".
        let older = """
            {"schemaVersion": 1, "builtOn": "\(today)", "coversThrough": "\(today.adding(days: 14))",
             "prospectCount": 1, "prospects": [], "referrers": {}}
            """
        try Data(older.utf8).write(to: store.queueFile)
        let rebuilt = try store.workingSet(today: today)
        #expect(rebuilt.prospects.map(\.id.rawValue) == ["b"])
        #expect(rebuilt.zoneReach["Europe/London"] != nil)
    }
}
