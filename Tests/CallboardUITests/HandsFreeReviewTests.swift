import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// The review says how each call was marked and, where the headset marked it, how long I
/// let the prospect's silence run before answering.
@Suite struct HandsFreeReviewTests {
    typealias F = ReviewScreenFixtures

    /// The prospect stops at 20 s, I answer at 20.6 s; they stop at 50 s, I answer at 51 s;
    /// they stop at 80 s, I answer at 80.4 s: a median of 0.6 s.
    static var listened: Call {
        var call = Call(
            id: "dana@1", prospectID: "dana", startedAt: F.at(14, 0),
            segments: [
                TalkSegment(speaker: .prospect, start: 0, end: 20),
                TalkSegment(speaker: .silence, start: 20, end: 20.6),
                TalkSegment(speaker: .me, start: 20.6, end: 30),
                TalkSegment(speaker: .prospect, start: 30, end: 50),
                TalkSegment(speaker: .silence, start: 50, end: 51),
                TalkSegment(speaker: .me, start: 51, end: 60),
                TalkSegment(speaker: .prospect, start: 60, end: 80),
                TalkSegment(speaker: .silence, start: 80, end: 80.4),
                TalkSegment(speaker: .me, start: 80.4, end: 90),
            ],
            duration: 90, outcome: .callback, referralAsk: .asked)
        call.markedBy = .mixed
        call.keyOverrides = 2
        return call
    }

    @Test func theDetailSaysHowTheCallWasMarkedAndTheMedianPatience() {
        var state = F.state(calls: [F.good, Self.listened])
        _ = state.handle(.char("j"))
        _ = state.handle(.enter)
        let screen = F.screen(state, width: 100, height: 30)
        expectShows(screen, "Marked by hands-free and keys · keys overrode 2 · Patience 0.6 s before I answered (median)")
    }

    @Test func aCallMarkedByKeysShowsNoPatienceAndOlderCallsNoMarkingLine() {
        var keys = Self.listened
        keys.markedBy = .keys
        keys.keyOverrides = nil
        var state = F.state(calls: [F.good, keys])
        _ = state.handle(.char("j"))
        _ = state.handle(.enter)
        let screen = F.screen(state, width: 100, height: 30)
        expectShows(screen, "Marked by keys")
        expectHides(screen, "Patience", "overrode")
        var older = F.state()
        _ = older.handle(.enter)
        expectHides(F.screen(older, width: 100, height: 30), "Marked by")
    }

    @Test func theDayShowsItsMedianPatience() {
        let screen = F.screen(F.state(calls: [F.good, Self.listened]), width: 100, height: 30)
        expectShows(screen, "Patience 0.6 s")
        expectHides(F.screen(F.state(), width: 100, height: 30), "Patience")
    }
}
