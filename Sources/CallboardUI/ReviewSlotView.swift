/// The review screen while the store reads the day.
enum ReviewSlotView {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let inner = Frame.draw("Review", in: rect, into: &buffer, focused: true)
        guard !inner.isEmpty else { return }
        DialogBox.lines([
            ("Reading the day's calls for the review…", Style(.text)),
            ("Esc goes back to the dashboard.", Style(.muted)),
        ], in: inner, from: 1, into: &buffer)
    }
}
