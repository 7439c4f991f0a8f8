import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct ReviewJSONTests {
    @Test func aDayHasTheDocumentedShape() throws {
        let root = try ReviewFixtures.json(ReviewJSON.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone))
        #expect(Set(root.keys) == ["date", "calls", "totals", "blocks"])
        #expect(root["date"] as? String == "2026-11-29")
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls.count == 3)
        let contract: Set<String> = [
            "prospect", "company", "started_at", "duration_s", "me_s", "prospect_s", "silence_s",
            "me_share", "longest_monologue_s", "referral_asked", "referrals", "outcome", "follow_up",
        ]
        for call in calls { #expect(contract.isSubset(of: Set(call.keys))) }

        let first = calls[0]
        #expect(first["prospect"] as? String == "Smith, Jane")
        #expect(first["company"] as? String == "Acme, \"Global\" Inc.")
        #expect(first["started_at"] as? String == "2026-11-29T09:14:03+01:00")
        #expect(first["duration_s"] as? Double == 312)
        #expect(first["me_s"] as? Double == 95)
        #expect(first["prospect_s"] as? Double == 180)
        #expect(first["silence_s"] as? Double == 37)
        #expect(first["me_share"] as? Double == 0.345)
        #expect(first["longest_monologue_s"] as? Double == 55)
        #expect(first["referral_asked"] as? Bool == true)
        #expect(first["referrals"] as? [String] == ["Referred Person"])
        #expect(first["outcome"] as? String == "callback")
        #expect(first["follow_up"] as? String == "pending")

        let totals = try #require(root["totals"] as? [String: Any])
        let totalKeys: Set<String> = [
            "calls", "conversations", "me_share", "referral_asks", "referrals", "follow_ups_sent",
            "follow_ups_pending",
        ]
        #expect(totalKeys.isSubset(of: Set(totals.keys)))
        #expect(totals["calls"] as? Int == 3)
        #expect(totals["conversations"] as? Int == 1)
        #expect(totals["me_share"] as? Double == 0.345)
        #expect(totals["referral_asks"] as? Int == 1)
        #expect(totals["referrals"] as? Int == 1)
        #expect(totals["follow_ups_sent"] as? Int == 0)
        #expect(totals["follow_ups_pending"] as? Int == 1)
    }

    @Test func nobodySpeakingGivesNullShareAndNullFollowUp() throws {
        let root = try ReviewFixtures.json(ReviewJSON.day(ReviewFixtures.quietDay, zone: ReviewFixtures.zone))
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls[0]["me_share"] is NSNull)
        #expect(calls[0]["follow_up"] is NSNull)
        #expect(calls[0]["outcome"] as? String == "no_answer")
        #expect(calls[0]["referral_asked"] as? Bool == false)
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["me_share"] is NSNull)
    }

    @Test func outcomesAreSnakeCase() throws {
        let report = DayReport(day: ReviewFixtures.day, calls: [ReviewFixtures.meeting], prospects: ReviewFixtures.prospects)
        let root = try ReviewFixtures.json(ReviewJSON.day(report, zone: ReviewFixtures.zone))
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls[0]["outcome"] as? String == "meeting_booked")
        #expect(calls[0]["follow_up"] as? String == "sent")
        #expect(calls[0]["referral_ask"] as? String == "not_asked")
    }

    @Test func theOffsetFollowsTheSellersZone() throws {
        let summer = Call(
            id: "x", prospectID: "anna",
            startedAt: CalendarDay(year: 2026, month: 7, day: 1).at(hour: 9, minute: 0, in: ReviewFixtures.zone) ?? Date(),
            duration: 10)
        let report = DayReport(day: CalendarDay(year: 2026, month: 7, day: 1), calls: [summer], prospects: [:])
        let root = try ReviewFixtures.json(ReviewJSON.day(report, zone: ReviewFixtures.zone))
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls[0]["started_at"] as? String == "2026-07-01T09:00:00+02:00")
        let utc = try ReviewFixtures.json(ReviewJSON.day(report, zone: .gmt))
        #expect((utc["calls"] as? [[String: Any]])?[0]["started_at"] as? String == "2026-07-01T07:00:00+00:00")
    }

    @Test func hostileTextStaysInsideItsString() throws {
        let text = ReviewJSON.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone)
        #expect(!text.contains("\u{1B}"))
        let root = try ReviewFixtures.json(text)
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls[1]["prospect"] as? String == "Bob \u{1B}]0;pwned\u{07}Bauer")
    }

    @Test func aRangeHasDaysAndTotals() throws {
        let second = DayReport(
            day: ReviewFixtures.day.adding(days: 1), calls: [ReviewFixtures.meeting], prospects: ReviewFixtures.prospects)
        let range = RangeReport(from: ReviewFixtures.day, to: ReviewFixtures.day.adding(days: 1), days: [ReviewFixtures.fullDay, second])
        let root = try ReviewFixtures.json(ReviewJSON.range(range, zone: ReviewFixtures.zone))
        #expect(Set(root.keys) == ["from", "to", "days", "totals"])
        #expect(root["from"] as? String == "2026-11-29")
        #expect(root["to"] as? String == "2026-11-30")
        let days = try #require(root["days"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2026-11-29", "2026-11-30"])
        #expect((days[1]["calls"] as? [[String: Any]])?.count == 1)
        let totals = try #require(root["totals"] as? [String: Any])
        #expect(totals["calls"] as? Int == 4)
        #expect(totals["follow_ups_sent"] as? Int == 1)
        #expect(totals["me_share"] as? Double == 0.516)
    }
}

@Suite struct ReviewCSVTests {
    @Test func namesWithCommasAndQuotesAreQuoted() {
        let csv = ReviewCSV.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0].hasPrefix("date,time,started_at,prospect,company,duration_s"))
        #expect(rows[1].hasPrefix("2026-11-29,09:14,2026-11-29T09:14:03+01:00,\"Smith, Jane\",\"Acme, \"\"Global\"\" Inc.\",312.0,95.0,180.0,37.0,0.345,55.0,true,Referred Person,callback,pending"))
        #expect(rows.count == 5)  // header, three calls, the empty string after the last CRLF
        #expect(rows[4].isEmpty)
    }

    @Test func aFormulaInACellIsDefused() {
        let csv = ReviewCSV.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone)
        #expect(csv.contains("陈伟,\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
    }

    @Test func aCallWithoutShareHasAnEmptyCell() {
        let rows = ReviewCSV.day(ReviewFixtures.quietDay, zone: ReviewFixtures.zone).components(separatedBy: "\r\n")
        #expect(rows[1].hasSuffix(",25.0,0.0,0.0,0.0,,0.0,false,,no_answer,,,"))
    }

    @Test func fieldsWithLineBreaksAreQuoted() {
        #expect(ReviewCSV.field("a\nb") == "\"a\nb\"")
        #expect(ReviewCSV.field("plain") == "plain")
    }
}

@Suite struct ReviewMarkdownTests {
    @Test func aDayIsATableWithEscapedPipes() {
        let md = ReviewMarkdown.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone, dailyGoal: 40)
        let lines = md.split(separator: "\n").map(String.init)
        #expect(lines[0] == "## Calls on Sunday 29 November 2026")
        #expect(lines.contains("| 3 | 1 | 7:07 | 35% | 1/1 | 1/1 | 1 | 0 | 1 | 3/40 |"))
        #expect(lines.contains { $0.hasPrefix("| Time | Prospect | Company |") })
        #expect(lines.contains("| 09:14 | Smith, Jane | Acme, \"Global\" Inc. | 5:12 | callback | 35% | 0:55 | ✓ | Referred Person | pending |"))
        #expect(lines.contains { $0.contains("Pipe\\|Works") })
        #expect(!md.contains("\u{1B}") && !md.contains("\u{07}"))
        // Every table row has as many cells as its header.
        let callRows = lines.filter { $0.hasPrefix("| 1") || $0.hasPrefix("| 0") }
        for row in callRows {
            let unescaped = row.replacingOccurrences(of: "\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 11)
        }
    }

    @Test func anEmptyDaySaysSo() {
        let md = ReviewMarkdown.day(DayReport(day: ReviewFixtures.day, calls: [], prospects: [:]), zone: ReviewFixtures.zone)
        #expect(md.contains("No calls on this day."))
        #expect(md.contains("| 0 | 0 | 0:00 | – | 0/0 | 0/0 | 0 | 0 | 0 |"))
    }
}

@Suite struct ReviewTextTests {
    @Test func aDayShowsFiguresAndShareBars() {
        let text = ReviewText.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone, dailyGoal: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Calls on Sunday 29 November 2026")
        #expect(lines.contains("Dials 3 · conversations 1 · on calls 7:07 · goal 3/40 (8%)"))
        #expect(lines.contains("My share 35% (target ≤ 43%) · inside the band 1 of 1"))
        let anna = lines.first { $0.hasPrefix("09:14") } ?? ""
        // 34.5 % of 20 cells is 6 full cells and 7/8 of the next, then the target mark at 43 %.
        #expect(anna.contains("██████▉·┆···········  35%"))
        #expect(anna.contains("Smith, Jane"))
        #expect(anna.hasSuffix("0:55  ✓ +1   pending"))
        let bob = lines.first { $0.hasPrefix("10:02") } ?? ""
        #expect(bob.contains("Bob ]0;pwnedBauer"))
        #expect(bob.contains("no answer"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Referrals: Referred Person"))
    }

    @Test func wideNamesKeepTheColumnsAligned() {
        let text = ReviewText.day(ReviewFixtures.fullDay, zone: ReviewFixtures.zone)
        let rows = text.split(separator: "\n").map(String.init).filter { $0.contains("┆") }
        let columns = rows.map { row -> Int in
            let prefix = row[..<(row.firstIndex { "█▏▎▍▌▋▊▉·┆".contains($0) } ?? row.endIndex)]
            return SafeReportText.width(String(prefix))
        }
        #expect(columns.count == 3)
        #expect(Set(columns).count == 1)
    }

    @Test func anEmptyDaySaysSo() {
        let text = ReviewText.day(DayReport(day: ReviewFixtures.day, calls: [], prospects: [:]), zone: ReviewFixtures.zone)
        #expect(text.contains("No calls on this day."))
        #expect(text.contains("My share – (target ≤ 43%)"))
    }

    @Test func aRangeListsEachDayWithCalls() {
        let empty = DayReport(day: ReviewFixtures.day.adding(days: 1), calls: [], prospects: [:])
        let range = RangeReport(from: ReviewFixtures.day, to: ReviewFixtures.day.adding(days: 1), days: [ReviewFixtures.fullDay, empty])
        let text = ReviewText.range(range)
        #expect(text.hasPrefix("Calls from 2026-11-29 to 2026-11-30 (2 days)"))
        let oneDay = RangeReport(from: ReviewFixtures.day, to: ReviewFixtures.day, days: [ReviewFixtures.fullDay])
        #expect(ReviewText.range(oneDay).hasPrefix("Calls from 2026-11-29 to 2026-11-29 (1 day)\n"))
        #expect(text.contains("Sun 2026-11-29"))
        #expect(!text.contains("Mon 2026-11-30"))
        let sunday = text.split(separator: "\n").first { $0.hasPrefix("Sun 2026-11-29") } ?? ""
        #expect(sunday.contains("3     1  ██████▉·┆···········  35%      1/1"))
    }
}

@Suite struct ReviewPeriodTests {
    let today = CalendarDay(year: 2026, month: 11, day: 29)

    @Test func noDatesMeansToday() throws {
        #expect(try ReviewPeriod.parse(date: nil, from: nil, to: nil, today: today) == .day(today))
    }

    @Test func aRangeCoversEveryDay() throws {
        let period = try ReviewPeriod.parse(date: nil, from: "2026-11-27", to: "2026-11-29", today: today)
        #expect(period.days.map(\.description) == ["2026-11-27", "2026-11-28", "2026-11-29"])
        #expect(try ReviewPeriod.parse(date: nil, from: "2026-11-28", to: nil, today: today).days.count == 2)
    }

    @Test func badDatesSayWhatToType() {
        #expect(throws: ReviewPeriodError.notADate(option: "--date", text: "2026-02-30")) {
            try ReviewPeriod.parse(date: "2026-02-30", from: nil, to: nil, today: today)
        }
        #expect(throws: ReviewPeriodError.dateWithRange) {
            try ReviewPeriod.parse(date: "2026-11-29", from: "2026-11-01", to: nil, today: today)
        }
        #expect(throws: ReviewPeriodError.toWithoutFrom) {
            try ReviewPeriod.parse(date: nil, from: nil, to: "2026-11-01", today: today)
        }
        #expect(throws: ReviewPeriodError.self) {
            try ReviewPeriod.parse(date: nil, from: "2026-11-29", to: "2026-11-01", today: today)
        }
        #expect(throws: ReviewPeriodError.tooLong(days: 7305)) {
            try ReviewPeriod.parse(date: nil, from: "2006-11-30", to: "2026-11-29", today: today)
        }
        let message = ReviewPeriodError.notADate(option: "--from", text: "29/11").description
        #expect(message.contains("YYYY-MM-DD"))
    }
}

/// Each calling block of the day, in every format a seller reads the review in.
@Suite struct ReviewBlocksTests {
    let report = ReviewFixtures.dayWithBlocks
    let zone = ReviewFixtures.zone

    @Test func theTextListsEachBlockWithItsDialsConnectsRateAndTime() {
        let text = ReviewText.day(report, zone: zone)
        #expect(text.contains("Calling blocks\n"))
        #expect(text.contains("  09:10  in block 30:00 · 12 dials · 4 connects · 24 dials/h · wrap-up 6:00 · 2 skipped outside their hours\n"))
        #expect(text.contains("  14:00  in block 10:00 · 5 dials · 0 connects · 30 dials/h · wrap-up 1:00\n"))
        #expect(!ReviewText.day(ReviewFixtures.fullDay, zone: zone).contains("Calling blocks"))
    }

    @Test func theJSONHasOneObjectPerBlock() throws {
        let root = try ReviewFixtures.json(ReviewJSON.day(report, zone: zone))
        let blocks = try #require(root["blocks"] as? [[String: Any]])
        #expect(blocks.count == 2)
        #expect(blocks[0]["started_at"] as? String == "2026-11-29T09:10:00+01:00")
        #expect(blocks[0]["duration_s"] as? Double == 1_800)
        #expect(blocks[0]["dials"] as? Int == 12)
        #expect(blocks[0]["connects"] as? Int == 4)
        #expect(blocks[0]["dials_per_hour"] as? Double == 24)
        #expect(blocks[0]["wrap_up_s"] as? Double == 360)
        #expect(blocks[0]["skipped"] as? Int == 2)
    }

    @Test func theMarkdownHasABlockTable() {
        let markdown = ReviewMarkdown.day(report, zone: zone)
        #expect(markdown.contains("| Block | Time in block | Dials | Connects | Dials per hour | Wrap-up | Skipped |"))
        #expect(markdown.contains("| 09:10 | 30:00 | 12 | 4 | 24 | 6:00 | 2 |"))
        #expect(markdown.contains("| 14:00 | 10:00 | 5 | 0 | 30 | 1:00 | 0 |"))
    }
}
