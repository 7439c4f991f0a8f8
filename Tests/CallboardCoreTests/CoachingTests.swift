import CallboardCore
import Foundation
import Testing

@Suite("Coaching: questions, call types, the baseline")
struct CoachingTests {
    let clock = ManualClock(start: 5_000)

    // MARK: Questions

    @Test("questions are counted by who asked, and mine spread over the thirds of the call")
    func questionsAndThirds() {
        let marks = [
            QuestionMark(by: .me, at: 10), QuestionMark(by: .me, at: 50), QuestionMark(by: .prospect, at: 70),
            QuestionMark(by: .me, at: 130), QuestionMark(by: .me, at: 250), QuestionMark(by: .me, at: 299),
        ]
        let q = QuestionFigures(marks, length: 300)
        #expect(q.mine == 5 && q.theirs == 1)
        #expect(q.thirds == [2, 1, 2])
        #expect(q.isSpread && q.thirdsCovered == 3)
    }

    @Test("questions bunched at the start are not spread; a mark past the end counts in the last third")
    func bunched() {
        let q = QuestionFigures((0..<4).map { QuestionMark(by: .me, at: Double($0)) }, length: 120)
        #expect(q.thirds == [4, 0, 0])
        #expect(!q.isSpread && q.thirdsCovered == 1)
        #expect(QuestionFigures([QuestionMark(by: .me, at: 500)], length: 120).thirds == [0, 0, 1])
        #expect(QuestionFigures([QuestionMark(by: .me, at: 0)], length: 0).thirds == [1, 0, 0])
    }

    @Test("a question count is judged against the type's range")
    func questionVerdicts() {
        let discovery = CallType.discovery.targets
        #expect(discovery.verdict(forQuestions: 10) == .tooFew)
        #expect(discovery.verdict(forQuestions: 11) == .onTarget)
        #expect(discovery.verdict(forQuestions: 14) == .onTarget)
        #expect(discovery.verdict(forQuestions: 15) == .tooMany)
        #expect(CallType.cold.targets.verdict(forQuestions: 4) == .onTarget)
    }

    // MARK: Inference

    @Test("the type is inferred from where the prospect stands")
    func inference() {
        let types = CallTypes.standard
        var p = Fixture.prospect("a", "Ann")
        #expect(types.inferred(for: p).name == "cold call")
        p.lastOutcome = .voicemail
        #expect(types.inferred(for: p).name == "cold call")  // still nobody reached
        #expect(types.inferred(for: Fixture.prospect("b", "Bo", source: .referral)).name == "discovery")
        #expect(types.inferred(for: Fixture.prospect("c", "Cy", source: .inbound)).name == "discovery")
        p.lastOutcome = .meetingBooked
        #expect(types.inferred(for: p).name == "discovery")
        p.lastOutcome = .opportunity
        #expect(types.inferred(for: p).name == "demo")
        p.lastOutcome = .callback
        #expect(types.inferred(for: p).name == "follow-up")
        p.lastOutcome = nil
        p.meetingAt = Fixture.at("2026-12-01 10:00", .gmt)
        #expect(types.inferred(for: p).name == "discovery")
    }

    @Test("a configured list without the inferred type falls to its first; t cycles round")
    func configuredList() {
        let own = CallTypes([CallType(name: "renewal", targets: TalkTargets()), .demo])
        #expect(own.inferred(for: Fixture.prospect("a", "Ann")).name == "renewal")
        #expect(own.next(after: "renewal").name == "demo")
        #expect(own.next(after: "demo").name == "renewal")
        #expect(own.next(after: nil).name == "renewal")
        #expect(CallTypes([]).list == CallTypes.builtIn)
        // A type the list does not know is judged by the untyped targets.
        let untyped = TalkTargets(targetShare: 0.3)
        #expect(own.targets(for: "cold call", untyped: untyped) == untyped)
        #expect(own.targets(for: "Demo", untyped: untyped) == CallType.demo.targets)
    }

    // MARK: Per-type verdicts on a manual clock

    /// 50 s of me, 40 s of the prospect: 56 % mine.
    func fiftySixPercent(_ type: CallType) -> TalkFigures {
        var meter = TalkMeter(startedAt: clock.now(), targets: type.targets)
        meter.mark(.me, at: clock.now())
        clock.advance(by: 50)
        meter.mark(.prospect, at: clock.now())
        clock.advance(by: 40)
        return meter.figures(at: clock.now())
    }

    @Test("the same talk is on target for a cold call and above it for discovery")
    func sameTalkDifferentVerdicts() {
        #expect(fiftySixPercent(.demo).verdict == .onTarget)
        #expect(fiftySixPercent(.cold).verdict == .aboveTarget)
        #expect(fiftySixPercent(.discovery).verdict == .aboveTarget)
        #expect(fiftySixPercent(CallType(name: "strict", targets: TalkTargets(targetShare: 0.3, warnShare: 0.5))).verdict
            == .wellAboveTarget)
    }

    @Test("a demo nudges later than discovery")
    func demoNudgesLater() {
        for (type, gentleAt, strongAt) in [(CallType.discovery, 60.0, 120.0), (.demo, 90, 150)] {
            var meter = TalkMeter(startedAt: clock.now(), targets: type.targets)
            meter.mark(.me, at: clock.now())
            clock.advance(by: gentleAt - 1)
            #expect(meter.figures(at: clock.now()).nudge == MonologueNudge.none)
            clock.advance(by: 1)
            #expect(meter.figures(at: clock.now()).nudge == .gentle)
            clock.advance(by: strongAt - gentleAt)
            #expect(meter.figures(at: clock.now()).nudge == .strong)
        }
    }

    @Test("a saved call is judged by its type: share, questions, story and the pitch limit")
    func savedCallByType() {
        var call = Call(
            id: "a@1", prospectID: "a", startedAt: Fixture.at("2026-11-30 09:00", .gmt),
            segments: [
                TalkSegment(speaker: .me, start: 0, end: 130), TalkSegment(speaker: .prospect, start: 130, end: 200),
            ], duration: 200, outcome: .meetingBooked)
        call.callType = "cold call"
        call.questions = [QuestionMark(by: .me, at: 5), QuestionMark(by: .me, at: 100), QuestionMark(by: .me, at: 180)]
        let cold = CallSummary(call: call)
        #expect(cold.verdict == .aboveTarget)  // 65 % on a cold call: above 55, under 70
        #expect(cold.questionVerdict == .onTarget)
        #expect(cold.targets.storyReached(cold.longestStory))  // 70 s against 30 s
        #expect(cold.targets.pitchTooLong(cold.longestMonologue))  // 2:10 against 2:00
        call.callType = "discovery"
        let discovery = CallSummary(call: call)
        #expect(discovery.verdict == .aboveTarget)
        #expect(discovery.questionVerdict == .tooFew)
        // A call from before call types: its questions were never counted.
        call.callType = nil
        #expect(CallSummary(call: call).questionVerdict == nil)
    }

    // MARK: Older files

    @Test("a call and a day summary written before call types read with defaults")
    func olderFilesDecode() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let call = try decoder.decode(
            Call.self, from: Data(#"{"id": "a@1", "prospectID": "a", "startedAt": "2026-11-30T09:00:00Z"}"#.utf8))
        #expect(call.callType == nil && call.questions.isEmpty)
        let day = try decoder.decode(
            DaySummary.self,
            from: Data(#"{"day": "2026-11-30", "dials": 3, "conversations": 2, "me": 10, "prospect": 30}"#.utf8))
        #expect(day.dials == 3 && day.myShare == 0.25)
        #expect(day.questionsAsked == 0 && day.byType.isEmpty && day.questionsPerConversation == nil)
    }

    // MARK: Baseline

    func summary(
        conversations: Int, me: Double, prospect: Double, questions: Int, story: Double, asks: Int,
        sent: Int, pending: Int
    ) -> DaySummary {
        var s = DaySummary(day: Fixture.day("2026-11-30"))
        s.dials = conversations
        s.conversations = conversations
        s.callsWithShare = conversations
        s.me = me
        s.prospect = prospect
        s.questionedConversations = conversations
        s.questionsAsked = questions
        s.storySeconds = story * Double(conversations)
        s.referralAsks = asks
        s.followUpsSent = sent
        s.followUpsPending = pending
        return s
    }

    @Test("a week that differs from the last 30 days says where, and which way is better")
    func baselineDiffers() {
        let week = summary(conversations: 5, me: 60, prospect: 40, questions: 20, story: 40, asks: 2, sent: 3, pending: 2)
        let month = summary(conversations: 20, me: 90, prospect: 110, questions: 160, story: 70, asks: 16, sent: 18, pending: 2)
        let c = BaselineComparison(week: week, baseline: month)
        #expect(c.tooFew == nil)
        #expect(c.notes.map(\.figure) == [.share, .questions, .story, .referralAsks, .followUps])
        #expect(c.notes.allSatisfy { !$0.isBetter })
        #expect(c.sentences[0] == "You talked more than usual: 60% of the talk this week against 45% over 30 days.")
        #expect(c.sentences[1] == "You asked fewer questions: 4.0 a conversation this week against 8.0.")
        #expect(c.sentences[2] == "Prospects' longest stories ran shorter: 0:40 on average this week against 1:10.")
        #expect(c.sentences[3] == "You asked for referrals less often: in 40% of conversations this week against 80%.")
        #expect(c.sentences[4] == "You sent fewer of your follow-ups: 60% this week against 90%.")
    }

    @Test("small moves are not worth a sentence; a better week is said to be better")
    func baselineSmallMovesAndBetter() {
        let month = summary(conversations: 20, me: 90, prospect: 110, questions: 160, story: 70, asks: 16, sent: 18, pending: 2)
        let same = summary(conversations: 5, me: 23, prospect: 27, questions: 42, story: 75, asks: 4, sent: 4, pending: 1)
        let steady = BaselineComparison(week: same, baseline: month)
        #expect(steady.notes.isEmpty)
        #expect(steady.sentences == ["This week is in line with your last 30 days."])
        let better = summary(conversations: 5, me: 35, prospect: 65, questions: 60, story: 100, asks: 5, sent: 5, pending: 0)
        let c = BaselineComparison(week: better, baseline: month)
        #expect(c.notes.map(\.figure) == [.share, .questions, .story, .referralAsks])
        #expect(c.notes.allSatisfy { $0.isBetter })
        #expect(c.sentences[0].hasPrefix("You talked less than usual: 35%"))
    }

    @Test("too few conversations to compare says so")
    func baselineTooFew() {
        let week = summary(conversations: 2, me: 60, prospect: 40, questions: 5, story: 40, asks: 1, sent: 1, pending: 1)
        let month = summary(conversations: 20, me: 90, prospect: 110, questions: 160, story: 70, asks: 16, sent: 18, pending: 2)
        let c = BaselineComparison(week: week, baseline: month)
        #expect(c.notes.isEmpty)
        #expect(c.sentences == ["Too few conversations to compare this week with your last 30 days (2 this week, 20 in 30 days)."])
    }

    @Test("a day's totals count questions where they were counted, stories, on-time follow-ups and each type")
    func dayTotals() {
        let start = Fixture.at("2026-11-30 09:00", .gmt)
        func call(_ id: String, type: String?, me: Double, them: Double, questions: Int, sentAfter: Double?) -> Call {
            var c = Call(
                id: CallID(id), prospectID: ProspectID(id), startedAt: start,
                segments: [
                    TalkSegment(speaker: .me, start: 0, end: me), TalkSegment(speaker: .prospect, start: me, end: me + them),
                ], duration: me + them, outcome: .callback)
            c.callType = type
            c.questions = (0..<questions).map { QuestionMark(by: .me, at: Double($0)) }
            c.followUp = FollowUp(
                subject: "s", body: "b", status: sentAfter == nil ? .pending : .sent,
                sentAt: sentAfter.map { start.addingTimeInterval(me + them + $0) })
            return c
        }
        let s = DaySummary(
            day: Fixture.day("2026-11-30"),
            calls: [
                call("a", type: "discovery", me: 40, them: 60, questions: 12, sentAfter: 600),
                call("b", type: "cold call", me: 55, them: 45, questions: 4, sentAfter: 2 * 86_400),
                call("c", type: nil, me: 30, them: 90, questions: 0, sentAfter: nil),
            ], targets: .standard)
        #expect(s.questionedConversations == 2 && s.questionsAsked == 16)
        #expect(s.questionsPerConversation == 8)
        #expect(s.longestStory == 90 && s.averageStory == 65)
        #expect(s.followUpsSent == 2 && s.followUpsOnTime == 1 && s.onTimeRate == 1.0 / 3.0)
        #expect(s.byType["discovery"]?.callsInBand == 1)
        #expect(s.byType["cold call"]?.callsInBand == 1)  // 55 % is a cold call's target
        #expect(s.byType["cold call"]?.myShare == 0.55)
        #expect(s.callsInBand == 3)
        #expect(s.byType.count == 2)
    }
}

@Suite("Patience by call type")
struct PatienceByTypeTests {
    /// Patience (hands-free) is kept per call type as values, so days add up to the
    /// median over all of the type's conversations, not a median of medians.
    @Test("each type's patience is the median over its hands-free conversations, across days")
    func patienceByType() {
        func call(_ id: String, type: String, patience: Double?, day: Int) -> CallSummary {
            var summary = CallSummary(call: Call(
                id: CallID(id), prospectID: "p", startedAt: Date(timeIntervalSince1970: Double(day) * 86_400),
                segments: [TalkSegment(speaker: .prospect, start: 0, end: 30), TalkSegment(speaker: .me, start: 30, end: 40)],
                duration: 40, outcome: .notInterested))
            summary.callType = type
            summary.patience = patience
            return summary
        }
        let first = DaySummary(
            day: CalendarDay(year: 2026, month: 11, day: 30),
            summaries: [call("a", type: "discovery", patience: 0.4, day: 0), call("b", type: "discovery", patience: 1.0, day: 0),
                        call("c", type: "demo", patience: nil, day: 0)])
        let second = DaySummary(
            day: CalendarDay(year: 2026, month: 12, day: 1),
            summaries: [call("d", type: "discovery", patience: 0.6, day: 1)])
        #expect(first.byType["discovery"]?.patience == 0.7)
        #expect(first.byType["demo"]?.patience == nil)
        let both = DaySummary.total(of: [first, second], day: second.day)
        #expect(both.byType["discovery"]?.patience == 0.6)
    }
}
