import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct SampleWorkloadTests {
    let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    let today = CalendarDay(year: 2026, month: 11, day: 30)

    func workload(seed: UInt64) -> SampleWorkload {
        SampleWorkload(seed: seed, prospectCount: 300, callCount: 1_000, today: today, zone: zone)
    }

    @Test func theSameSeedGivesTheSameWorkloadAndAnotherSeedAnother() {
        let a = workload(seed: 1), b = workload(seed: 1), c = workload(seed: 2)
        #expect(a.prospects == b.prospects)
        #expect(a.calls == b.calls)
        #expect(a.prospects.map(\.name) != c.prospects.map(\.name))
    }

    @Test("the sample's thank-you drafts are the dashboard's: outcome, next step, signature")
    func draftsAreMadeLikeRealOnes() throws {
        var settings = Settings()
        settings.sellerName = "Sam Seller"
        let w = SampleWorkload(seed: 3, prospectCount: 120, callCount: 300, today: today, zone: zone, settings: settings)
        let people = Dictionary(uniqueKeysWithValues: w.prospects.map { ($0.id, $0) })
        let drafted = w.calls.filter { $0.followUp != nil }
        #expect(!drafted.isEmpty)
        for call in drafted {
            let prospect = try #require(people[call.prospectID])
            let expected = FollowUpTemplate.draft(call: call, prospect: prospect, settings: settings, sellerZone: zone)
            #expect(call.followUp?.subject == expected.subject)
            #expect(call.followUp?.body == expected.body)
            #expect(call.followUp?.body.hasSuffix("Kind regards,\nSam Seller") == true)
            #expect(call.followUp?.body.contains("conversation today") == false)
        }
        let meeting = try #require(drafted.first { $0.outcome == .meetingBooked && $0.nextStepAt != nil })
        #expect(meeting.followUp?.body.contains("I look forward to our meeting on") == true)
    }

    @Test func countsAreAsAskedAndTheHistoryHangsTogether() {
        let w = workload(seed: 1)
        #expect(w.prospects.count >= 300)
        #expect((1...1_000).contains(w.calls.count))
        #expect(Set(w.prospects.map(\.id)).count == w.prospects.count)
        #expect(Set(w.calls.map(\.id)).count == w.calls.count)
        let ids = Set(w.prospects.map(\.id))
        #expect(w.calls.allSatisfy { ids.contains($0.prospectID) })
        // Every call lies on a past business day, inside the seller's day.
        #expect(w.calls.allSatisfy { call in
            let day = CalendarDay(containing: call.startedAt, in: zone)
            return day < today && !day.isWeekend
        })
        let referred = w.prospects.filter { $0.source == .referral }
        #expect(!referred.isEmpty)
        #expect(referred.allSatisfy { $0.referredBy.map(ids.contains) == true })
        let conversations = w.calls.filter { $0.outcome.map { Outcomes.standard.rule(for: $0).isConversation } == true }
        #expect(conversations.allSatisfy { $0.segments.contains { $0.speaker == .prospect } && $0.followUp != nil })
        let called = Dictionary(grouping: w.calls, by: \.prospectID)
        for prospect in w.prospects where called[prospect.id] != nil {
            #expect(prospect.attempts == called[prospect.id]?.count)
        }
    }

    @Test func statusesEvolveAsTheAfterCallRulesSaySoFewAreLeftDue() {
        let w = SampleWorkload(seed: 3, prospectCount: 1_000, callCount: 4_000, today: today, zone: zone)
        #expect(w.calls.allSatisfy { $0.prospectName != nil && $0.prospectCompany != nil })
        let byID = Dictionary(uniqueKeysWithValues: w.prospects.map { ($0.id, $0) })
        let last = Dictionary(grouping: w.calls, by: \.prospectID).compactMapValues { $0.max { $0.startedAt < $1.startedAt } }
        for (id, call) in last {
            switch byID[id]?.status {
            case .lost?: #expect(call.outcome == .notInterested || call.outcome == .noFit)
            case .unreachable?: #expect(call.outcome.map { Outcomes.standard.rule(for: $0).isRetry } == true)
            case .won?: #expect(call.outcome == .opportunity)
            default: break
            }
        }
        let statuses = Set(w.prospects.map(\.status))
        #expect(statuses.isSuperset(of: [.active, .lost, .unreachable, .won]))
        let horizon = today.adding(days: 14)
        let due = w.prospects.filter { $0.status == .active && ($0.nextCallDay ?? today) <= horizon }
        #expect(due.count < w.prospects.count / 5, "\(due.count) of \(w.prospects.count) still due")
    }
}
