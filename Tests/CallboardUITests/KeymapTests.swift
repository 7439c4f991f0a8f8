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
        #expect(outcomes == Outcome.allCases)
    }

    @Test func textFieldsBindNoPrintableKeys() {
        for context in [KeyContext.note, .referralEntry, .nextStep] {
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
