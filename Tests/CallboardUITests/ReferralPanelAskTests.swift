import CallboardCore
import Testing

@testable import CallboardUI

@Suite("Referral checklist")
struct ReferralPanelAskTests {
    typealias F = AppFixture

    @Test("answering y in the end-of-call dialog ticks the checklist, as a does during the call")
    func yTicksTheChecklist() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e")], &state, at: 100)
        expectShows(F.screen(state), "[ ] Who else might be interested")
        F.press([.char("y")], &state, at: 101)
        expectShows(F.screen(state), "[x] Who else might be interested")
    }
}
