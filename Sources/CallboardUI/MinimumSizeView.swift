/// Below the minimum size nothing else is drawn, only what is needed and how to quit.
enum MinimumSizeView {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let lines: [String]
        if state.confirmingQuit {
            lines = ["Quit?", "y quits", "n stays"]
        } else {
            lines = [
                "Too small",
                "\(rect.width)×\(rect.height)",
                "Need \(AppState.minimumWidth)×\(AppState.minimumHeight)",
                state.live != nil ? "Call still timing" : "",
                "q quits",
            ].filter { !$0.isEmpty }
        }
        let top = max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let y = rect.y + top + i
            guard y < rect.maxY else { break }
            let w = DisplayWidth.of(text: line)
            let x = rect.x + max(0, (rect.width - w) / 2)
            buffer.write(line, x: x, y: y, maxWidth: rect.maxX - x, style: Style(i == 0 ? .warn : .text, bold: i == 0))
        }
    }
}
