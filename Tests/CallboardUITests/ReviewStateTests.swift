import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct ReviewStateTests {
    typealias F = ReviewScreenFixtures

    @Test func rowsAreInCallOrderWithProspectNames() {
        let state = F.state(calls: [F.talky, F.good, F.noMarks])
        #expect(state.rows.map(\.call.id) == ["anna@1", "bob@1", "chen@1"])
        #expect(state.rows[0].name == "Anna de Vries")
        #expect(state.rows[0].company == "Acme Logistics")
    }

    @Test func theDaySummaryComesFromTheCalls() {
        let s = F.state().summary
        #expect(s.dials == 3)
        #expect(s.conversations == 2)
        #expect(s.referralAsks == 1)
        #expect(s.referralsGained == 2)
        #expect(s.callsInBand == 1)
        #expect(s.callsWithShare == 2)
        #expect(s.followUpsSent == 1)
        #expect(s.followUpsPending == 1)
        #expect(s.myShare == 0.5)
    }

    @Test func trendsComeFromSummariesWithGapsForDaysWithoutCalls() {
        let state = F.state()
        #expect(state.week.days.first == F.today.adding(days: -6))
        #expect(state.week.myShare == [nil, 0.75, nil, nil, 0.25, nil, 0.5])
        #expect(state.month.days.count == 30)
        #expect(state.month.myShare.compactMap { $0 }.count == 4)
        #expect(state.weekTotals.dials == 11)
        #expect(state.monthTotals.dials == 15)
    }

    @Test func aCallWhoseProspectIsGoneShowsItsID() {
        let orphan = Call(id: "x", prospectID: "gone", startedAt: F.at(9, 0), duration: 5)
        #expect(F.state(calls: [orphan]).rows[0].name == "gone")
    }

    @Test func leftAndHGoBackADayAndAskForIt() {
        var state = F.state()
        #expect(state.handle(.left) == .load(day: F.today.adding(days: -1)))
        #expect(state.day == F.today.adding(days: -1))
        #expect(state.isLoading)
        #expect(state.rows.isEmpty)
        #expect(state.summary.dials == 0)
        #expect(state.handle(.char("h")) == .load(day: F.today.adding(days: -2)))
    }

    @Test func rightStopsAtToday() {
        var state = F.state()
        #expect(state.handle(.right) == .none)
        #expect(state.handle(.char("l")) == .none)
        #expect(state.day == F.today)
        var past = F.state(calls: [], day: F.today.adding(days: -3))
        #expect(past.handle(.char("l")) == .load(day: F.today.adding(days: -2)))
    }

    @Test func tGoesBackToToday() {
        var past = F.state(calls: [], day: F.today.adding(days: -9))
        #expect(past.handle(.char("t")) == .load(day: F.today))
        var state = F.state()
        #expect(state.handle(.char("t")) == .none)
        #expect(!state.isLoading)
    }

    @Test func jAndKMoveWithinTheCalls() {
        var state = F.state()
        #expect(state.selection == 0)
        _ = state.handle(.char("j"))
        _ = state.handle(.down)
        _ = state.handle(.down)
        #expect(state.selection == 2)
        _ = state.handle(.char("k"))
        #expect(state.selection == 1)
        _ = state.handle(.up)
        _ = state.handle(.up)
        #expect(state.selection == 0)
        _ = state.handle(.end)
        #expect(state.selectedRow?.call.id == "chen@1")
    }

    @Test func enterOpensTheDetailAndEscClosesItThenTheReview() {
        var state = F.state()
        #expect(state.handle(.enter) == .none)
        #expect(state.isDetailOpen)
        #expect(state.handle(.escape) == .none)
        #expect(!state.isDetailOpen)
        #expect(state.handle(.escape) == .close)
    }

    @Test func enterOnADayWithoutCallsDoesNothing() {
        var state = F.state(calls: [])
        #expect(state.handle(.enter) == .none)
        #expect(!state.isDetailOpen)
        _ = state.handle(.char("j"))
        #expect(state.selection == 0)
    }

    @Test func changingDayClosesTheDetail() {
        var state = F.state()
        _ = state.handle(.char("j"))
        _ = state.handle(.enter)
        _ = state.handle(.char("h"))
        #expect(!state.isDetailOpen)
        #expect(state.selection == 0)
    }

    @Test func otherKeysChangeNothing() {
        var state = F.state()
        let before = state
        #expect(state.handle(.char("x")) == .none)
        #expect(state.handle(.tab) == .none)
        #expect(state == before)
    }
}

@Suite struct ReviewChartsTests {
    @Test func sparklinesScaleAndLeaveGaps() {
        #expect(ReviewCharts.sparkline([0, 0.5, 1, nil], top: 1) == "▁▅█ ")
        #expect(ReviewCharts.sparkline([2, 4], top: 4) == "▅█")
        #expect(ReviewCharts.sparkline([1], top: 0) == "▁")
    }

    @Test func theTimelineFollowsWhoHeldTheFloor() {
        let segments = [
            TalkSegment(speaker: .me, start: 0, end: 10),
            TalkSegment(speaker: .prospect, start: 10, end: 30),
            TalkSegment(speaker: .silence, start: 30, end: 35),
        ]
        // 40 s in 8 columns of 5 s: the last column is hold.
        let strip = ReviewCharts.timeline(segments, duration: 40, columns: 8)
        #expect(strip == [.me, .me, .prospect, .prospect, .prospect, .prospect, .silence, nil])
        #expect(ReviewCharts.timeline([], duration: 20, columns: 3) == [nil, nil, nil])
        #expect(ReviewCharts.timeline([], duration: 0, columns: 2) == [nil, nil])
    }

    @Test func shareBarsFillByShare() {
        #expect(ReviewCharts.shareBar(0.25, columns: 8) == "██░░░░░░")
        #expect(ReviewCharts.shareBar(nil, columns: 4) == "░░░░")
        #expect(ReviewCharts.shareBar(1, columns: 3) == "███")
    }
}
