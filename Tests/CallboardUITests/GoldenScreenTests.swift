import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// The main screens as a seller reaches them with keys and ticks, at 80×24 and 200×60,
/// compared whole with the text files in Golden/. The instants are AppFixture's (Monday
/// 30 November 2026, 09:00 in Amsterdam), so every run draws the same screens.
@Suite struct GoldenScreenTests {
    enum Screen: String, CaseIterable, Sendable {
        case queue
        case call
        case endReferralAsk = "end-referral-ask"
        case endReferrals = "end-referrals"
        case endOutcome = "end-outcome"
        case endNextStep = "end-next-step"
        case endFollowUp = "end-follow-up"
        case endFollowUpScrolled = "end-follow-up-scrolled"
        case addProspectError = "add-prospect-error"
        case followUps = "follow-ups"
        case review
        case help
        case welcome
        case tooSmall = "too-small"

        var sizes: [(width: Int, height: Int)] {
            switch self {
            case .tooSmall: [(50, 15)]
            // The dialogs at the dashboard's minimum size too, where they scroll or wrap.
            case .endFollowUp: [(60, 18), (80, 24), (200, 60)]
            case .endFollowUpScrolled: [(60, 18)]
            case .addProspectError: [(60, 18), (80, 24)]
            default: [(80, 24), (200, 60)]
            }
        }

        /// The app with this screen showing, driven there from a loaded dashboard.
        var state: AppState {
            switch self {
            case .queue, .tooSmall: return Self.queueState
            case .call: return Self.callState
            case .endReferralAsk, .endReferrals, .endOutcome, .endNextStep, .endFollowUp: return Self.ending(at: self)
            case .endFollowUpScrolled:
                // A draft longer than the dialog, edited in $EDITOR, scrolled four lines.
                var state = Self.ending(at: .endFollowUp)
                let body = (1...16).map { "Line \($0) of what we agreed." }.joined(separator: "\n")
                _ = update(&state, .edited(.followUpDraft, text: "Subject: Our call\n\nHello Anna,\n\n\(body)\n\nSam"))
                F.press([.char("j"), .char("j"), .char("j"), .down], &state, at: 210)
                return state
            case .addProspectError:
                // The store refused the line: the whole reason shows, wrapped.
                var state = F.state()
                F.press([.char("a")], &state, at: 1)
                F.type("Anna de Vries, Acme BV, +31 20 123 4567", &state, at: 2)
                F.press([.enter], &state, at: 3)
                _ = update(&state, .prospectRefused(
                    line: "Anna de Vries, Acme BV, +31 20 123 4567",
                    reason: "Anna de Vries of Acme BV is already a prospect with the same phone number, filed on 2 November; open her from the queue instead"))
                return state
            case .followUps:
                var state = FollowUpsPendingTests.state()
                F.press([.char("f")], &state, at: 1)
                return state
            case .review:
                var state = F.state()
                F.press([.char("r")], &state, at: 1)
                _ = update(&state, .reviewLoaded(ReviewScreenFixtures.state()))
                return state
            case .help:
                var state = Self.callState
                F.press([.char("?")], &state, at: 201)
                return state
            case .welcome: return F.state(prospects: [])
            }
        }

        /// Four prospects: a callback this afternoon, a referral, a new one and a voicemail
        /// to try again, which is selected (the last row), so its brief shows.
        static var queueState: AppState {
            var callback = F.bram
            callback.callbackAt = F.start.addingTimeInterval(5.5 * 3600)
            var referral = F.chen
            referral.source = .referral
            referral.referredBy = "anna"
            let dana = ReviewScreenFixtures.prospects[3]
            var state = F.state(prospects: [F.anna, callback, referral, dana])
            F.press([.char("j"), .char("j"), .char("j")], &state, at: 1)
            return state
        }

        /// The conversation of EndOfCallFlowTests (Anna talks from 10 s, I from 70 s) with a
        /// tagged note taken at 65 s; 200 s in, so the referral ask has turned prominent.
        static var callState: AppState {
            var state = F.state()
            F.press([.enter], &state, at: 0)
            F.press([.char("p")], &state, at: 10)
            F.press([.char("n")], &state, at: 60)
            F.type("c: drivers wait at the dock", &state, at: 64)
            F.press([.enter], &state, at: 65)
            F.press([.char("m")], &state, at: 70)
            _ = update(&state, .tick(F.at(200)))
            return state
        }

        /// The end-of-call steps in order, stopping at `screen`.
        static func ending(at screen: Screen) -> AppState {
            var state = callState
            F.press([.char("e")], &state, at: 200)
            if screen == .endReferralAsk { return state }
            F.press([.char("y")], &state, at: 201)
            F.type("Carla Smit, Smit BV, carla@smit.example", &state, at: 202)
            F.press([.enter], &state, at: 203)
            F.type("Dirk Bos, +31 6 1234 5678", &state, at: 204)
            if screen == .endReferrals { return state }
            F.press([.enter, .enter], &state, at: 205)
            if screen == .endOutcome { return state }
            F.press([.char("6")], &state, at: 206)
            F.type("tomorrow 10:00", &state, at: 207)
            if screen == .endNextStep { return state }
            F.press([.enter], &state, at: 208)
            return state
        }
    }

    @Test(arguments: Screen.allCases)
    func theScreenMatchesItsGoldenFile(_ screen: Screen) {
        for size in screen.sizes {
            var state = screen.state
            _ = update(&state, .resize(width: size.width, height: size.height))
            GoldenFile.check(F.screen(state), name: "\(screen.rawValue)-\(size.width)x\(size.height)")
        }
    }

    /// The comparison itself: a changed row is named with both versions and the command
    /// that accepts the new screen.
    @Test func aDifferenceShowsTheRowsAndHowToUpdate() {
        let report = GoldenFile.difference(name: "queue-80x24", expected: "a\nb\nc\n", actual: "a\nB\nc\n")
        #expect(report.contains("row 2:\n  expected |b\n  actual   |B"))
        #expect(!report.contains("row 1:") && !report.contains("row 3:"))
        #expect(report.contains("CALLBOARD_UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests"))
        let shorter = GoldenFile.difference(name: "x", expected: "a\nb\n", actual: "a\n")
        #expect(shorter.contains("It has 2 lines; the file has 3."))
    }
}
