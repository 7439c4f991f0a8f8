/// A panel's border with its title; the panel draws inside what is left.
enum Frame {
    /// Draws the border and returns the inner rectangle (empty when the rect is too small).
    @discardableResult
    static func draw(
        _ title: String, in rect: Rect, into buffer: inout CellBuffer, focused: Bool = false,
        border: ColorRole? = nil
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            buffer.fill(rect)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let line = Style(border ?? (focused ? .accent : .border), bold: focused)
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            buffer[x, rect.y] = Cell("─", style: line)
            buffer[x, bottom] = Cell("─", style: line)
        }
        for y in rect.y...bottom {
            buffer[rect.x, y] = Cell("│", style: line)
            buffer[right, y] = Cell("│", style: line)
        }
        buffer[rect.x, rect.y] = Cell("┌", style: line)
        buffer[right, rect.y] = Cell("┐", style: line)
        buffer[rect.x, bottom] = Cell("└", style: line)
        buffer[right, bottom] = Cell("┘", style: line)
        if rect.width > 4 {
            let titleStyle = Style(border ?? (focused ? .accent : .title), bold: true)
            buffer.write(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, style: titleStyle)
        }
        let inner = rect.inset(by: 1)
        buffer.fill(inner)
        return inner
    }
}
