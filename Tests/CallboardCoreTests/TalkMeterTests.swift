import CallboardCore
import Testing

@Suite("Talk meter")
struct TalkMeterTests {
    let clock = ManualClock(start: 1_000)

    func meter() -> TalkMeter { TalkMeter(startedAt: clock.now()) }

    @Test("a call with no marks is all silence and has no share yet")
    func noMarks() {
        let m = meter()
        clock.advance(by: 30)
        let f = m.figures(at: clock.now())
        #expect(f.elapsed == 30)
        #expect(f.silence == 30)
        #expect(f.me == 0 && f.prospect == 0)
        #expect(f.myShare == nil)
        #expect(f.verdict == .noTalkYet)
        #expect(f.speaker == nil)
        #expect(f.nudge == .none)
    }

    @Test("share counts me over me plus prospect, silence excluded")
    func shareExcludesSilence() {
        var m = meter()
        clock.advance(by: 10)  // 10 s of silence before anyone speaks
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 60)
        m.mark(.me, at: clock.now())
        clock.advance(by: 20)
        m.mark(.silence, at: clock.now())
        clock.advance(by: 5)
        let f = m.figures(at: clock.now())
        #expect(f.me == 20)
        #expect(f.prospect == 60)
        #expect(f.silence == 15)
        #expect(f.myShare == 0.25)
        #expect(f.silenceShare == 15.0 / 95.0)
        #expect(f.verdict == .onTarget)
        #expect(f.switches == 1)
    }

    @Test("the open segment counts up to the asked instant")
    func openSegmentCounts() {
        var m = meter()
        m.mark(.me, at: clock.now())
        clock.advance(by: 42)
        let f = m.figures(at: clock.now())
        #expect(f.me == 42)
        #expect(f.speaker == .me)
        #expect(f.floorSeconds == 42)
        #expect(f.longestMonologue == 42)
    }

    @Test("marking the current speaker again changes nothing")
    func sameSpeakerTwice() {
        var m = meter()
        m.mark(.me, at: clock.now())
        clock.advance(by: 30)
        m.mark(.me, at: clock.now())
        clock.advance(by: 40)
        let f = m.figures(at: clock.now())
        #expect(m.segments.isEmpty)
        #expect(f.floorSeconds == 70)
        #expect(f.longestMonologue == 70)
        #expect(f.nudge == .gentle)
    }

    @Test("back-to-back marks at the same instant leave no empty segment")
    func backToBack() {
        var m = meter()
        m.mark(.me, at: clock.now())
        clock.advance(by: 5)
        m.mark(.prospect, at: clock.now())
        m.mark(.me, at: clock.now())
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 5)
        let f = m.figures(at: clock.now())
        #expect(m.segments.map(\.speaker) == [.me])
        #expect(f.me == 5 && f.prospect == 5)
        #expect(f.myShare == 0.5)
    }

    @Test("hold counts for nobody, and a mark resumes the call")
    func hold() {
        var m = meter()
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 20)
        m.hold(at: clock.now())
        clock.advance(by: 100)
        var f = m.figures(at: clock.now())
        #expect(f.isOnHold)
        #expect(f.elapsed == 120)
        #expect(f.counted == 20)
        #expect(f.speaker == nil)
        m.mark(.me, at: clock.now())
        clock.advance(by: 10)
        f = m.figures(at: clock.now())
        #expect(f.me == 10 && f.prospect == 20 && f.silence == 0)
        #expect(f.elapsed == 130)
    }

    @Test("nudges grow with my monologue and calm when the prospect speaks")
    func nudges() {
        var m = meter()
        m.mark(.me, at: clock.now())
        clock.advance(by: 59)
        #expect(m.figures(at: clock.now()).nudge == .none)
        clock.advance(by: 1)
        #expect(m.figures(at: clock.now()).nudge == .gentle)
        clock.advance(by: 60)
        #expect(m.figures(at: clock.now()).nudge == .strong)
        m.mark(.prospect, at: clock.now())
        #expect(m.figures(at: clock.now()).nudge == .none)
        #expect(m.figures(at: clock.now()).longestMonologue == 120)
    }

    @Test("nudge thresholds and the band are configurable")
    func configurable() {
        var m = TalkMeter(
            startedAt: clock.now(),
            targets: TalkTargets(targetShare: 0.3, warnShare: 0.5, monologueNudge: 5, monologueStrong: 8))
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 6)
        m.mark(.me, at: clock.now())
        clock.advance(by: 5)
        var f = m.figures(at: clock.now())
        #expect(f.nudge == .gentle)
        #expect(f.verdict == .aboveTarget)  // 5 / 11 ≈ 45 %
        clock.advance(by: 3)
        f = m.figures(at: clock.now())
        #expect(f.nudge == .strong)
        #expect(f.verdict == .wellAboveTarget)  // 8 / 14 ≈ 57 %
    }

    @Test("the default band: on target to 43 %, above to 65 %, well above past it")
    func defaultBand() {
        let t = TalkTargets.standard
        #expect(t.verdict(forShare: 0.43) == .onTarget)
        #expect(t.verdict(forShare: 0.44) == .aboveTarget)
        #expect(t.verdict(forShare: 0.65) == .aboveTarget)
        #expect(t.verdict(forShare: 0.66) == .wellAboveTarget)
        #expect(t.monologueNudge == 60 && t.monologueStrong == 120)
    }

    @Test("toggle swaps me and the prospect, and starts with the prospect")
    func toggle() {
        var m = meter()
        m.toggle(at: clock.now())
        #expect(m.state == .speaking(.prospect))
        clock.advance(by: 1)
        m.toggle(at: clock.now())
        #expect(m.state == .speaking(.me))
        clock.advance(by: 1)
        m.hold(at: clock.now())
        m.toggle(at: clock.now())
        #expect(m.state == .speaking(.prospect))
    }

    @Test("switches per minute over counted time")
    func switchesPerMinute() {
        var m = meter()
        for i in 0..<6 {
            m.mark(i.isMultiple(of: 2) ? .prospect : .me, at: clock.now())
            clock.advance(by: 10)
        }
        let f = m.figures(at: clock.now())
        #expect(f.switches == 5)
        #expect(f.switchesPerMinute == 5)
    }

    @Test("an instant before the last one never runs a figure backwards")
    func clockBackwards() {
        var m = meter()
        m.mark(.me, at: clock.now())
        clock.advance(by: 10)
        m.mark(.prospect, at: clock.now())
        let earlier = MonotonicInstant(seconds: clock.now().seconds - 5)
        m.mark(.me, at: earlier)
        let f = m.figures(at: earlier)
        #expect(f.me == 10)
        #expect(f.prospect == 0)
        #expect(f.elapsed == 10)
    }

    @Test("after the end, time stands still and marks are ignored")
    func ended() {
        var m = meter()
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 30)
        m.end(at: clock.now())
        clock.advance(by: 100)
        m.mark(.me, at: clock.now())
        let f = m.figures(at: clock.now())
        #expect(f.elapsed == 30 && f.prospect == 30 && f.me == 0)
        #expect(m.isEnded)
    }

    @Test("a checkpoint resumes on hold with every second it held")
    func resumeFromCheckpoint() {
        var m = meter()
        m.mark(.prospect, at: clock.now())
        clock.advance(by: 40)
        m.mark(.me, at: clock.now())
        clock.advance(by: 12)
        let call = Call(id: "c1", prospectID: "p1", startedAt: .init(timeIntervalSince1970: 0))
        let checkpoint = LiveCallCheckpoint(call: call, meter: m, at: clock.now(), wall: .init(timeIntervalSince1970: 52))
        #expect(checkpoint.elapsed == 52)
        #expect(checkpoint.call.seconds(of: .me) == 12)

        let restart = ManualClock(start: 7)  // a new process has a new clock origin
        var resumed = TalkMeter(resuming: checkpoint.call.segments, elapsed: checkpoint.elapsed, now: restart.now())
        restart.advance(by: 20)
        #expect(resumed.figures(at: restart.now()).counted == 52)
        resumed.mark(.prospect, at: restart.now())
        restart.advance(by: 8)
        let f = resumed.figures(at: restart.now())
        #expect(f.me == 12 && f.prospect == 48)
        #expect(f.elapsed == 80)
    }
}

@Suite struct TalkPatienceTests {
    @Test func patienceIsThePauseBeforeIAnswerTheProspect() {
        let segments = [
            TalkSegment(speaker: .me, start: 0, end: 5),
            TalkSegment(speaker: .prospect, start: 5, end: 10),
            TalkSegment(speaker: .silence, start: 10, end: 11.5),
            TalkSegment(speaker: .me, start: 11.5, end: 14),
            // They pause and go on themselves: not my patience.
            TalkSegment(speaker: .prospect, start: 14, end: 16),
            TalkSegment(speaker: .silence, start: 16, end: 18),
            TalkSegment(speaker: .prospect, start: 18, end: 20),
            TalkSegment(speaker: .me, start: 20, end: 22),
        ]
        #expect(TalkPatience.pauses(in: segments) == [1.5, 0])
        #expect(TalkPatience.median(in: segments) == 0.75)
        #expect(TalkPatience.median(in: [TalkSegment(speaker: .me, start: 0, end: 3)]) == nil)
    }
}

@Suite struct HandsFreeMarkingTests {
    @Test func aKeyWinsOverDetectionForItsSecondsAndHoldPausesIt() {
        var marking = HandsFreeMarking(isOn: true, keyWins: 3)
        #expect(marking.accepts(.prospect, onset: MonotonicInstant(seconds: 1)))
        marking.keyPressed(hold: false, at: MonotonicInstant(seconds: 10))
        #expect(!marking.accepts(.prospect, onset: MonotonicInstant(seconds: 9)))
        #expect(!marking.accepts(.prospect, onset: MonotonicInstant(seconds: 12.9)))
        #expect(marking.accepts(.prospect, onset: MonotonicInstant(seconds: 13)))
        #expect(marking.status(at: MonotonicInstant(seconds: 11)) == .keyWins(seconds: 2))
        marking.keyPressed(hold: true, at: MonotonicInstant(seconds: 20))
        #expect(!marking.accepts(.prospect, onset: MonotonicInstant(seconds: 100)))
        #expect(marking.status(at: MonotonicInstant(seconds: 100)) == .paused)
        #expect(marking.overrides == 2)
        #expect(!HandsFreeMarking.off.accepts(.prospect, onset: MonotonicInstant(seconds: 1)))
    }
}
