/// `?`: every key, by where it works, straight from the keymap. It scrolls when it does
/// not fit, and says so; during a call it leaves the talk and referral panels in view.
enum HelpOverlayView {
    static let contexts: [KeyContext] = [
        .queue, .addProspect, .call, .note, .referralAsk, .referralEntry, .outcome, .nextStep, .followUpDraft, .followUps,
        .review, .help,
    ]
    static let title = "Keys — ? or Esc closes"

    /// The lines of the overlay laid out for its inside: columns, the rows they take, and
    /// the rows in view at once.
    struct Layout {
        var columns: [[(String, Style)]]
        var columnWidth: Int
        var contentHeight: Int
        var viewport: Int
        var maxScroll: Int { max(0, contentHeight - viewport) }
    }

    /// Where the overlay goes: the whole body, or during a call the left column only.
    static func area(_ state: AppState, body: Rect) -> Rect {
        guard state.live != nil else { return body }
        let layout = DashboardLayout(body)
        return Rect(x: body.x, y: body.y, width: layout.queue.width, height: body.height)
    }

    /// The body of the screen the state is drawn in, as `render` splits it.
    static func body(of state: AppState) -> Rect {
        let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
        return screen.splitBottom(StatusLineView.height(state, width: state.width)).0
    }

    static func layout(_ state: AppState, inner: Rect) -> Layout {
        var blocks = self.blocks(state)
        let total = blocks.reduce(0) { $0 + $1.count + 1 } - 1
        let count = max(1, inner.width / 30)
        let fitsWhole = total <= inner.height * count
        let viewport = max(1, fitsWhole ? inner.height : inner.height - 1)
        // Columns of about equal height, a block never split across two.
        let target = max(viewport, (total + count - 1) / count)
        var columns: [[(String, Style)]] = [[]]
        for block in blocks.indices {
            let current = columns[columns.count - 1]
            if !current.isEmpty, current.count + 1 + blocks[block].count > target, columns.count < count {
                columns.append([])
            }
            if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append(("", Style(.text))) }
            columns[columns.count - 1] += blocks[block]
        }
        blocks = []
        let height = columns.map(\.count).max() ?? 0
        return Layout(columns: columns, columnWidth: inner.width / count, contentHeight: height, viewport: viewport)
    }

    static func inner(_ state: AppState) -> Rect { area(state, body: body(of: state)).inset(by: 1) }

    /// The rows one page moves.
    static func pageHeight(_ state: AppState) -> Int { max(1, layout(state, inner: inner(state)).viewport - 1) }

    /// How far the overlay scrolls before its last line is in view.
    static func maxScroll(_ state: AppState) -> Int { layout(state, inner: inner(state)).maxScroll }

    /// The sections: the keys of the screen under the overlay first, then the others.
    static func blocks(_ state: AppState) -> [[(String, Style)]] {
        var beneath = state
        beneath.showingHelp = false
        let current = beneath.keyContext
        let ordered = contexts.filter { $0 == current } + contexts.filter { $0 != current }
        var blocks: [[(String, Style)]] = ordered.compactMap { context in
            let highlight = context == current
            var lines: [(String, Style)] = [(context.title, Style(.accent, bold: true, underline: highlight))]
            // `?`, `q` and Esc work alike everywhere; the legend says so once.
            for binding in Keymap.bindings(in: context, outcomes: state.settings.outcomes) where ![.help, .quit, .back].contains(binding.action) {
                lines.append((pad(binding.label, 7) + binding.summary, Style(.text)))
            }
            return lines.count > 1 ? lines : nil
        }
        blocks.append([
            ("Legend", Style(.accent, bold: true)),
            ("Esc    back / close", Style(.text)),
            ("q      quit (asks in a call)", Style(.text)),
            ("m p Space s a A  act over help and", Style(.text)),
            ("       dialogs during a call", Style(.text)),
            ("(21:05) their time, outside", Style(.muted)),
            ("       business hours", Style(.muted)),
            ("o: c: r: tag a note as", Style(.muted)),
            ("       organization, challenge,", Style(.muted)),
            ("       requirement", Style(.muted)),
        ])
        return blocks
    }

    static func draw(_ state: AppState, in body: Rect, into buffer: inout CellBuffer) {
        let area = area(state, body: body)
        let inner = DialogBox.draw(title, width: area.width, height: area.height, in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let layout = layout(state, inner: inner)
        let scroll = min(state.helpScroll, layout.maxScroll)
        for (c, column) in layout.columns.enumerated() {
            let rect = Rect(x: inner.x + c * layout.columnWidth, y: inner.y, width: layout.columnWidth - 1, height: layout.viewport)
            for (row, line) in column.dropFirst(scroll).prefix(layout.viewport).enumerated() {
                buffer.write(Format.fit(line.0, width: rect.width), in: rect.row(row), style: line.1)
            }
        }
        guard layout.maxScroll > 0 else { return }
        let below = layout.contentHeight - scroll - layout.viewport
        let hint: String
        if below > 0 {
            hint = "↓ \(below) more line\(below == 1 ? "" : "s"): j/↓, PgDn" + (scroll > 0 ? " · ↑ k, PgUp" : "")
        } else {
            hint = "End of the keys · ↑ k/↑, PgUp"
        }
        buffer.write(Format.fit(hint, width: inner.width), in: inner.row(inner.height - 1), style: Style(.warn, bold: true))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text: text)))
    }
}
