import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct AddProspectTests {
    @Test func aOnTheQueueAddsATypedProspectDueToday() throws {
        var state = F.state(prospects: [])
        expectShows(F.screen(state), "Press a to add a prospect here")
        F.press([.char("a")], &state, at: 1)
        #expect(state.keyContext == .addProspect)
        F.type("Eva Claes, Claes & Zn, eva@claes.example", &state, at: 2)
        let effects = F.press([.enter], &state, at: 3)
        guard case .addProspect(let prospect)? = effects.first, effects.count == 1 else {
            Issue.record("expected the prospect to be saved, got \(effects)")
            return
        }
        #expect(prospect.name == "Eva Claes")
        #expect(prospect.company == "Claes & Zn")
        #expect(prospect.email == "eva@claes.example")
        #expect(prospect.createdAt == F.at(3).wall)
        #expect(state.queue.map(\.id) == [prospect.id])
        #expect(state.selectedEntry?.reason == .new)
        #expect(state.mode == .addProspect(TextField()), "the field stays open for the next one")
        F.press([.enter], &state, at: 4)
        #expect(state.mode == .queue)
        expectShows(F.screen(state), "Today's queue (1)", "Eva Claes")
    }

    @Test func escClosesTheFieldWithoutAdding() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        F.type("Half typed", &state, at: 2)
        expectShows(F.screen(state), "Add a prospect", "› Half typed")
        #expect(F.press([.escape], &state, at: 3).isEmpty)
        #expect(state.mode == .queue)
        #expect(state.prospects.count == 3)
    }

    @Test func twoProspectsWithTheSameNameInTheSameSecondGetTheirOwnIds() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        F.type("Sam", &state, at: 1)
        F.press([.enter], &state, at: 1)
        F.type("Sam", &state, at: 1)
        F.press([.enter], &state, at: 1)
        let ids = state.prospects.filter { $0.name == "Sam" }.map(\.id)
        #expect(ids.count == 2)
        #expect(Set(ids).count == 2)
    }

    @Test func lettersInTheFieldAreTextNotQueueKeys() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        #expect(F.type("qrjk?", &state, at: 2).isEmpty)
        #expect(state.mode == .addProspect(TextField("qrjk?")))
    }
}
