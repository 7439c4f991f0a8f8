/// The review screen's place until the review itself is drawn here.
enum ReviewSlotView {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let inner = Frame.draw("Review", in: rect, into: &buffer, focused: true)
        guard !inner.isEmpty else { return }
        DialogBox.lines([
            ("The review of the day is coming here: talk shares, referral asks and follow-ups per call.", Style(.text)),
            ("Esc goes back to the dashboard.", Style(.muted)),
        ], in: inner, from: 1, into: &buffer)
    }
}
