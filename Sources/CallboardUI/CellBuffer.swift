import Foundation

/// A rectangle of cells, in columns and rows. All arithmetic clamps, so a layout on a
/// 1×1 terminal yields empty rectangles, never negative ones.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle less `n` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// Splits off the top `rows` rows: (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: r),
            Rect(x: x, y: y + r, width: width, height: height - r)
        )
    }

    /// Splits off the bottom `rows` rows: (rest, bottom).
    public func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - r),
            Rect(x: x, y: y + height - r, width: width, height: r)
        )
    }

    /// Splits off the left `columns` columns: (left, rest).
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: c, height: height),
            Rect(x: x + c, y: y, width: width - c, height: height)
        )
    }

    /// One row of this rectangle, or an empty rectangle past its end.
    public func row(_ i: Int) -> Rect {
        guard i >= 0, i < height else { return Rect(x: x, y: y + height, width: 0, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }
}

/// What a cell means, not its colour: the theme maps roles to colours, so the same view
/// works in every theme and in monochrome.
public enum ColorRole: String, Hashable, CaseIterable, Sendable, Codable {
    case text, muted, accent, title, border, selection, me, prospect, silence
    case good, warn, bad, status, statusKey, overlay
}

/// The look of a cell.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        _ role: ColorRole = .text, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
        underline: Bool = false
    ) {
        self.role = role
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell: a single grapheme cluster of display width 1 or 2. The cell to the
/// right of a wide character holds `continuation` and is never drawn on its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

/// The screen as values. Views draw into it; the terminal backend diffs two of them and
/// writes only the cells that changed.
public struct CellBuffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Whether a wide character's right half was ever written; without one there is
    /// nothing for `repairWideCharacters` to do.
    private var holdsWideCharacters = false

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            if newValue.isContinuation { holdsWideCharacters = true }
            cells[y * width + x] = newValue
        }
    }

    /// Equal when they show the same cells; how they were drawn does not count.
    public static func == (a: CellBuffer, b: CellBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.clipped(to: bounds)
        guard !clipped.isEmpty else { return }
        if cell.isContinuation { holdsWideCharacters = true }
        let width = self.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in clipped.y..<clipped.maxY {
                let row = y * width
                for index in (row + clipped.x)..<(row + clipped.maxX) { cells[index] = cell }
            }
        }
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns and to the buffer, and returns
    /// the number of columns used. Text is sanitised: control characters never reach a
    /// cell. A wide character that would not fit whole is left out.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        if let written = writeASCII(text, x: x, y: y, limit: limit, style: style) { return written }
        var column = 0
        for grapheme in SafeText.graphemes(text) {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            if column + w > limit { break }
            let cx = x + column
            if cx >= 0 {
                // Starting on the right half of an earlier wide character blanks its left.
                if column == 0, self[cx, y].isContinuation, cx > 0 {
                    self[cx - 1, y] = Cell(" ", style: self[cx - 1, y].style)
                }
                self[cx, y] = Cell(grapheme, style: style)
                if w == 2 { self[cx + 1, y] = Cell(Cell.continuation.text, style: style) }
            }
            column += w
        }
        // A wide character's right half left behind after the text is blanked too.
        let end = x + column
        if end > 0, self[end, y].isContinuation { self[end, y] = Cell(" ", style: self[end, y].style) }
        return column
    }

    /// Blanks the halves of wide characters that lost their other half: a frame or a
    /// dialog drawn over one leaves a left half with nothing after it, or a right half with
    /// no left, and a terminal would draw the character across whatever is there now.
    public mutating func repairWideCharacters() {
        let width = self.width
        guard width > 0, holdsWideCharacters else { return }
        cells.withUnsafeMutableBufferPointer { cells in
            for row in stride(from: 0, to: cells.count, by: width) {
                var previousIsWide = false
                for index in row..<(row + width) {
                    let cell = cells[index]
                    if cell.isContinuation {
                        if !previousIsWide { cells[index] = Cell(" ", style: cell.style) }
                        previousIsWide = false
                        continue
                    }
                    let utf8 = cell.text.utf8
                    let isWide = !(utf8.count == 1 && utf8.first.map { $0 < 0x80 } == true) && DisplayWidth.of(cell.text) == 2
                    if isWide, index + 1 >= row + width || !cells[index + 1].isContinuation {
                        cells[index] = Cell(" ", style: cell.style)
                        previousIsWide = false
                        continue
                    }
                    previousIsWide = isWide
                }
            }
        }
    }

    /// Printable ASCII, most of any screen, written a byte a cell with no grapheme
    /// breaking; nil for any other text.
    private mutating func writeASCII(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let count = min(utf8.count, limit)
        let width = self.width
        let row = y * width
        cells.withUnsafeMutableBufferPointer { cells in
            var column = 0
            for byte in utf8.prefix(count) {
                let cx = x + column
                column += 1
                guard cx >= 0 else { continue }
                // Starting on the right half of an earlier wide character blanks its left.
                if cx == max(0, x), cells[row + cx].isContinuation, cx > 0 {
                    cells[row + cx - 1] = Cell(" ", style: cells[row + cx - 1].style)
                }
                cells[row + cx] = Cell(Self.asciiText[Int(byte - 0x20)], style: style)
            }
            // A wide character's right half left behind after the text is blanked too.
            let end = x + count
            if end < width, end > 0, cells[row + end].isContinuation {
                cells[row + end] = Cell(" ", style: cells[row + end].style)
            }
        }
        return count
    }

    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Writes text into a one-row rectangle, padded with spaces to its full width.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
        guard !rect.isEmpty else { return 0 }
        let used = write(text, x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        if used < rect.width {
            fill(Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1), with: Cell(" ", style: style))
        }
        return used
    }

    /// The rows as plain strings, wide characters once, trailing spaces kept. For tests
    /// and text captures.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// Row `y` as text without trailing spaces.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = lines[y]
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole buffer as text, one row a line, trailing spaces trimmed.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }

    /// Whether any row contains `needle`.
    public func contains(_ needle: String) -> Bool { lines.contains { $0.contains(needle) } }
}

extension Rect {
    public func clipped(to other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// Columns a string takes on a terminal, by `wcwidth`, so CJK and emoji stay aligned.
public enum DisplayWidth {
    /// Width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ grapheme: String) -> Int {
        // Printable ASCII, most of any screen, is one column.
        if grapheme.utf8.count == 1, let byte = grapheme.utf8.first, byte >= 0x20, byte < 0x7F { return 1 }
        // Measured as drawn: the first character of the cluster decides (see SafeText.drawable).
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        // So is any cluster that starts with a printable ASCII or Latin letter.
        if SafeText.isPlainLatin(first) { return 1 }
        if first.properties.isEmojiPresentation { return 2 }
        let w = Int(systemWCWidth(Int32(bitPattern: first.value)))
        return w < 0 ? 1 : min(w, 2)
    }

    /// Width of a whole string after sanitising.
    public static func of(text: String) -> Int {
        // Printable ASCII, most names and every label: a column a byte; plain Latin
        // letters a column each.
        if SafeText.isPrintableASCII(text) { return text.utf8.count }
        if SafeText.isPlainLatin(text) { return text.unicodeScalars.count }
        return SafeText.graphemes(text).reduce(0) { $0 + of($1) }
    }
}

/// The C library's `wcwidth`. Glibc's module map hides it behind `_XOPEN_SOURCE`, so it is
/// bound by name; `wchar_t` is a 32-bit int on every platform this runs on.
@_silgen_name("wcwidth")
private func systemWCWidth(_ character: Int32) -> Int32
