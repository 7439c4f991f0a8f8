import Foundation

@testable import CallboardUI

extension CellBuffer {
    /// The first row whose text contains `needle`.
    func row(containing needle: String) -> Int? {
        lines.firstIndex { $0.contains(needle) }
    }

    /// The display column where `needle` starts on row `y`, counting a wide character as
    /// two columns.
    func column(of needle: String, row y: Int) -> Int? {
        let chars = Array(needle)
        guard !chars.isEmpty else { return nil }
        for x in 0..<width {
            var cx = x, matched = 0
            while matched < chars.count, cx < width {
                let cell = self[cx, y]
                if cell.isContinuation { cx += 1; continue }
                guard cell.text == String(chars[matched]) else { break }
                matched += 1
                cx += 1
            }
            if matched == chars.count { return x }
        }
        return nil
    }

    /// The style of the cell where `needle` starts.
    func style(of needle: String) -> Style? {
        guard let y = row(containing: needle), let x = column(of: needle, row: y) else { return nil }
        return self[x, y].style
    }

    /// Whether any cell holds a control character that a terminal would act on.
    var holdsControlCharacters: Bool {
        cells.contains { cell in
            cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        }
    }
}

import Testing

/// Records which text is missing, with the screen as text rather than as cells.
func expectShows(_ screen: CellBuffer, _ needles: String..., sourceLocation: SourceLocation = #_sourceLocation) {
    for needle in needles where !screen.contains(needle) {
        Issue.record("“\(needle)” is not on screen:\n\(screen.text)", sourceLocation: sourceLocation)
    }
}

func expectHides(_ screen: CellBuffer, _ needles: String..., sourceLocation: SourceLocation = #_sourceLocation) {
    for needle in needles where screen.contains(needle) {
        Issue.record("“\(needle)” should not be on screen:\n\(screen.text)", sourceLocation: sourceLocation)
    }
}
