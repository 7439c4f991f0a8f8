/// `a` on the queue: a prospect typed in one line, as a referral is.
enum AddProspectDialogView {
    static func draw(_ field: TextField, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Add a prospect", width: 70, height: 6, in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        DialogBox.lines([("Name, company, phone or email. Enter on an empty line closes.", Style(.muted))],
            in: inner, into: &buffer)
        DialogBox.field(field, in: inner.row(min(2, inner.height - 1)), into: &buffer)
        KeyLegend.draw(.addProspect, in: inner.row(inner.height - 1), into: &buffer)
    }
}
