import CallboardCore
import Testing

@testable import CallboardUI

@Suite struct KeymapTests {
    @Test func noKeyMeansTwoThingsInTheSameContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in Keymap.bindings(in: context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) is bound twice in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test func theKeysTheIssueFixesAreBoundAsPromised() {
        let expected: [(Key, KeyContext, Action)] = [
            (.char("?"), .queue, .help), (.char("q"), .queue, .quit), (.tab, .queue, .nextPanel),
            (.char("r"), .queue, .review), (.char("j"), .queue, .moveDown), (.char("k"), .queue, .moveUp),
            (.down, .queue, .moveDown), (.up, .queue, .moveUp), (.enter, .queue, .startCall),
            (.char("m"), .call, .markMe), (.char("p"), .call, .markProspect), (.char(" "), .call, .toggleSpeaker),
            (.char("s"), .call, .hold), (.char("a"), .call, .askedReferrals), (.char("n"), .call, .note),
            (.char("e"), .call, .endCall), (.char("q"), .call, .quit), (.escape, .outcome, .back),
            (.char("y"), .referralAsk, .answerYes), (.char("n"), .referralAsk, .answerNo),
            (.enter, .followUpDraft, .accept), (.char("E"), .followUpDraft, .openEditor),
            (.char("x"), .followUpDraft, .skip), (.char("S"), .followUpDraft, .send),
        ]
        for (key, context, action) in expected {
            #expect(Keymap.action(for: key, in: context) == action, "\(key) in \(context)")
        }
    }

    @Test func everyOutcomeHasItsOwnDigit() {
        let outcomes = (1...8).compactMap { digit -> Outcome? in
            if case .chooseOutcome(let o)? = Keymap.action(for: .char(Character(String(digit))), in: .outcome) { return o }
            return nil
        }
        #expect(outcomes == Outcome.builtIns)
    }

    @Test func textFieldsBindNoPrintableKeys() {
        for context in [KeyContext.note, .referralEntry, .nextStep, .addProspect] {
            for binding in Keymap.bindings(in: context) {
                for case .char(let c) in binding.keys {
                    Issue.record("\(c) is bound in \(context), so it could not be typed")
                }
            }
        }
    }

    @Test func everyContextCanBeLeft() {
        for context in KeyContext.allCases where context != .queue {
            let leaves = Keymap.bindings(in: context).contains { [.back, .quit, .confirmQuit].contains($0.action) }
                || context == .call
            #expect(leaves, "\(context) has no way out")
        }
    }
}

@Suite struct FormatTests {
    @Test func durationsReadAsAClock() {
        #expect(Format.duration(0) == "0:00")
        // To the nearest second, as the review and the reports round.
        #expect(Format.duration(59.4) == "0:59")
        #expect(Format.duration(59.6) == "1:00")
        #expect(Format.duration(51.6) == "0:52")
        #expect(Format.duration(125) == "2:05")
        #expect(Format.duration(3723) == "1:02:03")
        #expect(Format.duration(-5) == "0:00")
        #expect(Format.duration(.nan) == "0:00")
    }

    @Test func daysAndTimesAreShortAndLocaleFree() {
        #expect(Format.dayAndTime(F.start, zone: F.zone) == "Mon 30 Nov 09:00")
        #expect(Format.day(CalendarDay(year: 2026, month: 12, day: 6)) == "Sun 6 Dec")
        #expect(Format.day(CalendarDay(year: 2027, month: 1, day: 4)) == "Mon 4 Jan")
    }

    @Test func fitCutsByDisplayColumnsWithAnEllipsis() {
        #expect(Format.fit("Anna de Vries", width: 20) == "Anna de Vries")
        #expect(Format.fit("Anna de Vries", width: 6) == "Anna …")
        #expect(Format.fit("北京科技有限公司", width: 7) == "北京科…")
        #expect(Format.fit("anything", width: 0) == "")
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(Format.wrap("take a breath and ask", width: 10) == ["take a", "breath and", "ask"])
        #expect(Format.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Format.wrap("one\ntwo", width: 10) == ["one", "two"])
        #expect(Format.wrap("x", width: 0).isEmpty)
    }
}
