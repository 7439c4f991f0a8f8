import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// The queue read a page at a time must be the queue of every prospect in the store, row
/// for row, at every time of day, on every day the working set covers and after each
/// kind of write.
@Suite struct PagedQueueTests {
    static let today = CalendarDay("2026-11-30") ?? CalendarDay(containing: Date(timeIntervalSince1970: 0), in: .gmt)
    static let zones = [
        "Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles",
        "Europe/London", "Asia/Kolkata", "America/Sao_Paulo", "",
    ]

    /// A worked history (callbacks, referrals, retries, people with a best hour of their
    /// own) and a list of 1,500 new names across zones and priorities: several pages.
    static func fixture() throws -> DeskFixture {
        let f = try DeskFixture()
        let workload = SampleWorkload(seed: 11, prospectCount: 500, callCount: 2500, today: today, zone: f.zone)
        try f.store.save(calls: workload.calls, targets: .standard)
        try f.store.save(prospects: workload.prospects)
        var csv = "name,phone,time zone,priority\n"
        for n in 0..<1500 {
            let zone = zones[n % zones.count]
            csv += "Lead \(n % 37) Person\(n),+1 555 \(String(100_000 + n)),\(zone),\(n % 3 + 1)\n"
        }
        let result = try f.desk.importProspects(csv: csv, with: ProspectImport(), at: at(day: 0, hour: 8))
        #expect(result.added == 1500 && !result.isRejected)
        return f
    }

    static func at(day offset: Int, hour: Int, minute: Int = 0) -> Date {
        today.adding(days: offset).at(hour: hour, minute: minute, in: TimeZone(identifier: "Europe/Amsterdam") ?? .gmt)
            ?? Date(timeIntervalSince1970: 0)
    }

    /// The queue of every prospect in the buckets: what the dashboard showed when it held
    /// them all.
    func everyone(_ f: DeskFixture, on day: CalendarDay, seenAt seen: Date) throws -> [QueueEntry] {
        let all = try f.store.prospects()
        let settings = f.desk.settings
        return CallQueue.entries(
            prospects: all, today: day, now: seen, zone: f.zone, hours: settings.businessHours,
            outcomes: settings.outcomes, zoneReach: ZoneReach.sums(of: all))
    }

    /// Compares the paged queue of `day` at `now`, whole and in windows, with everyone's.
    func expectSame(_ f: DeskFixture, on day: CalendarDay, at now: Date, _ comment: Comment = "") throws {
        let seen = try f.desk.queue(on: day, now: now).seenAt
        let expected = try everyone(f, on: day, seenAt: seen)
        #expect(try f.store.queueIndex(today: day) != nil, "read through the index \(comment)")
        let whole = try f.desk.queuePart(on: day, now: now, from: 0, rows: expected.count + 1).window
        #expect(whole.orderedAt == now, "the window says when its order was worked out")
        #expect(whole.count == expected.count, "\(comment)")
        #expect(whole.entries.map(\.id) == expected.map(\.id), "order on \(day) at \(now) \(comment)")
        #expect(whole.entries == expected, "rows on \(day) at \(now) \(comment)")
        // Windows as the seller scrolls, and one at the very end.
        for from in stride(from: 0, to: expected.count, by: 173) + [expected.count] {
            let window = try f.desk.queuePart(on: day, now: now, from: from, rows: 60).window
            let start = max(0, min(from, expected.count - 60))
            #expect(window.offset == start)
            #expect(window.entries == Array(expected[start..<min(expected.count, start + 60)]), "window from \(from) \(comment)")
        }
        // `callboard today` reads the same queue.
        #expect(try f.desk.queue(on: day, now: now).entries == expected, "today \(comment)")
    }

    @Test func theQueueReadByPagesIsEveryonesAtEveryHourOfTheFortnight() throws {
        let f = try Self.fixture()
        // Not a quiet case: many pages, and an order the clock moves.
        let night = try everyone(f, on: Self.today, seenAt: Self.at(day: 0, hour: 3))
        let afternoon = try everyone(f, on: Self.today, seenAt: Self.at(day: 0, hour: 15))
        #expect(night.count > 1500)
        #expect(night.map(\.id) != afternoon.map(\.id))
        for hour in [0, 3, 7, 9, 12, 15, 18, 21, 23] {
            try expectSame(f, on: Self.today, at: Self.at(day: 0, hour: hour, minute: 30))
        }
        // Later days: people come due, callbacks' days arrive, a weekend, the horizon.
        for offset in [1, 2, 4, 5, 6, 9, 13, 14] {
            let now = Self.at(day: offset, hour: 11)
            try expectSame(f, on: Self.today.adding(days: offset), at: now, "day +\(offset)")
        }
        // Another day's queue, read from today.
        let later = Self.today.adding(days: 3)
        let seen = try f.desk.queue(on: later, now: Self.at(day: 0, hour: 10)).seenAt
        #expect(try f.desk.queuePart(on: later, now: Self.at(day: 0, hour: 10), from: 0, rows: 5000).window.entries
            == everyone(f, on: later, seenAt: seen))
        // Past the horizon the set is built anew, and still the same.
        try expectSame(f, on: Self.today.adding(days: 20), at: Self.at(day: 20, hour: 10), "past the horizon")
    }

    @Test func theQueueStaysEveryonesAfterACallAnAddAndAnImport() throws {
        let f = try Self.fixture()
        let now = Self.at(day: 0, hour: 10)
        let first = try f.desk.queuePart(on: Self.today, now: now, from: 0, rows: 10).window.entries
        // A call that sets a callback for this afternoon and brings a referral.
        let prospect = first[3].prospect
        var call = Call(
            id: Call.makeID(prospect: prospect.id, startedAt: now), prospectID: prospect.id, prospectName: prospect.name,
            startedAt: now, segments: [TalkSegment(speaker: .prospect, start: 0, end: 60)], duration: 60,
            outcome: .callback, referralAsk: .asked,
            referrals: [Referral(name: "Rita Referred", company: "Ref BV", phone: "+31 20 555 7788")])
        call.nextStepAt = Self.at(day: 0, hour: 15)
        _ = try f.desk.fileCall(call, prospect: prospect, at: now)
        for hour in [10, 14, 16] { try expectSame(f, on: Self.today, at: Self.at(day: 0, hour: hour), "after a call") }

        _ = try f.desk.add(NewProspect(name: "Added Later", phone: "+44 20 5555 0101"), at: now)
        try expectSame(f, on: Self.today, at: Self.at(day: 0, hour: 11), "after an add")

        let csv = "name,phone,time zone\nImported Twice,+1 555 999 0001,Asia/Tokyo\nLead 1 Person1,+1 555 100001,Europe/London\n"
        _ = try f.desk.importProspects(csv: csv, with: ProspectImport(), at: now)
        try expectSame(f, on: Self.today, at: Self.at(day: 0, hour: 12), "after an import")
        try expectSame(f, on: Self.today.adding(days: 1), at: Self.at(day: 1, hour: 9), "the next day")
    }

    @Test func aQueueFileOfThePreviousVersionIsRebuilt() throws {
        let f = try Self.fixture()
        let now = Self.at(day: 0, hour: 10)
        let expected = try everyone(f, on: Self.today, seenAt: now)
        // The previous version kept every member in `queue.json` itself.
        let old = """
            {"schemaVersion": 1, "builtOn": "2026-11-30", "coversThrough": "2026-12-14", "prospectCount": 3,
             "prospects": [], "referrers": {}}
            """
        try Data(old.utf8).write(to: f.store.queueFile)
        try FileManager.default.removeItem(at: f.store.directory.appendingPathComponent("queue"))
        #expect(try f.desk.queuePart(on: Self.today, now: now, from: 0, rows: 40).window.entries == Array(expected.prefix(40)))
        let rebuilt = try String(contentsOf: f.store.queueFile, encoding: .utf8)
        #expect(rebuilt.contains("\"schemaVersion\" : 2"))
        // A page lost or from another build is never read as this one's.
        try FileManager.default.removeItem(at: f.store.directory.appendingPathComponent("queue/0001.json"))
        try expectSame(f, on: Self.today, at: now, "a page missing")
    }

    /// The dashboard's first frame on a new day: the queue comes from the working set
    /// rebuilt in memory, the same rows, and nothing is written until it is kept.
    @Test func theFirstFrameOfANewDayWritesNothingAndShowsTheSameQueue() throws {
        let f = try Self.fixture()
        let later = Self.today.adding(days: 20)
        let now = Self.at(day: 20, hour: 10)
        let indexBefore = try Data(contentsOf: f.store.queueFile)
        let start = try f.desk.dashboardStart(now: now)
        #expect(!start.isWorkingSetStored)
        #expect(try Data(contentsOf: f.store.queueFile) == indexBefore, "the first frame wrote the queue")
        let expected = try everyone(f, on: later, seenAt: now)
        #expect(start.queue.window.count == expected.count)
        #expect(start.queue.window.entries == Array(expected.prefix(start.queue.window.entries.count)))

        try f.desk.keepWorkingSet(today: later)
        #expect(try Data(contentsOf: f.store.queueFile) != indexBefore, "kept once the frame is drawn")
        let again = try f.desk.dashboardStart(now: now)
        #expect(again.isWorkingSetStored)
        #expect(again.queue.window.entries == start.queue.window.entries)
    }

    /// Each page file's bytes and inode, by name: a file rewritten, even with the same
    /// bytes, is a new file.
    func pages(_ f: DeskFixture) throws -> [String: (data: Data, file: Int)] {
        let folder = f.store.directory.appendingPathComponent("queue")
        var pages: [String: (data: Data, file: Int)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
            let number = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
            pages[name] = (try Data(contentsOf: URL(fileURLWithPath: path)), try #require(number))
        }
        return pages
    }

    /// A save of one prospect rewrites the page it is on, not the hundreds of others a long
    /// queue has: each page written is a wait on the disk.
    @Test func aSaveRewritesOnlyThePagesThatChanged() throws {
        let f = try Self.fixture()
        let now = Self.at(day: 0, hour: 10)
        try expectSame(f, on: Self.today, at: now, "before")
        let before = try pages(f)
        #expect(before.count > 4)
        var prospect = try #require(try f.desk.queuePart(on: Self.today, now: now, from: 0, rows: 10).window.entries.last?.prospect)
        prospect.notes = "Asked to be called about the spring order"
        try f.store.upsert(prospect: prospect)

        let after = try pages(f)
        #expect(Set(after.keys) == Set(before.keys))
        let rewritten = after.keys.filter { after[$0]?.file != before[$0]?.file }
        let changed = after.keys.filter { after[$0]?.data != before[$0]?.data }
        #expect(changed.count == 1, "the page holding the prospect")
        #expect(rewritten.sorted() == changed.sorted(), "pages rewritten with the same bytes: \(rewritten.count)")
        try expectSame(f, on: Self.today, at: now, "after a save")
        #expect(try f.store.workingSet(today: Self.today).prospects.contains(prospect))
    }

    /// The queue's due days are days in the seller's time zone: opened in another zone
    /// (travel, `TZ`), the store's queue is built again, so a callback whose day moved
    /// earlier is in today's queue, not missing until its old day.
    @Test func aQueueBuiltInAnotherTimeZoneIsRebuilt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-zone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let losAngeles = try #require(TimeZone(identifier: "America/Los_Angeles"))
        let today = Self.today
        let tomorrow = today.adding(days: 1)
        // 20:00 tomorrow in Los Angeles is the day after in Tokyo.
        let callback = try #require(tomorrow.at(hour: 20, minute: 0, in: losAngeles))
        let created = try #require(today.at(hour: 9, minute: 0, in: tokyo))
        var prospects = [
            Prospect(
                id: "callback", name: "Cal Back", phone: "+1 415 555 0100", nextCallDay: tomorrow.adding(days: 1),
                callbackAt: callback, createdAt: created)
        ]
        for i in 0..<5 {
            prospects.append(
                Prospect(
                    id: ProspectID("due-\(i)"), name: "Due \(i)", phone: "+1 415 555 010\(i)",
                    nextCallDay: today.adding(days: i - 2), createdAt: created))
        }
        do {
            let store = try Store(directory: directory, zone: tokyo)
            try store.save(prospects: prospects)
            #expect(try store.queueIndex(today: today) != nil)
            #expect(try String(contentsOf: store.queueFile, encoding: .utf8).contains("Asia/Tokyo"))
        }
        let store = try Store(directory: directory, zone: losAngeles)
        let desk = Desk(store: store, settings: Settings())
        let now = try #require(tomorrow.at(hour: 10, minute: 0, in: losAngeles))
        let queue = try desk.queuePart(on: tomorrow, now: now, from: 0, rows: 100).window.entries
        #expect(queue.map(\.id).contains("callback"), "the callback of tomorrow in Los Angeles")
        let expected = CallQueue.entries(
            prospects: try store.prospects(), today: tomorrow, now: now, zone: losAngeles, hours: desk.settings.businessHours,
            outcomes: desk.settings.outcomes, zoneReach: ZoneReach.sums(of: try store.prospects()))
        #expect(queue == expected)
        #expect(try desk.dashboardStart(now: now).queue.window.entries == expected)
        #expect(try desk.queue(on: tomorrow, now: now).entries == expected)
        #expect(try String(contentsOf: store.queueFile, encoding: .utf8).contains("America/Los_Angeles"))
    }

    /// A page lost (or broken) leaves a stored index that no longer answers: the start
    /// after it rebuilds the queue in memory, and keeping the working set writes it
    /// again, so the next start reads it from the disk rather than every bucket.
    @Test func aLostPageIsWrittenAgainWhenTheWorkingSetIsKept() throws {
        let f = try Self.fixture()
        let now = Self.at(day: 0, hour: 10)
        #expect(try f.desk.dashboardStart(now: now).isWorkingSetStored)
        let folder = f.store.directory.appendingPathComponent("queue")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            if try !f.desk.dashboardStart(now: now).isWorkingSetStored { break }
        }
        let start = try f.desk.dashboardStart(now: now)
        #expect(!start.isWorkingSetStored)
        try f.desk.keepWorkingSet(today: Self.today)
        let again = try f.desk.dashboardStart(now: now)
        #expect(again.isWorkingSetStored)
        #expect(again.queue.window.entries == start.queue.window.entries)
        try expectSame(f, on: Self.today, at: now, "after the page was written again")
    }
}
