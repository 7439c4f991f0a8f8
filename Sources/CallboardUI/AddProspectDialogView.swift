/// `a` on the queue: a prospect typed in one line, as a referral is, and why the last
/// line was not added.
enum AddProspectDialogView {
    static func draw(_ field: TextField, problem: String?, in area: Rect, into buffer: inout CellBuffer) {
        let help = "Name, company, phone or email. Enter on an empty line closes."
        // As tall as the help, the field, the whole problem and the keys need: a problem is
        // wrapped, never cut mid-sentence.
        let width = min(70, area.width)
        let textWidth = max(1, width - 2)
        let helpRows = Format.wrap(help, width: textWidth).count
        let problemRows = problem.map { Format.wrap($0, width: textWidth).count } ?? 0
        let legendRows = KeyLegend.height(.addProspect, width: textWidth)
        let height = 2 + helpRows + 2 + (problemRows > 0 ? problemRows + 1 : 1) + legendRows
        let inner = DialogBox.draw("Add a prospect", width: width, height: max(8, height), in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let (content, legend) = inner.splitBottom(min(legendRows, max(0, inner.height - 1)))
        let fieldRow = min(helpRows + 1, content.height - 1)
        DialogBox.lines([(help, Style(.muted))], in: Rect(x: content.x, y: content.y, width: content.width, height: max(0, fieldRow - 1)),
            into: &buffer)
        DialogBox.field(field, in: content.row(max(0, fieldRow)), into: &buffer)
        if let problem, content.height > fieldRow + 2 {
            let room = Rect(x: content.x, y: content.y + fieldRow + 2, width: content.width,
                            height: content.height - fieldRow - 2)
            DialogBox.lines([(problem, Style(.bad, bold: true))], in: room, into: &buffer)
        }
        KeyLegend.draw(.addProspect, in: legend, into: &buffer)
    }
}
