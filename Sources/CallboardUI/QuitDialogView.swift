/// The question before quitting with a live call or follow-ups still to send.
enum QuitDialogView {
    static func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Quit?", width: 56, height: 8, in: area, into: &buffer, border: .warn)
        guard !inner.isEmpty else { return }
        var texts: [(String, Style)] = []
        if let live = state.live {
            texts.append(("The call with \(live.prospect.name) is live. It is kept and offered again next time.", Style(.warn, bold: true)))
        }
        if let checkpoint = state.recoveredCall {
            let name = state.prospect(of: checkpoint).name
            texts.append(("The call with \(name) is not saved yet. It is kept and offered again next time.", Style(.warn, bold: true)))
        }
        let counts = state.followUpCounts(today: true)
        if let phrase = AppState.followUpPhrase(counts) {
            let whereTheyAre = counts.ready + counts.noRecipient > 0 ? " Written ones wait in \(state.outboxPath(""))." : ""
            texts.append(("From today: \(phrase), not sent.\(whereTheyAre)", Style(.warn, bold: true)))
        }
        texts.append(("y quit · n or Esc stay", Style(.text)))
        DialogBox.lines(texts, in: inner, into: &buffer)
    }
}
