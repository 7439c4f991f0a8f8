import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

private typealias Flow = EndOfCallFlowTests

/// The seller's own outcomes in the end-of-call dialog: all listed with their keys, the
/// tenth chosen with 0, and each filed by its own rule.
@Suite struct ConfiguredOutcomesTests {
    static let outcomes: Outcomes = {
        var rules = Outcomes.standard.list.map { rule -> OutcomeRule in
            var rule = rule
            rule.key = nil
            return rule
        }
        rules.append(OutcomeRule(Outcome("not now"), isConversation: true, next: .stayInTouch(days: 90), crmLabel: "Nurture"))
        rules.append(OutcomeRule(Outcome("wrong number"), isConversation: false, next: .never))
        return Outcomes(rules)
    }()

    static func conversation(width: Int = 100, height: Int = 30) -> AppState {
        var state = F.state(width: width, height: height)
        state.settings.outcomes = outcomes
        F.press([.enter], &state, at: 0)
        F.press([.char("p")], &state, at: 10)
        F.press([.char("m")], &state, at: 70)
        return state
    }

    @Test func theDialogListsTenOutcomesInTwoColumnsWithTheirKeys() {
        for (width, height) in [(100, 30), (80, 24), (60, 18)] {
            var state = Self.conversation(width: width, height: height)
            F.press([.char("e"), .char("n")], &state, at: 100)
            let screen = F.screen(state)
            let keys = Array("1234567890")
            for (key, rule) in zip(keys, Self.outcomes.list) where width >= 80 {
                expectShows(screen, "\(key) \(rule.label)")
            }
            // Even at the smallest size, the tenth is on screen.
            expectShows(screen, "0 wrong number")
        }
    }

    @Test func zeroChoosesTheTenthAndItIsFiledByItsRule() throws {
        var state = Self.conversation()
        let effects = F.press([.char("e"), .char("n"), .char("0")], &state, at: 100)
        // Not a conversation and it leads nowhere: no next step, no email; the call is saved.
        let (call, prospects) = try #require(Flow.saved(effects, &state))
        #expect(call.outcome == Outcome("wrong number"))
        #expect(call.conversation == false)
        #expect(prospects.first?.status == .lost)
        #expect(prospects.first?.reach?.total == ReachCounts.Tally(dials: 1, pickedUp: 0))
    }

    @Test func aStayInTouchOutcomeSaysWhenTheyComeBack() {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("9")], &state, at: 100)
        expectShows(F.screen(state), "Stay in touch: Anna de Vries comes back to the queue on Mon 1 Mar, in 90")
    }

    @Test func theStayInTouchCallComesBackSayingWhenYouLastSpoke() throws {
        var state = Self.conversation()
        F.press([.char("e"), .char("n"), .char("9"), .enter], &state, at: 100)
        let effects = F.press([.char("x")], &state, at: 101)  // skip the email
        let (call, prospects) = try #require(Flow.saved(effects, &state))
        #expect(call.outcome == Outcome("not now"))
        #expect(call.conversation == true)
        let anna = try #require(prospects.first)
        #expect(anna.status == .active)
        #expect(anna.reach?.total == ReachCounts.Tally(dials: 1, pickedUp: 1))
        let day = try #require(anna.nextCallDay)
        let queue = CallQueue.entries(
            prospects: [anna], today: day, now: day.at(hour: 10, minute: 0, in: state.zone) ?? Date(),
            zone: state.zone, outcomes: state.settings.outcomes)
        #expect(queue.first?.purpose(sellerZone: state.zone).hasPrefix("stay in touch, last spoke ") == true)
    }
}
