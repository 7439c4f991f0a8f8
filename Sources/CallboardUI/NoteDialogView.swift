/// `n`: a one-line note over the live call; a prefix tags it for the prospect's world.
enum NoteDialogView {
    static func draw(_ field: TextField, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Note", width: 70, height: 6, in: Rect(x: area.x, y: area.maxY - 8, width: area.width, height: 8), into: &buffer)
        guard !inner.isEmpty else { return }
        DialogBox.lines([("o: organization · c: challenge · r: requirement · g: name to greet them by · plain text: a call note", Style(.muted))],
            in: inner, into: &buffer)
        DialogBox.field(field, in: inner.row(min(2, inner.height - 1)), into: &buffer)
        KeyLegend.draw(.note, in: inner.row(inner.height - 1), into: &buffer)
    }
}

/// The keys of a dialog, from the keymap: on as many rows as its essential keys need, so
/// none is cut on a narrow screen; a key that is not essential takes room only where it
/// fits on a row already there.
enum KeyLegend {
    /// The bindings on each row at `width`.
    static func rows(_ context: KeyContext, width: Int) -> [[KeyBinding]] {
        var rows: [[KeyBinding]] = [[]]
        var used = 0
        for binding in Keymap.bindings(in: context) where binding.action != .help && binding.action != .quit {
            // Outcome keys are listed in the dialog itself.
            if case .chooseOutcome = binding.action { continue }
            let text = DisplayWidth.of(text: "\(binding.label) \(binding.summary)")
            if used + text <= width {
                rows[rows.count - 1].append(binding)
                used += text + 3
            } else if binding.isEssential, !(rows.last?.isEmpty ?? true) {
                rows.append([binding])
                used = text + 3
            }
        }
        return rows
    }

    /// Rows the legend of `context` takes at `width`.
    static func height(_ context: KeyContext, width: Int) -> Int { rows(context, width: width).count }

    static func draw(_ context: KeyContext, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        for (y, bindings) in rows(context, width: rect.width).prefix(rect.height).enumerated() {
            let row = rect.row(y)
            var x = row.x
            for binding in bindings {
                x += buffer.write(binding.label, x: x, y: row.y, maxWidth: row.maxX - x, style: Style(.statusKey, bold: true))
                x += buffer.write(" \(binding.summary)   ", x: x, y: row.y, maxWidth: row.maxX - x, style: Style(.muted))
            }
        }
    }
}
