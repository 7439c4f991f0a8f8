import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

/// A coach's team view from three generated sellers' exports.
@Suite struct TeamReportTests {
    let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    let today = CalendarDay(year: 2026, month: 11, day: 30)
    let november = (from: CalendarDay(year: 2026, month: 11, day: 1), to: CalendarDay(year: 2026, month: 11, day: 30))

    func workload(seed: UInt64, calls: Int) -> SampleWorkload {
        SampleWorkload(seed: seed, prospectCount: 120, callCount: calls, today: today, zone: zone)
    }

    func export(
        _ w: SampleWorkload, seller: String?, from: CalendarDay, to: CalendarDay, version: String = "0.1.0"
    ) throws -> SellerExport {
        let data = try JSONExport.document(
            prospects: w.prospects, calls: w.calls, exportedAt: Date(timeIntervalSince1970: 1_800_000_000),
            seller: seller, version: version, period: (from, to), zone: zone)
        return try SellerExport.read(data, fallbackName: "file-name")
    }

    func day(_ call: Call) -> CalendarDay { CalendarDay(containing: call.startedAt, in: zone) }

    /// Ana in two overlapping exports, Ben in one from an older version, Cy with an export
    /// of October only, and Dee expected without any export.
    func team() throws -> (TeamReport, ana: SampleWorkload, ben: SampleWorkload) {
        let ana = workload(seed: 1, calls: 200)
        let ben = workload(seed: 2, calls: 100)
        let cy = workload(seed: 3, calls: 50)
        let split = ana.calls.map(day).sorted()[100]
        let exports = [
            try export(ana, seller: "Ana", from: november.from, to: split),
            try export(ben, seller: "Ben", from: november.from, to: november.to, version: "0.0.9"),
            try export(ana, seller: "Ana", from: split.adding(days: -1), to: november.to),
            try export(cy, seller: "Cy", from: CalendarDay(year: 2026, month: 10, day: 1), to: CalendarDay(year: 2026, month: 10, day: 31)),
        ]
        let report = TeamReport(
            exports: exports, period: november, zone: zone, targets: .standard, types: .standard,
            expected: ["Dee", "ana"])
        return (report, ana, ben)
    }

    @Test func eachSellerBesideTheTeamWithOverlapCountedOnceAndTheMissingShown() throws {
        let (report, ana, ben) = try team()
        #expect(report.sellers.map(\.name) == ["Ana", "Ben", "Cy", "Dee"])
        let a = report.sellers[0], b = report.sellers[1]
        // Calls of the days both of Ana's exports hold count once.
        #expect(a.totals.dials == ana.calls.count)
        let split = ana.calls.map(day).sorted()[100]
        #expect(a.duplicates == ana.calls.filter { [split, split.adding(days: -1)].contains(day($0)) }.count)
        #expect(a.duplicates > 0)
        // The same rule as the seller's own review: one summary of the same calls.
        #expect(a.totals == DaySummary(day: november.from, calls: ana.calls, targets: .standard, types: .standard))
        #expect(b.totals == DaySummary(day: november.from, calls: ben.calls, targets: .standard, types: .standard))
        #expect(report.team.dials == ana.calls.count + ben.calls.count)
        #expect(report.team.questionsAsked == a.totals.questionsAsked + b.totals.questionsAsked)
        #expect(report.sellers[2].isMissing && report.sellers[3].isMissing)
        #expect(!a.isMissing && !b.isMissing)
        #expect(a.versions == ["0.1.0"] && b.versions == ["0.0.9"])
        // Generated calls carry types and questions, so the figures are there.
        #expect(a.totals.questionsPerConversation != nil)
        #expect(!a.totals.byType.isEmpty)
    }

    @Test func theTextSaysWhoIsMissingAndWhatWasMerged() throws {
        let (report, _, _) = try team()
        let text = TeamFormat.text.render(report, types: .standard)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Team from 2026-11-01 to 2026-11-30 · 4 sellers")
        #expect(lines.contains { $0.hasPrefix("Cy") && $0.hasSuffix("no calls in this period") })
        #expect(lines.contains { $0.hasPrefix("Team ") })
        #expect(text.contains("Dee: no calls from 2026-11-01 to 2026-11-30."))
        #expect(text.contains("calls were in more than one export and count once."))
        #expect(text.contains("Exports from callboard 0.0.9, 0.1.0."))
        let csv = TeamFormat.csv.render(report, types: .standard).split(separator: "\n")
        #expect(csv.count == 6)  // header, four sellers, the team
        #expect(csv[0].hasPrefix("seller,missing,calls,conversations,me_share"))
        #expect(csv[3].hasPrefix("Cy,true,0,0,"))
        let markdown = TeamFormat.markdown.render(report, types: .standard)
        #expect(markdown.contains("| **Team** |"))
    }

    @Test func theJSONHasTheDocumentedShape() throws {
        let (report, _, _) = try team()
        let json = TeamFormat.json.render(report, types: .standard)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["from", "to", "call_types", "sellers", "team"])
        #expect(root["from"] as? String == "2026-11-01")
        let types = try #require(root["call_types"] as? [[String: Any]])
        #expect(types.map { $0["name"] as? String } == ["cold call", "discovery", "demo", "follow-up"])
        #expect(Set(types[0].keys) == [
            "name", "target_share", "warn_share", "monologue_nudge_s", "monologue_limit_s", "questions_min",
            "questions_max", "story_s",
        ])
        let figures: Set<String> = [
            "calls", "conversations", "me_share", "calls_in_band", "calls_with_share", "by_type", "questions",
            "questions_per_conversation", "their_questions", "average_story_s", "longest_story_s",
            "longest_monologue_s", "referral_asks", "referral_ask_rate", "referrals", "follow_ups_sent",
            "follow_ups_on_time", "follow_ups_pending", "follow_ups_on_time_rate",
        ]
        let team = try #require(root["team"] as? [String: Any])
        #expect(Set(team.keys) == figures)
        let sellers = try #require(root["sellers"] as? [[String: Any]])
        #expect(sellers.count == 4)
        #expect(Set(sellers[0].keys) == figures.union(["name", "missing", "versions", "duplicate_calls", "unreadable_calls"]))
        #expect(sellers.map { $0["missing"] as? Bool } == [false, false, true, true])
        #expect(sellers[2]["me_share"] is NSNull)
        let byType = try #require(sellers[0]["by_type"] as? [[String: Any]])
        #expect(Set(byType.first?.keys.map { $0 } ?? []) == [
            "type", "conversations", "me_share", "calls_in_band", "calls_with_share", "questions",
            "questions_per_conversation", "patience_s",
        ])
    }

    @Test func anOlderExportWithoutNameOrTypesAndABrokenCallIsStillRead() throws {
        let text = #"""
            {"exportedAt": "2026-11-30T18:00:00Z", "prospects": [], "someFutureKey": 1, "calls": [
              {"id": "p1@1", "prospectID": "p1", "startedAt": "2026-11-27T09:00:00Z", "duration": 120,
               "segments": [{"speaker": "me", "start": 0, "end": 50}, {"speaker": "prospect", "start": 50, "end": 120}],
               "outcome": "callback", "referralAsk": "asked", "aKeyFromLater": true},
              {"id": "p2@1", "prospectID": "p2"}
            ]}
            """#
        let export = try SellerExport.read(Data(text.utf8), fallbackName: "eve\u{1B}[2J-export")
        #expect(export.seller == "eve[2J-export")
        #expect(export.version == nil)
        #expect(export.calls.count == 1 && export.skipped == 1)
        #expect(export.calls[0].callType == nil && export.calls[0].questions.isEmpty)
        let report = TeamReport(exports: [export], period: nil, zone: zone, targets: .standard, types: .standard)
        #expect(report.from == CalendarDay(year: 2026, month: 11, day: 27) && report.to == report.from)
        #expect(report.sellers[0].totals.conversations == 1)
        #expect(report.sellers[0].totals.questionsPerConversation == nil)  // never counted, not zero
        #expect(TeamFormat.text.render(report, types: .standard).contains("1 calls could not be read"))
        #expect(throws: SellerExportError.notAnExport) { try SellerExport.read(Data("[1, 2]".utf8), fallbackName: "x") }
        #expect(throws: SellerExportError.notAnExport) { try SellerExport.read(Data(#"{"prospects": []}"#.utf8), fallbackName: "x") }
    }

    @Test func theExportOfAPeriodHoldsOnlyItsCallsAndNamesTheSeller() throws {
        let w = workload(seed: 4, calls: 100)
        let last = w.calls.map(day).max() ?? today
        let data = try JSONExport.document(
            prospects: w.prospects, calls: w.calls, exportedAt: Date(timeIntervalSince1970: 0), seller: "Sam Seller",
            version: "9.9", period: (last, last), zone: zone)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["seller"] as? String == "Sam Seller")
        #expect(root["version"] as? String == "9.9")
        #expect(root["from"] as? String == last.description && root["to"] as? String == last.description)
        let calls = try #require(root["calls"] as? [[String: Any]])
        #expect(calls.count == w.calls.filter { day($0) == last }.count)
        #expect(calls.count > 0 && calls.count < w.calls.count)
        // Without a period and a seller the document is as before.
        let plain = try JSONExport.document(prospects: [], calls: w.calls, exportedAt: Date(timeIntervalSince1970: 0))
        let plainRoot = try #require(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        #expect(plainRoot["seller"] == nil && plainRoot["from"] == nil)
        #expect((plainRoot["calls"] as? [Any])?.count == w.calls.count)
    }
}
