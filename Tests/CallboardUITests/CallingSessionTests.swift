import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Dialling from the queue, the phone's events, and the calling block, on a manual clock.
@Suite("The calling session")
struct CallingSessionTests {
    typealias F = AppFixture

    func state(_ dialer: Dialer, countdown: Double = 10) -> AppState {
        var state = F.state()
        state.settings.dialer = dialer
        state.settings.callingBlock.countdown = countdown
        return state
    }

    func dials(_ effects: [Effect]) -> [DialNumber] {
        effects.compactMap { if case .dial(let number, _) = $0 { number } else { nil } }
    }

    @Test("with no dialer Enter starts the timer and dials nothing")
    func noDialer() {
        var s = state(.none)
        let effects = F.press([.enter], &s, at: 1)
        #expect(dials(effects).isEmpty)
        #expect(s.live?.isRinging == false)
    }

    @Test("a prospect with no number: the panel says so instead of offering Enter, and Enter dials nothing")
    func noNumberToDial() {
        var noPhone = F.anna
        noPhone.phone = ""
        var s = F.state(prospects: [noPhone])
        s.settings.dialer = .baresip
        #expect(F.screen(s).text.contains("Anna de Vries has no number to dial."))
        #expect(!F.screen(s).text.contains("Enter calls Anna de Vries"))
        #expect(F.press([.enter], &s, at: 1).isEmpty)
        #expect(s.live == nil)
        // Without a dialer the timer runs for a call made on any phone.
        s.settings.dialer = Dialer.none
        #expect(F.screen(s).text.contains("Enter calls Anna de Vries."))
    }

    @Test("a softphone call rings, its timer starts at the answer, and a hang-up opens the end of the call")
    func softphoneCall() throws {
        var s = state(.baresip)
        let effects = F.press([.enter], &s, at: 1)
        #expect(dials(effects).first?.digits == "+31201234567")
        #expect(s.live?.isRinging == true)
        #expect(F.screen(s).text.contains("Anna de Vries · cold call · ringing…"))
        let type = s.live?.call.callType
        _ = update(&s, .phone(.answered, F.at(9)))
        #expect(s.live?.isRinging == false)
        #expect(s.live?.call.callType == type, "the call keeps its type when it is answered")
        #expect(type != nil)
        _ = update(&s, .tick(F.at(39)))
        #expect(F.screen(s).text.contains("Anna de Vries · ") && F.screen(s).text.contains(" · 0:30"), "\(F.screen(s).text)")
        _ = update(&s, .phone(.ended(reason: "Connection reset by peer"), F.at(69)))
        guard case .endOfCall(let flow) = s.mode else { throw Failure("no end-of-call flow") }
        #expect(flow.answers.outcome == nil)
        #expect(s.live.map { $0.meter.elapsed(at: flow.hangUp.monotonic) } == 60)
    }

    @Test("a call nobody answered ends with no answer chosen, and Enter keeps it")
    func unanswered() throws {
        var s = state(.baresip)
        F.press([.enter], &s, at: 1)
        _ = update(&s, .phone(.ended(reason: "486 Busy Here"), F.at(20)))
        guard case .endOfCall(let flow) = s.mode else { throw Failure("no end-of-call flow") }
        #expect(flow.answers.outcome == .noAnswer)
        #expect(s.status?.text == "No answer (486 Busy Here)")
        F.press([.enter], &s, at: 21)
        guard case .endOfCall(let next) = s.mode else { throw Failure("the flow ended") }
        #expect(next.step == .nextStep)
    }

    @Test("h hangs up the softphone; e does too")
    func hangUp() {
        var s = state(.baresip)
        F.press([.enter], &s, at: 1)
        #expect(F.press([.char("h")], &s, at: 2) == [.hangUp])
        #expect(F.press([.char("e")], &s, at: 3).contains(.hangUp))
    }

    @Test("a dial that fails leaves no call behind")
    func dialFailed() {
        var s = state(.command)
        F.press([.enter], &s, at: 1)
        let effects = update(&s, .phone(.dialFailed(reason: "the dialer exited with status 1"), F.at(1.2)))
        #expect(s.live == nil && s.mode == .queue)
        #expect(effects == [.clearCheckpoint])
        #expect(s.status?.isError == true)
    }

    @Test("a calling block counts down, dials, pauses on any key, skips who is out of hours, and stops on Esc")
    func block() throws {
        var s = state(.command, countdown: 10)
        F.press([.char("P")], &s, at: 0)
        let block = try #require(s.block)
        // Bram is in New York, where it is 03:00.
        #expect(block.skipped == ["bram"])
        #expect(s.status?.text.contains("skipped 1 outside their hours: Bram Jansen") == true)
        #expect(s.keyContext == .block)
        #expect(s.secondsOrigin != nil)
        #expect(F.screen(s).text.contains("next call in 10 s"))
        #expect(update(&s, .tick(F.at(4))).isEmpty)
        #expect(F.screen(s).text.contains("next call in 6 s"))
        // Any key pauses; Space goes on.
        F.press([.char("x")], &s, at: 5)
        #expect(update(&s, .tick(F.at(60))).isEmpty)
        #expect(F.screen(s).text.contains("Calling block paused"))
        F.press([.char(" ")], &s, at: 60)
        let effects = update(&s, .tick(F.at(65)))
        #expect(dials(effects).map(\.written) == ["+31 20 123 4567"])
        #expect(s.live?.prospect.id == "anna")
        #expect(StatusLineView.right(s).contains("block 1 dial · 0 connects"))

        // The call, its wrap-up, then the countdown to the next.
        _ = update(&s, .key(.char("p"), F.at(70)))
        F.press([.char("e")], &s, at: 125)
        _ = update(&s, .tick(F.at(140)))
        #expect(StatusLineView.right(s).contains("wrap-up 0:15"))
        F.press([.char("n"), .char("4")], &s, at: 150)
        F.press([.char("x")], &s, at: 155)
        #expect(s.live == nil)
        #expect(s.block?.connects == 1)
        #expect(s.block?.wrapUps == [30])
        // Esc stops the block and keeps its figures for the review.
        let stop = F.press([.escape], &s, at: 160)
        #expect(s.block == nil)
        guard case .saveBlock(let summary) = stop.first else { throw Failure("the block was not kept") }
        #expect(summary.dials == 1 && summary.connects == 1 && summary.skipped == 1)
        #expect(summary.seconds == 160)
    }

    @Test("dials per hour in the status line")
    func dialsPerHour() throws {
        var s = state(.none, countdown: 1)
        F.press([.char("P")], &s, at: 0)
        _ = update(&s, .tick(F.at(1)))
        let ended = F.press([.char("e"), .char("1"), .enter], &s, at: 600)
        #expect(s.block != nil)
        // Nothing is dialled while the call before is being saved.
        #expect(update(&s, .tick(F.at(899))).isEmpty)
        #expect(s.live == nil)
        _ = EndOfCallFlowTests.saved(ended, &s)
        // The countdown of one second ran out: the next tick dials the next prospect.
        _ = update(&s, .tick(F.at(900)))
        #expect(s.live?.prospect.id == "chen")
        // Two dials in 15 minutes: 8 an hour; 6 an hour at 20 minutes.
        #expect(StatusLineView.right(s).contains("block 2 dials · 0 connects · 8/h · 15:00"))
        _ = update(&s, .tick(F.at(1200)))
        #expect(StatusLineView.right(s).contains("block 2 dials · 0 connects · 6/h · 20:00"))
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
