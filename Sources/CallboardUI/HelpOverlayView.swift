/// `?`: every key, by where it works, straight from the keymap.
enum HelpOverlayView {
    static let contexts: [KeyContext] = [
        .queue, .addProspect, .call, .note, .referralAsk, .referralEntry, .outcome, .nextStep, .followUpDraft, .followUps, .review,
    ]

    static func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("Keys — ? or Esc closes", width: area.width, height: area.height, in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        // The keys of the screen under the overlay come first, so a small terminal shows them.
        var beneath = state
        beneath.showingHelp = false
        let current = beneath.keyContext
        let ordered = contexts.filter { $0 == current } + contexts.filter { $0 != current }
        var blocks: [[(String, Style)]] = ordered.map { context in
            let highlight = context == current
            var lines: [(String, Style)] = [(context.title, Style(.accent, bold: true, underline: highlight))]
            // `?`, `q` and Esc work alike everywhere; the legend says so once.
            for binding in Keymap.bindings(in: context, outcomes: state.settings.outcomes) where ![.help, .quit, .back].contains(binding.action) {
                lines.append((pad(binding.label, 7) + binding.summary, Style(.text)))
            }
            return lines
        }
        blocks.append([
            ("Legend", Style(.accent, bold: true)),
            ("Esc    back / close", Style(.text)),
            ("q      quit (asks in a call)", Style(.text)),
            ("(21:05) their time, outside", Style(.muted)),
            ("       business hours", Style(.muted)),
            ("o: c: r: tag a note as", Style(.muted)),
            ("       organization, challenge,", Style(.muted)),
            ("       requirement", Style(.muted)),
        ])
        // Blocks flow down columns as wide as the longest line allows.
        let columns = max(1, inner.width / 30)
        let columnWidth = inner.width / columns
        var column = 0, row = 0
        for block in blocks {
            if row > 0, row + block.count > inner.height {
                column += 1
                row = 0
            }
            guard column < columns else { break }
            let rect = Rect(x: inner.x + column * columnWidth, y: inner.y, width: columnWidth - 1, height: inner.height)
            for (text, style) in block where row < inner.height {
                buffer.write(Format.fit(text, width: rect.width), in: rect.row(row), style: style)
                row += 1
            }
            row += 1
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text: text)))
    }
}
