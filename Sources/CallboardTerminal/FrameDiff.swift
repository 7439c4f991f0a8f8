import CallboardUI

/// One cell to write: where, and what.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// Which cells to write to turn the previous frame into the next one. Writing only these
/// keeps a ticking timer at a few bytes a second instead of a full repaint.
public enum FrameDiff {
    /// The cells of `next` that differ from `previous`, row by row, left to right. With no
    /// previous frame, or one of another size, every cell is written. Continuation cells
    /// are never written: the wide character to their left draws them.
    public static func changes(from previous: CellBuffer?, to next: CellBuffer) -> [CellChange] {
        let width = next.width
        guard let previous, previous.width == width, previous.height == next.height else {
            return next.cells.enumerated().compactMap { index, cell in
                cell.isContinuation ? nil : CellChange(x: index % max(1, width), y: index / max(1, width), cell: cell)
            }
        }
        var out: [CellChange] = []
        // Straight over both arrays: this runs for every key and every tick.
        next.cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for y in 0..<next.height {
                    let row = y * width
                    for x in 0..<width {
                        let cell = now[row + x]
                        if cell.isContinuation { continue }
                        let changed = before[row + x] != cell
                        // A wide character whose right half was overwritten must be drawn again.
                        let wideNeighbourChanged =
                            x + 1 < width && now[row + x + 1].isContinuation && before[row + x + 1] != now[row + x + 1]
                        if changed || wideNeighbourChanged { out.append(CellChange(x: x, y: y, cell: cell)) }
                    }
                }
            }
        }
        return out
    }
}
