import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// The next step as the seller agrees it, and the queue that comes of it.
@Suite struct NextStepTimesTests {
    typealias Flow = EndOfCallFlowTests

    /// At the next-step field for a callback with Anna (Amsterdam), at 09:01 on Monday.
    func callback(with prospects: [Prospect] = F.prospects) -> AppState {
        var state = Flow.conversation(prospects: prospects)
        F.press([.char("e"), .char("n"), .char("6")], &state, at: 100)
        return state
    }

    @Test func aTimeOutsideTheirHoursWarnsAndAskedAgainIsKept() throws {
        var state = callback()
        F.type("tomorrow 20:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        #expect(Flow.flow(state)?.step == .nextStep, "the first Enter only warns")
        expectShows(F.screen(state), "Tue 1 Dec 20:00 is outside their business hours (09:00–17:00).",
                    "Enter again keeps it, or change the time.")
        F.press([.enter], &state, at: 103)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .followUp)
        #expect(flow.answers.nextStepAt == CalendarDay(year: 2026, month: 12, day: 1).at(hour: 20, minute: 0, in: F.zone))
    }

    @Test func aWeekendIsNamedAndChangingTheTimeAsksAgain() throws {
        var state = callback()
        F.type("sat 10:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        expectShows(F.screen(state), "Sat 5 Dec 10:00 is their weekend.")
        // Changed to another odd time: warned again, not kept on the old confirmation.
        F.press([.ctrl("u")], &state, at: 103)
        F.type("sun 10:00", &state, at: 103)
        F.press([.enter], &state, at: 104)
        #expect(Flow.flow(state)?.step == .nextStep)
        expectShows(F.screen(state), "Sun 6 Dec 10:00 is their weekend.")
        // Changed to a good time: no warning, on at once.
        F.press([.ctrl("u")], &state, at: 105)
        F.type("fri 10:00", &state, at: 105)
        F.press([.enter], &state, at: 106)
        #expect(Flow.flow(state)?.step == .followUp)
    }

    @Test func aProspectWithoutAZoneIsToldWhichZoneTheTimeIsIn() throws {
        var anna = F.anna
        anna.timeZone = nil
        var state = callback(with: [anna])
        expectShows(F.screen(state), "Their time zone is not known: times are yours (Europe/Amsterdam).")
        F.type("tomorrow 10:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let draft = try #require(Flow.flow(state)?.answers.draft)
        #expect(draft.body.contains("Tuesday 1 December at 10:00 (Europe/Amsterdam time)"))
    }

    @Test func anOpportunityAsksForTheNextStepAndTakesNoneForTheNextBusinessDay() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("8")], &state, at: 100)
        #expect(Flow.flow(state)?.step == .nextStep)
        expectShows(F.screen(state), "When do you follow up? Enter alone: the next business day.")
        F.type("thu 11:00", &state, at: 101)
        F.press([.enter], &state, at: 102)
        let (call, prospects) = try #require(Flow.saved(F.press([.enter], &state, at: 103), &state))
        #expect(call.nextStepAt == CalendarDay(year: 2026, month: 12, day: 3).at(hour: 11, minute: 0, in: F.zone))
        #expect(prospects.first?.callbackAt == call.nextStepAt)
    }
}

@Suite struct QueueColumnsTests {
    static let long = Prospect(
        id: "long", name: "Maximiliane Oberhuber-Santos", company: "Oberhuber Precision Engineering GmbH",
        timeZone: "Europe/Vienna", attempts: 2, createdAt: F.start.addingTimeInterval(-86_400 * 20),
        lastOutcome: .gatekeeper)
    static let twinA = Prospect(id: "s1", name: "Sakura Suzuki", company: "Suzuki Motors", timeZone: "Asia/Tokyo", createdAt: F.start)
    static let twinB = Prospect(id: "s2", name: "Sakura Suzuki", company: "Kyoto Ceramics", timeZone: "Asia/Tokyo", createdAt: F.start)

    func screen(_ width: Int) -> CellBuffer {
        F.screen(F.state(width: width, height: 30, prospects: F.prospects + [Self.long, Self.twinA, Self.twinB]))
    }

    @Test func at80ColumnsNamesAndWhyShareTheRoomAndNothingElseCrowdsThem() throws {
        // Short names are whole: the name is not cut while why has room to spare.
        let short = F.screen(F.state(width: 80, height: 24))
        let header = try #require(short.row(containing: "Name"))
        #expect(short.lines[header].contains("Why"))
        #expect(!short.lines[header].contains("Company"))
        expectShows(short, "Anna de Vries", "Bram Jansen", "retry after")
        // Long ones and long reasons give way about equally.
        let s = screen(80)
        let row = try #require(s.row(containing: "Maximiliane"))
        #expect(s.lines[row].contains("Maximilia") && s.lines[row].contains("retry after"), "\(s.lines[row])")
    }

    @Test func from100ColumnsTheCompanyTellsTwoPeopleOfTheSameNameApart() throws {
        for width in [100, 120] {
            let s = screen(width)
            let header = try #require(s.row(containing: "Name"))
            #expect(s.lines[header].contains("Company"), "at \(width)")
            let twins = s.lines.filter { $0.contains("Sakura Suzuki") }
            #expect(twins.count == 2 && twins[0] != twins[1], "at \(width)")
            #expect(twins.contains { $0.contains("Kyoto") } && twins.contains { $0.contains("Suzuki ") && !$0.contains("Kyoto") })
        }
    }

    @Test func at200ColumnsEveryHeaderAndEveryCellIsWhole() throws {
        let s = screen(200)
        let header = try #require(s.row(containing: "Name"))
        for title in ["Name", "Company", "Why", "Tries", "Last", "Local"] { #expect(s.lines[header].contains(title)) }
        expectShows(s, "Maximiliane Oberhuber-Santos", "Oberhuber Precision Engineering GmbH", "retry after gatekeeper")
        #expect(!s.lines[header].contains("…"))
    }

    @Test func theColumnsTakeWhatTheyHoldAndNeverMoreThanTheWidth() {
        for width in stride(from: 20, through: 120, by: 1) {
            let c = QueueView.Columns(width: width, wanted: .init(name: 30, company: 40, reason: 25, last: 14))
            #expect(2 + c.name + c.company + c.reason + c.attempts + c.last + c.local <= width, "at \(width)")
            #expect(c.reason >= min(11, (width - 2 - c.local) / 2), "why keeps room at \(width)")
            #expect(c.name >= min(11, (width - 2 - c.local) / 2), "the name keeps room at \(width)")
        }
        let roomy = QueueView.Columns(width: 200, wanted: .init(name: 13, company: 16, reason: 21, last: 9))
        #expect(roomy.reason == 22 && roomy.last == 10, "each wanted width plus its air")
    }

    @Test func aTimedOpportunityReadsAsItsFollowUpNotACallback() throws {
        var cleo = Prospect(id: "cleo", name: "Cleo Ortiz", company: "Ortiz Tools", timeZone: "Europe/Amsterdam",
                            attempts: 1, createdAt: F.start, lastOutcome: .opportunity)
        cleo.callbackAt = F.start.addingTimeInterval(3_600)
        for width in [80, 120] {
            let s = F.screen(F.state(width: width, height: 24, prospects: [cleo]))
            let row = try #require(s.row(containing: "Cleo Ortiz"))
            #expect(s.lines[row].contains("follow-up"), "at \(width): \(s.lines[row])")
            #expect(!s.lines[row].contains("callback"), "at \(width): \(s.lines[row])")
        }
    }

    @Test func anEmptyQueueLeavesNoOrphanTalkKeyLine() {
        let s = F.screen(F.state(prospects: []))
        expectHides(s, "Then: m I talk")
        expectShows(F.screen(F.state()), "Then: m I talk")
    }
}

@Suite struct NextStepFieldTextTests {
    typealias Flow = EndOfCallFlowTests

    /// A space typed into an opportunity's follow-up time is text, not the talk key that
    /// hands the floor back and returns to the call.
    @Test func aSpaceInTheOpportunitysTimeIsTypedNotATalkKey() throws {
        var state = Flow.conversation()
        F.press([.char("e"), .char("n"), .char("8")], &state, at: 100)
        F.type("next week", &state, at: 101)
        let flow = try #require(Flow.flow(state))
        #expect(flow.step == .nextStep)
        #expect(flow.nextStepField.text == "next week")
    }
}
