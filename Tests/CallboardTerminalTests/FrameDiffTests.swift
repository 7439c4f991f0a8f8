import CallboardUI
import Testing

@testable import CallboardTerminal

@Suite struct FrameDiffTests {
    @Test func firstFrameWritesEveryCell() {
        var frame = CellBuffer(width: 4, height: 2)
        frame.write("ab", x: 0, y: 0)
        #expect(FrameDiff.changes(from: nil, to: frame).count == 8)
    }

    @Test func aTickingTimerRewritesOnlyTheDigitThatChanged() {
        var before = CellBuffer(width: 20, height: 3)
        before.write("Call 00:41", x: 0, y: 1)
        var after = before
        after.write("Call 00:42", x: 0, y: 1)
        let changes = FrameDiff.changes(from: before, to: after)
        #expect(changes == [CellChange(x: 9, y: 1, cell: Cell("2"))])
    }

    @Test func anUnchangedFrameWritesNothing() {
        var frame = CellBuffer(width: 10, height: 3)
        frame.write("queue", x: 1, y: 1, style: Style(.accent, bold: true))
        #expect(FrameDiff.changes(from: frame, to: frame).isEmpty)
    }

    @Test func aStyleChangeAloneIsWritten() {
        var before = CellBuffer(width: 5, height: 1)
        before.write("x", x: 0, y: 0)
        var after = before
        after.write("x", x: 0, y: 0, style: Style(.bad))
        #expect(FrameDiff.changes(from: before, to: after).map(\.x) == [0])
    }

    @Test func aResizedFrameIsWrittenInFull() {
        let before = CellBuffer(width: 5, height: 2)
        let after = CellBuffer(width: 6, height: 2)
        #expect(FrameDiff.changes(from: before, to: after).count == 12)
    }

    @Test func wideCharactersAreWrittenOnceAndNeverTheirRightHalf() {
        let before = CellBuffer(width: 6, height: 1)
        var after = before
        after.write("中文", x: 0, y: 0)
        let changes = FrameDiff.changes(from: before, to: after)
        #expect(changes.map(\.x) == [0, 2])
        #expect(changes.map(\.cell.text) == ["中", "文"])
    }

    @Test func replacingAWideCharacterWithNarrowOnesWritesBothColumns() {
        var before = CellBuffer(width: 4, height: 1)
        before.write("中", x: 0, y: 0)
        var after = CellBuffer(width: 4, height: 1)
        after.write("ab", x: 0, y: 0)
        #expect(FrameDiff.changes(from: before, to: after).map(\.x) == [0, 1])
    }
}
