import Testing

@testable import CallboardTerminal

@Suite struct WakeScheduleTests {
    @Test func duringACallTheLoopWakesAtTheNextWholeSecondOfTheCall() {
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: 12.25, wallSeconds: 0) == 750)
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: 12.0, wallSeconds: 0) == 1000)
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: 0.9999, wallSeconds: 0) == 1)
    }

    @Test func withNoCallTheLoopSleepsUntilTheClockShowsANewMinute() {
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: nil, wallSeconds: 1_800_000_030) == 30_000)
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: nil, wallSeconds: 1_800_000_000) == 60_000)
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: nil, wallSeconds: 1_800_000_059.5) == 500)
    }

    @Test func theWaitIsNeverZeroSoTheLoopCannotSpin() {
        for elapsed in stride(from: 0.0, to: 3, by: 0.0625) {
            #expect(WakeSchedule.timeoutMilliseconds(callElapsed: elapsed, wallSeconds: 0) >= 1)
        }
        #expect(WakeSchedule.timeoutMilliseconds(callElapsed: nil, wallSeconds: 59.99999) >= 1)
    }
}
