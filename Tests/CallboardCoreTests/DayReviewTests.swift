import CallboardCore
import Foundation
import Testing

@Suite("Day review figures")
struct DayReviewTests {
    let day = Fixture.day("2026-11-30")
    let start = Fixture.at("2026-11-30 09:00", Fixture.amsterdam)

    func call(
        _ id: String, _ segments: [(Speaker, Double, Double)], duration: Double, outcome: Outcome?,
        ask: ReferralAsk = .notAsked, referrals: [String] = [], followUp: FollowUp.Status? = nil
    ) -> Call {
        Call(
            id: CallID(id), prospectID: ProspectID("p-\(id)"), startedAt: start,
            segments: segments.map { TalkSegment(speaker: $0.0, start: $0.1, end: $0.2) },
            duration: duration, outcome: outcome, referralAsk: ask,
            referrals: referrals.map { Referral(name: $0) },
            followUp: followUp.map { FollowUp(subject: "s", body: "b", status: $0) })
    }

    @Test("a hand-built day adds up")
    func handBuiltDay() {
        let calls = [
            // 30 % me, asked, two referrals, follow-up sent
            call("a", [(.prospect, 0, 70), (.me, 70, 100), (.silence, 100, 110)], duration: 110,
                 outcome: .meetingBooked, ask: .asked, referrals: ["X", "Y"], followUp: .sent),
            // 75 % me, not asked, follow-up pending
            call("b", [(.me, 0, 90), (.prospect, 90, 120)], duration: 125, outcome: .notInterested,
                 followUp: .pending),
            // no answer: a dial, not a conversation
            call("c", [], duration: 25, outcome: .noAnswer, ask: .notApplicable),
        ]
        let s = DaySummary(day: day, calls: calls, targets: .standard)
        #expect(s.dials == 3)
        #expect(s.conversations == 2)
        #expect(s.callSeconds == 260)
        #expect(s.me == 120 && s.prospect == 100 && s.silence == 10)
        #expect(s.myShare == 120.0 / 220.0)  // weighted by talk time, not a mean of shares
        #expect(s.callsInBand == 1 && s.callsWithShare == 2)
        #expect(s.longestMonologue == 90)
        #expect(s.referralAsks == 1)
        #expect(s.referralAskRate == 0.5)
        #expect(s.referralsGained == 2)
        #expect(s.followUpsSent == 1 && s.followUpsPending == 1)
        #expect(s.followUpRate == 0.5)
    }

    @Test("a day with no conversations has no share and no ask rate")
    func noConversations() {
        let s = DaySummary(day: day, calls: [
            call("a", [], duration: 20, outcome: .noAnswer),
            call("b", [(.me, 0, 30), (.silence, 30, 40)], duration: 40, outcome: .voicemail),
        ], targets: .standard)
        #expect(s.dials == 2 && s.conversations == 0)
        #expect(s.callSeconds == 60)
        #expect(s.me == 0 && s.silence == 0)  // a message on a voicemail is no talk with the prospect
        #expect(s.longestMonologue == 0)
        #expect(s.myShare == nil)
        #expect(s.referralAskRate == nil)
        #expect(s.callsWithShare == 0)
    }

    @Test("a voicemail, no answer or gatekeeper call has no share of its own", arguments: [Outcome.voicemail, .noAnswer, .gatekeeper])
    func noShareWithoutAConversation(outcome: Outcome) {
        let message = CallSummary(call: call("v", [(.me, 0, 30)], duration: 30, outcome: outcome))
        #expect(message.myShare == nil)
        let talk = CallSummary(call: call("t", [(.me, 0, 30), (.prospect, 30, 120)], duration: 120, outcome: .notInterested))
        #expect(talk.myShare == 0.25)
        // A range's totals add the days' totals: the message still counts for nothing.
        let days = [
            DaySummary(day: day, calls: [call("v", [(.me, 0, 30)], duration: 30, outcome: outcome)], targets: .standard),
            DaySummary(day: day.adding(days: 1), calls: [call("t", [(.me, 0, 30), (.prospect, 30, 120)], duration: 120, outcome: .notInterested)], targets: .standard),
        ]
        let range = DaySummary.total(of: days, day: day)
        #expect(range.myShare == 0.25 && range.callsWithShare == 1)
    }

    @Test("a call with no marks and a call held on silence")
    func unmarkedAndSilent() {
        let unmarked = CallSummary(call: call("a", [], duration: 180, outcome: .callback))
        #expect(unmarked.duration == 180)
        #expect(unmarked.myShare == nil)
        #expect(unmarked.isConversation)
        let silent = CallSummary(call: call("b", [(.silence, 0, 60)], duration: 60, outcome: nil))
        #expect(silent.silence == 60)
        #expect(silent.myShare == nil)
        #expect(!silent.isConversation)
        let s = DaySummary(day: day, summaries: [unmarked, silent])
        #expect(s.conversations == 1 && s.callsWithShare == 0 && s.callsInBand == 0)
    }

    @Test("totals over several days and a trend with gaps")
    func rangeAndTrend() {
        var monday = DaySummary(day: Fixture.day("2026-11-30"))
        monday.dials = 10; monday.conversations = 4; monday.me = 100; monday.prospect = 300; monday.referralAsks = 2
        var wednesday = DaySummary(day: Fixture.day("2026-12-02"))
        wednesday.dials = 5; wednesday.conversations = 2; wednesday.me = 300; wednesday.prospect = 300; wednesday.referralAsks = 2
        let total = DaySummary.total(of: [monday, wednesday], day: Fixture.day("2026-11-30"))
        #expect(total.dials == 15 && total.conversations == 6)
        #expect(total.myShare == 0.4)
        #expect(total.referralAskRate == 4.0 / 6.0)

        let trend = Trend(endingOn: Fixture.day("2026-12-02"), length: 7,
                          summaries: [monday.day: monday, wednesday.day: wednesday])
        #expect(trend.days.first == Fixture.day("2026-11-26"))
        #expect(trend.days.last == Fixture.day("2026-12-02"))
        #expect(trend.myShare == [nil, nil, nil, nil, 0.25, nil, 0.5])
        #expect(trend.referralAskRate[4] == 0.5 && trend.referralAskRate[6] == 1.0)
    }
}
