/// `n`: a one-line note over the live call; a prefix tags it for the prospect's world.
enum NoteDialogView {
    static func draw(_ field: TextField, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Note", width: 70, height: 6, in: Rect(x: area.x, y: area.maxY - 8, width: area.width, height: 8), into: &buffer)
        guard !inner.isEmpty else { return }
        DialogBox.lines([("o: organization · c: challenge · r: requirement · plain text: a call note", Style(.muted))],
            in: inner, into: &buffer)
        DialogBox.field(field, in: inner.row(min(2, inner.height - 1)), into: &buffer)
        KeyLegend.draw(.note, in: inner.row(inner.height - 1), into: &buffer)
    }
}

/// The keys of a dialog on one line, from the keymap.
enum KeyLegend {
    static func draw(_ context: KeyContext, in row: Rect, into buffer: inout CellBuffer) {
        guard !row.isEmpty else { return }
        var x = row.x
        for binding in Keymap.bindings(in: context) where binding.action != .help && binding.action != .quit {
            // Outcome keys are listed in the dialog itself.
            if case .chooseOutcome = binding.action { continue }
            let text = "\(binding.label) \(binding.summary)"
            guard x + DisplayWidth.of(text: text) <= row.maxX else { break }
            x += buffer.write(binding.label, x: x, y: row.y, style: Style(.statusKey, bold: true))
            x += buffer.write(" \(binding.summary)   ", x: x, y: row.y, maxWidth: row.maxX - x, style: Style(.muted))
        }
    }
}
