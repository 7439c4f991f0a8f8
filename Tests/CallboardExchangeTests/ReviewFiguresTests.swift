import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct ReviewFiguresTests {
    @Test func rowsFollowTheOrderTheCallsWereMade() {
        let report = ReviewFixtures.fullDay
        #expect(report.calls.map(\.figures.callID) == ["anna@1", "bob@1", "chen@1"])
        #expect(report.calls[0].prospect.name == "Smith, Jane")
    }

    @Test func aDayWithAConversationAddsUp() {
        let t = ReviewFixtures.fullDay.totals
        #expect(t.dials == 3)
        #expect(t.conversations == 1)
        #expect(t.callSeconds == 312 + 25 + 90)
        #expect(t.referralAsks == 1)
        #expect(t.referralsGained == 1)
        #expect(t.followUpsPending == 1)
        #expect(t.followUpsSent == 0)
        #expect(t.callsInBand == 1)
        #expect(t.callsWithShare == 1)
        #expect(abs((t.myShare ?? 0) - 95.0 / 275.0) < 1e-9)
    }

    @Test func aDayWithoutConversationsHasNoShareAndNoAskRate() {
        let t = ReviewFixtures.quietDay.totals
        #expect(t.dials == 2)
        #expect(t.conversations == 0)
        #expect(t.myShare == nil)
        #expect(t.referralAskRate == nil)
        #expect(t.referralAsks == 0)
    }

    @Test func aCallWithNoMarksHasItsLengthButNoTalk() {
        let f = CallSummary(call: ReviewFixtures.noMarks)
        #expect(f.duration == 25)
        #expect(f.me == 0 && f.prospect == 0)
        #expect(f.myShare == nil)
        #expect(!f.isConversation)
    }

    @Test func aCallHeldOnSilenceCountsSilenceButNotHold() {
        let f = CallSummary(call: ReviewFixtures.heldOnSilence)
        #expect(f.silence == 60)
        #expect(f.duration == 90)
        #expect(f.myShare == nil)
        #expect(f.longestMonologue == 0)
    }

    @Test func aStoredSummaryServesOnlyWhenTheDaysCallsWereNotRead() {
        var stored = DaySummary(day: ReviewFixtures.day)
        stored.dials = 99
        let totalsOnly = DayReport(day: ReviewFixtures.day, calls: [], prospects: [:], summary: stored)
        #expect(totalsOnly.totals.dials == 99)
        // With the calls in hand the figures come from them, as on the review screen, even
        // when the stored summary says otherwise (made under other targets, say).
        let report = DayReport(
            day: ReviewFixtures.day, calls: [ReviewFixtures.conversation], prospects: ReviewFixtures.prospects,
            summary: stored)
        #expect(report.totals.dials == 1)
        #expect(report.totals == DaySummary(day: ReviewFixtures.day, calls: [ReviewFixtures.conversation], targets: .standard))
        #expect(report.calls.count == 1)
    }

    @Test func aCallWhoseProspectIsGoneShowsTheProspectID() {
        let report = DayReport(day: ReviewFixtures.day, calls: [ReviewFixtures.noMarks], prospects: [:])
        #expect(report.calls[0].prospect.name == "bob")
    }

    /// A message left on voicemail is no talk with the prospect, so it should not raise my
    /// share of the day.
    @Test func aVoicemailDoesNotRaiseTheDaysShare() {
        let voicemail = Call(
            id: "bob@2", prospectID: "bob", startedAt: ReviewFixtures.at(12, 0),
            segments: [TalkSegment(speaker: .me, start: 5, end: 30)], duration: 30, outcome: .voicemail,
            referralAsk: .notApplicable)
        let report = DayReport(
            day: ReviewFixtures.day, calls: [ReviewFixtures.conversation, voicemail], prospects: ReviewFixtures.prospects)
        #expect(abs((report.totals.myShare ?? 0) - 95.0 / 275.0) < 1e-9)
    }

    @Test func aRangeAddsItsDays() {
        let second = DayReport(
            day: ReviewFixtures.day.adding(days: 1), calls: [ReviewFixtures.meeting],
            prospects: ReviewFixtures.prospects)
        let range = RangeReport(from: ReviewFixtures.day, to: ReviewFixtures.day.adding(days: 1), days: [second, ReviewFixtures.fullDay])
        #expect(range.days.map(\.day) == [ReviewFixtures.day, ReviewFixtures.day.adding(days: 1)])
        #expect(range.totals.dials == 4)
        #expect(range.totals.conversations == 2)
        #expect(range.totals.followUpsSent == 1)
        #expect(abs((range.totals.myShare ?? 0) - 245.0 / 475.0) < 1e-9)
    }
}
