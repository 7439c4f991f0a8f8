import Foundation
import Testing

@testable import CallboardCore

/// What a saved call keeps of hands-free: how it was marked, the overrides, patience.
@Suite struct HandsFreeRecordTests {
    static let start = Date(timeIntervalSince1970: 1_796_025_600)

    @Test func aCallSavedBeforeHandsFreeReadsWithoutItsFields() throws {
        let old = #"{"id":"anna@1","prospectID":"anna","startedAt":"2026-11-30T08:00:00Z","segments":[]}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let call = try decoder.decode(Call.self, from: Data(old.utf8))
        #expect(call.markedBy == nil)
        #expect(call.keyOverrides == nil)
        #expect(call.patience == nil)
    }

    @Test func markingAndOverridesRoundTrip() throws {
        var call = Call(id: "anna@1", prospectID: "anna", startedAt: Self.start)
        call.markedBy = .handsFree
        call.keyOverrides = 0
        let back = try JSONDecoder().decode(Call.self, from: JSONEncoder().encode(call))
        #expect(back.markedBy == .handsFree)
        #expect(back.keyOverrides == 0)
    }

    @Test func patienceIsMeasuredOnlyWhereTheHeadsetMarkedTheTurns() {
        var call = Call(
            id: "anna@1", prospectID: "anna", startedAt: Self.start,
            segments: [
                TalkSegment(speaker: .prospect, start: 0, end: 10),
                TalkSegment(speaker: .silence, start: 10, end: 11.2),
                TalkSegment(speaker: .me, start: 11.2, end: 20),
            ])
        #expect(call.patience == nil)
        call.markedBy = .keys
        #expect(call.patience == nil)
        call.markedBy = .handsFree
        #expect(abs((call.patience ?? 0) - 1.2) < 1e-9)
        call.markedBy = .mixed
        #expect(abs((call.patience ?? 0) - 1.2) < 1e-9)
    }

    @Test func theDaysPatienceIsTheMedianOfItsCalls() {
        func call(_ id: String, pause: Double) -> Call {
            var call = Call(
                id: CallID(id), prospectID: "anna", startedAt: Self.start,
                segments: [
                    TalkSegment(speaker: .prospect, start: 0, end: 10),
                    TalkSegment(speaker: .me, start: 10 + pause, end: 20),
                ], duration: 20, outcome: .callback)
            call.markedBy = .handsFree
            return call
        }
        let day = CalendarDay(year: 2026, month: 11, day: 30)
        let summary = DaySummary(
            day: day, calls: [call("a", pause: 0.4), call("b", pause: 2), call("c", pause: 0.8)], targets: .standard)
        #expect(abs((summary.patience ?? 0) - 0.8) < 1e-9)
        #expect(DaySummary(day: day, calls: [], targets: .standard).patience == nil)
    }

    @Test func aVoiceOfMineJustAfterAKeyIsTyping() {
        var marking = HandsFreeMarking(isOn: true)
        marking.keyTyped(at: MonotonicInstant(seconds: 10))
        #expect(!marking.accepts(.me, onset: MonotonicInstant(seconds: 10.1)))
        #expect(!marking.accepts(.me, onset: MonotonicInstant(seconds: 9.97)))
        #expect(marking.accepts(.prospect, onset: MonotonicInstant(seconds: 10.1)))
        #expect(marking.accepts(.me, onset: MonotonicInstant(seconds: 10.25)))
        #expect(marking.accepts(.me, onset: MonotonicInstant(seconds: 9.5)))
    }

    @Test func levelsStepEveryTenDecibelsAboveSixtyBelowFullScale() {
        #expect(InputLevels.step(-100) == 0)
        #expect(InputLevels.step(-60) == 0)
        #expect(InputLevels.step(-59) == 1)
        #expect(InputLevels.step(-35) == 3)
        #expect(InputLevels.step(-5) == 5)
        #expect(InputLevels.step(0) == 5)
        #expect(InputLevels.step(.nan) == 0)
        #expect(InputLevels(micDecibels: -35, lineDecibels: nil) == InputLevels(mic: 3, line: nil))
    }
}
