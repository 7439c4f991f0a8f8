import CallboardCore
import Foundation

/// The live talk ratio: how long, who talks, how my share sits against the target band,
/// and a nudge when I have held the floor too long.
enum TalkPanelView {
    struct Row {
        var priority: Int
        var draw: (Rect, inout CellBuffer) -> Void
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let inner = Frame.draw("Talk", in: rect, into: &buffer, focused: state.focus == .talk)
        guard !inner.isEmpty else { return }
        guard let live = state.live, let now = state.now else {
            idle(state, in: inner, into: &buffer)
            return
        }
        let figures = live.figures(at: now.monotonic)
        let onHold = figures.isOnHold || { if case .endOfCall = state.mode { return true } else { return false } }()
        var rows: [Row] = []
        rows.append(Row(priority: 0) { r, b in
            // The timer waits for the answer: a ringing phone is not a call yet.
            let head = live.isRinging ? "\(live.prospect.name) · ringing…" : "\(live.prospect.name) · \(Format.duration(figures.elapsed))"
            let used = b.write(Format.fit(head, width: r.width), x: r.x, y: r.y, maxWidth: r.width, style: Style(.title, bold: true))
            if onHold { b.write("  on hold", x: r.x + used, y: r.y, maxWidth: r.width - used, style: Style(.muted)) }
        })
        rows.append(Row(priority: 5) { _, _ in })
        rows.append(Row(priority: 1) { r, b in bar(figures, in: r, into: &b) })
        rows.append(Row(priority: 4) { r, b in bar(figures, in: r, into: &b) })
        // A bigger bar when the panel has room: it is read from across the desk.
        for _ in 0..<3 { rows.append(Row(priority: 6) { r, b in bar(figures, in: r, into: &b) }) }
        rows.append(Row(priority: 3) { r, b in band(figures.targets, in: r, into: &b) })
        rows.append(Row(priority: 1) { r, b in shares(figures, in: r, into: &b) })
        rows.append(Row(priority: 5) { _, _ in })
        rows.append(Row(priority: 2) { r, b in
            b.write(Format.fit(floor(figures), width: r.width), in: r, style: Style(floorRole(figures.speaker)))
        })
        rows.append(Row(priority: 3) { r, b in
            b.write(Format.fit("My longest monologue \(Format.duration(figures.longestMonologue))", width: r.width),
                in: r, style: Style(.muted))
        })
        rows.append(Row(priority: 3) { r, b in
            b.write(Format.fit("Their longest story \(Format.duration(figures.longestStory))", width: r.width),
                in: r, style: Style(.muted))
        })
        rows.append(Row(priority: 4) { r, b in
            // Before anyone is marked the silence is the call's own time, already in the
            // first row: a second figure ticking beside it would say nothing new.
            var text = "Switches/min \(Format.oneDecimal(figures.switchesPerMinute))"
            if figures.speaker != nil { text += " · silence \(Format.duration(figures.silence))" }
            b.write(Format.fit(text, width: r.width), in: r, style: Style(.muted))
        })
        rows.append(Row(priority: 5) { _, _ in })
        rows.append(Row(priority: 1) { r, b in nudge(figures, line: 0, in: r, into: &b) })
        rows.append(Row(priority: 2) { r, b in nudge(figures, line: 1, in: r, into: &b) })
        layout(rows, in: inner, into: &buffer)
    }

    /// Draws as many rows as fit, dropping the least important first, in their order.
    static func layout(_ rows: [Row], in rect: Rect, into buffer: inout CellBuffer) {
        var kept = rows.indices.sorted { (rows[$0].priority, $0) < (rows[$1].priority, $1) }
        kept = Array(kept.prefix(rect.height)).sorted()
        for (line, index) in kept.enumerated() { rows[index].draw(rect.row(line), &buffer) }
    }

    static func idle(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        var lines = ["No call in progress."]
        if let next = state.blockNext, let left = state.now.flatMap({ state.block?.countdownLeft(at: $0.monotonic) }) {
            let paused = { if case .paused = state.block?.phase { return true } else { return false } }()
            lines = [paused ? "Calling block paused." : "Calling block: next call in \(left) s.", "Next: \(next.prospect.name)."]
        } else if let next = state.selectedEntry {
            lines.append("Enter calls \(next.prospect.name).")
        }
        lines.append("Then: m I talk · p they talk · Space switch · s hold.")
        let wrapped = lines.flatMap { Format.wrap($0, width: rect.width) }
        for (i, line) in wrapped.prefix(rect.height).enumerated() {
            buffer.write(line, in: rect.row(i), style: Style(i == 0 ? .muted : .text))
        }
    }

    /// My share from the left, the prospect's from the right; grey before anyone spoke.
    static func bar(_ figures: TalkFigures, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let share = figures.myShare else {
            buffer.fill(rect, with: Cell("░", style: Style(.silence)))
            return
        }
        let mine = Int((share * Double(rect.width)).rounded())
        for i in 0..<rect.width {
            let isMine = i < mine
            buffer[rect.x + i, rect.y] = Cell(isMine ? "█" : "▒", style: Style(isMine ? .me : .prospect))
        }
    }

    /// The target band under the bar: fine up to the target, a warning up to the warning
    /// share, too much beyond.
    static func band(_ targets: TalkTargets, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let target = Int((targets.targetShare * Double(rect.width)).rounded())
        let warn = Int((targets.warnShare * Double(rect.width)).rounded())
        for i in 0..<rect.width {
            let role: ColorRole = i < target ? .good : (i < warn ? .warn : .bad)
            let mark = i == target || i == warn ? "┴" : "─"
            buffer[rect.x + i, rect.y] = Cell(mark, style: Style(role))
        }
    }

    static func shares(_ figures: TalkFigures, in rect: Rect, into buffer: inout CellBuffer) {
        guard let share = figures.myShare else {
            buffer.write("Nobody has spoken yet", in: rect, style: Style(.muted))
            return
        }
        let verdict: ColorRole = switch figures.verdict {
        case .onTarget, .noTalkYet: .good
        case .aboveTarget: .warn
        case .wellAboveTarget: .bad
        }
        let left = "me \(Format.percent(share))"
        let middle = "target ≤ \(Format.percent(figures.targets.targetShare))"
        let right = "prospect \(Format.percent(1 - share))"
        var x = rect.x
        x += buffer.write(left, x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(verdict, bold: true))
        let gap = max(1, (rect.width - DisplayWidth.of(text: left + middle + right)) / 2)
        if rect.maxX - x > gap + DisplayWidth.of(text: middle + right) {
            x += gap
            x += buffer.write(middle, x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
        }
        let rightX = max(x + 1, rect.maxX - DisplayWidth.of(text: right))
        buffer.write(right, x: rightX, y: rect.y, maxWidth: rect.maxX - rightX, style: Style(.prospect, bold: true))
    }

    static func floor(_ figures: TalkFigures) -> String {
        if figures.isOnHold { return "On hold" }
        switch figures.speaker {
        case .me?: return "I am talking · \(Format.duration(figures.floorSeconds))"
        case .prospect?: return "They are talking · \(Format.duration(figures.floorSeconds))"
        case .silence?: return "Silence · \(Format.duration(figures.floorSeconds))"
        case nil: return "Nobody marked yet: p when they talk, m when you do"
        }
    }

    static func floorRole(_ speaker: Speaker?) -> ColorRole {
        switch speaker {
        case .me?: .me
        case .prospect?: .prospect
        default: .muted
        }
    }

    /// A nudge after a minute of my own talk, stronger after two; calm when they speak.
    /// It may take two rows, so it is never cut in a narrow panel.
    static func nudge(_ figures: TalkFigures, line: Int, in rect: Rect, into buffer: inout CellBuffer) {
        let talked = Format.duration(figures.floorSeconds)
        let text: String
        let style: Style
        switch figures.nudge {
        case .strong:
            text = "✋ \(talked) of you talking. Stop and ask them a question."
            style = Style(.bad, bold: true, reverse: true)
        case .gentle:
            text = "You have talked \(talked): take a breath, ask a question."
            style = Style(.warn, bold: true)
        case .none:
            guard figures.speaker == .prospect else { return }
            text = "Listening. Good."
            style = Style(.good)
        }
        let lines = Format.wrap(text, width: rect.width)
        guard lines.indices.contains(line) else { return }
        buffer.write(lines[line], in: rect, style: style)
    }
}
