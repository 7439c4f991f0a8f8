/// `a` on the queue: a prospect typed in one line, as a referral is, and why the last
/// line was not added.
enum AddProspectDialogView {
    static func draw(_ field: TextField, problem: String?, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Add a prospect", width: 70, height: 8, in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        DialogBox.lines([("Name, company, phone or email. Enter on an empty line closes.", Style(.muted))],
            in: inner, into: &buffer)
        DialogBox.field(field, in: inner.row(min(2, inner.height - 1)), into: &buffer)
        if let problem, inner.height > 4 {
            let room = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: inner.height - 4)
            DialogBox.lines([(problem, Style(.bad, bold: true))], in: room, into: &buffer)
        }
        KeyLegend.draw(.addProspect, in: inner.row(inner.height - 1), into: &buffer)
    }
}
