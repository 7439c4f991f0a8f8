import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Messages in the status area are read whole on an 80-column terminal: short words, and
/// a second line when one is not enough.
@Suite struct StatusMessageTests {
    /// The bottom two rows as one line of text, spaces squeezed.
    static func statusArea(_ screen: CellBuffer) -> String {
        screen.lines.suffix(2).joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    static func expectWhole(_ state: AppState, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(state.status?.text == message, sourceLocation: sourceLocation)
        let screen = F.screen(state, width: 80, height: 24)
        let shown = statusArea(screen)
        #expect(shown.contains(message), "status area at 80 columns: \(shown)", sourceLocation: sourceLocation)
        #expect(!shown.contains("…"), sourceLocation: sourceLocation)
    }

    @Test func theSendRefusalsFitAt80Columns() {
        var state = EndOfCallFlowTests.conversation(canSend: false)
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        F.press([.char("S")], &state, at: 101)
        Self.expectWhole(state, "No send command set up: Enter writes the email to outbox/")

        var noEmail = F.anna
        noEmail.email = "anna at acme"
        state = EndOfCallFlowTests.conversation(prospects: [noEmail])
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        F.press([.char("S")], &state, at: 101)
        Self.expectWhole(state, "\"anna at acme\" is not a usable email address. Enter writes it to outbox/")
    }

    @Test func theResumedMessageFitsAt80Columns() {
        var state = CrashRecoveryTests.offered(width: 80)
        F.press([.char("r")], &state, at: 501)
        Self.expectWhole(state, "Call with Anna de Vries resumed, on hold: m or p talks")
    }

    @Test func aMessageBesideLongDayFiguresTakesTheWholeLine() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("y")], &state, at: 100)
        F.type("Carla Smit, carla@smit.example", &state, at: 101)
        F.press([.enter, .enter, .char("8"), .enter], &state, at: 102)
        let effects = F.press([.enter], &state, at: 103)
        guard case .fileCall(let call, _, _)? = effects.first else { return }
        EndOfCallFlowTests.saved(effects, &state)
        #expect(state.pendingFollowUps.count == 1, "the figures on the right grow with a follow-up to send")
        Self.expectWhole(
            state,
            "Saved the call with Anna de Vries; 1 referral added for tomorrow; thank-you email ready to send: "
                + "outbox/\(call.id).eml")
    }

    @Test func aFailedSendSaysTheDraftStaysPendingOverTwoLines() throws {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 100)
        EndOfCallFlowTests.saved(F.press([.char("S")], &state, at: 101), &state)
        let call = try #require(state.pendingFollowUps.first?.call)
        _ = update(&state, .sendFailed(
            call.id, reason: "the send command exited with status 1 (msmtp: cannot connect to smtp.example.com, port 587)"))
        let message = "Not sent. The send command exited with status 1 (msmtp: cannot connect to "
            + "smtp.example.com, port 587). The draft stays in outbox/ as pending."
        Self.expectWhole(state, message)
        let screen = F.screen(state, width: 80, height: 24)
        #expect(screen.line(22).hasPrefix("Not sent."), "two lines of status:\n\(screen.text)")
        #expect(screen.style(of: "Not sent.")?.role == .bad)
        #expect(state.pendingFollowUps.map(\.call.id) == [call.id], "still pending")
    }

    @Test func aReasonThatIsASentenceReadsAsOne() throws {
        var state = F.state()
        _ = update(&state, .sendFailed("anna@1", reason: "The prospect has no email address, so the follow-up was kept as a draft."))
        #expect(state.status?.text
            == "Not sent. The prospect has no email address, so the follow-up was kept as a draft. The draft stays in outbox/ as pending.")
    }

    @Test func aMessageLongerThanTwoLinesIsCutAtTheSecond() {
        var state = F.state()
        _ = update(&state, .failed(String(repeating: "disk full ", count: 30)))
        let screen = F.screen(state, width: 80, height: 24)
        #expect(screen.line(22).hasPrefix("disk full disk full"))
        #expect(screen.line(23).hasSuffix("…"))
    }
}

/// Every length on screen is rounded the same way, to the nearest second.
@Suite struct DurationOnScreenTests {
    @Test func aCallOf51Point6SecondsReads0Colon52() {
        var state = F.state()
        F.press([.enter, .char("p")], &state, at: 0)
        _ = update(&state, .tick(F.at(51.6)))
        expectShows(F.screen(state), "Anna de Vries · cold call · 0:52", "They are talking · 0:52")
    }
}

extension StatusMessageTests {
    /// A message that just fits beside the day's figures keeps clear of them: it ends, then
    /// at least three blank columns, then the figures.
    @Test func aMessageBesideTheFiguresKeepsAGapBeforeThem() {
        var state = F.state(width: 80, height: 24)
        let right = StatusLineView.right(state)
        for length in 40...80 {
            state.status = StatusMessage(String(repeating: "m", count: length))
            let line = F.screen(state).lines.last ?? ""
            guard line.hasSuffix(right), line.contains("m") else { continue }
            let beforeFigures = line.dropLast(right.count)
            let gap = beforeFigures.reversed().prefix { $0 == " " }.count
            #expect(gap >= 3, "a message of \(length) letters: \(line)")
        }
    }
}
