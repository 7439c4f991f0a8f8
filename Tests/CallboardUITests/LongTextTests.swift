import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// A huge paste or a huge note from the editor must not freeze the dashboard.
@Suite struct LongTextTests {
    @Test func drawingAFieldCostsWhatIsVisibleNotTheLengthOfTheText() {
        let long = TextField(String(repeating: "abcdefghij", count: 10_000) + "END", limit: 200_000)
        var buffer = CellBuffer(width: 80, height: 1)
        let started = ContinuousClock.now
        for _ in 0..<20 { DialogBox.field(long, in: Rect(x: 0, y: 0, width: 80, height: 1), into: &buffer) }
        let took = ContinuousClock.now - started
        // Measured (debug build): 20 frames of a 100,000-character field in about 50 ms, setup
        // included; re-measuring the whole text once per character took about 10 s for 1,000.
        #expect(took < .seconds(1), "\(took)")
        #expect(buffer.line(0).contains("abcdefghijEND"))
    }

    @Test func theCursorStaysVisibleInTheMiddleOfALongText() {
        let text = String(repeating: "x", count: 5_000) + "HERE" + String(repeating: "y", count: 5_000)
        let field = TextField(text, cursor: 5_004, limit: 20_000)
        var buffer = CellBuffer(width: 40, height: 1)
        DialogBox.field(field, in: Rect(x: 0, y: 0, width: 40, height: 1), into: &buffer)
        #expect(buffer.line(0).hasSuffix("xHEREy"), "\(buffer.line(0))")
    }

    @Test func aFieldTakesAtMost2000CharactersAndSaysSo() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        F.type(String(repeating: "a", count: 2_010), &state, at: 2)
        guard case .note(let field) = state.mode else {
            Issue.record("the note field closed")
            return
        }
        #expect(field.text.count == 2_000)
        #expect(state.status?.text == "Cut at 2,000 characters: a field holds no more")
        #expect(state.status?.isError == true)
    }

    @Test func aHugeNoteFromTheEditorIsCutAt20000AndSaysSo() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        F.press([.char("n")], &state, at: 1)
        _ = update(&state, .edited(.note, text: String(repeating: "word ", count: 10_000)))
        guard case .note(let field) = state.mode else {
            Issue.record("the note field closed")
            return
        }
        #expect(field.text.count == 20_000)
        #expect(state.status?.text.hasPrefix("Cut at 20,000 characters") == true)
    }

    @Test func aCombiningMarkKeepsTheCursorInsideTheText() {
        var field = TextField("e")
        _ = field.apply(.char("\u{301}"))
        _ = field.apply(.end)
        _ = field.apply(.char("x"))
        _ = field.apply(.backspace)
        #expect(field.text == "e\u{301}")
        #expect(field.cursor == 1)
    }
}
