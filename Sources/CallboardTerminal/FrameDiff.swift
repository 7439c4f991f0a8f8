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
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        var out: [CellChange] = []
        for y in 0..<next.height {
            for x in 0..<next.width {
                let cell = next[x, y]
                if cell.isContinuation { continue }
                if full {
                    out.append(CellChange(x: x, y: y, cell: cell))
                    continue
                }
                guard let previous else { continue }
                let changed = previous[x, y] != cell
                // A wide character whose right half was overwritten must be drawn again.
                let wideNeighbourChanged =
                    x + 1 < next.width && next[x + 1, y].isContinuation && previous[x + 1, y] != next[x + 1, y]
                if changed || wideNeighbourChanged { out.append(CellChange(x: x, y: y, cell: cell)) }
            }
        }
        return out
    }
}
