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
        let questions = live.questions(at: now.monotonic)
        let onHold = figures.isOnHold || { if case .endOfCall = state.mode { return true } else { return false } }()
        var rows: [Row] = []
        rows.append(Row(priority: 0) { r, b in
            // The timer and "on hold" matter most; the call's type goes first when short of room.
            // The timer waits for the answer: a ringing phone is not a call yet.
            let timer = live.isRinging ? " · ringing…" : " · \(Format.duration(figures.elapsed))"
            let hold = onHold ? "  on hold".count : 0
            let type = live.call.callType.map { " · \($0)" } ?? ""
            let fits = DisplayWidth.of(text: SafeText.clean(live.prospect.name + type + timer)) + hold <= r.width
            let head = live.prospect.name + (fits ? type : "") + timer
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
            // Bold like the timer above it: a tick then changes only the colour between the
            // two figures, not every attribute (see "Output cost" in the performance notes).
            b.write(Format.fit(floor(figures), width: r.width), in: r, style: Style(floorRole(figures.speaker), bold: true))
        })
        rows.append(Row(priority: 3) { r, b in
            let limit = figures.targets.monologueStrong
            let over = figures.targets.pitchTooLong(figures.longestMonologue)
            let text = "My longest monologue\(longest(figures.longestMonologue, by: .me, figures)) · limit \(Format.duration(limit))"
            b.write(Format.fit(text, width: r.width), in: r, style: Style(over ? .bad : .muted))
        })
        rows.append(Row(priority: 3) { r, b in
            let reached = figures.targets.storyReached(figures.longestStory)
            let text = "Their longest story\(longest(figures.longestStory, by: .prospect, figures)) · aim \(Format.duration(figures.targets.story))"
            b.write(Format.fit(text, width: r.width), in: r, style: Style(reached ? .good : .muted))
        })
        rows.append(Row(priority: 2) { r, b in questionsRow(questions, targets: figures.targets, in: r, into: &b) })
        rows.append(Row(priority: 4) { r, b in
            // Before anyone is marked the silence is the call's own time, already in the
            // first row: a second figure ticking beside it would say nothing new.
            var text = "Switches/min \(Format.oneDecimal(figures.switchesPerMinute))"
            if figures.speaker != nil { text += " · silence \(Format.duration(figures.silence))" }
            b.write(Format.fit(text, width: r.width), in: r, style: Style(.muted))
        })
        let handsFree = live.handsFree.status(at: now.monotonic)
        if handsFree != .off {
            rows.append(Row(priority: 3) { r, b in
                b.write(Format.fit(Self.handsFree(handsFree), width: r.width), in: r, style: Style(.muted))
            })
            rows.append(Row(priority: 3) { r, b in levels(state.inputLevels, in: r, into: &b) })
        }
        rows.append(Row(priority: 5) { _, _ in })
        rows.append(Row(priority: 1) { r, b in nudge(figures, line: 0, in: r, into: &b) })
        rows.append(Row(priority: 2) { r, b in nudge(figures, line: 1, in: r, into: &b) })
        layout(rows, in: inner, into: &buffer)
    }

    static func handsFree(_ status: HandsFreeMarking.Status) -> String {
        switch status {
        case .off: ""
        case .listening: "Hands-free: listening"
        case .keyWins(let seconds): "Hands-free: your key wins for \(Int(seconds.rounded(.up))) s"
        case .paused: "Hands-free paused: m or p listens again"
        }
    }

    /// "mic ▮▮▮▯▯  line ▮▮▯▯▯": the headset's inputs, so a dead microphone shows. Drawn
    /// from the level's step only, so the screen changes when the step does.
    static func levels(_ levels: InputLevels?, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let levels else {
            buffer.write(Format.fit("mic – line – (no audio yet)", width: rect.width), in: rect, style: Style(.warn))
            return
        }
        var x = rect.x
        func meter(_ name: String, _ step: Int) {
            x += buffer.write(name + " ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
            let lit = String(repeating: "▮", count: step)
            let unlit = String(repeating: "▯", count: InputLevels.steps - step)
            x += buffer.write(lit, x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(step == 0 ? .bad : .good))
            x += buffer.write(unlit, x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
            if step == 0 { x += buffer.write(" silent", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.bad, bold: true)) }
        }
        meter("mic", levels.mic)
        if let line = levels.line {
            x += buffer.write("  ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
            meter("line", line)
        }
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
        } else if let next = state.selectedEntry, let refusal = state.dialRefusal(for: next.prospect) {
            lines.append(refusal)
        } else if let next = state.selectedEntry {
            // The talk keys only mean something once there is someone to call.
            lines.append("Enter calls \(next.prospect.name).")
            lines.append("Then: m I talk · p they talk · Space switch · s hold.")
        }
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

    /// "Questions 5 · 2·2·1 · aim 11–14 · they 1": my count, how it spread over the thirds
    /// of the call so far, the type's range, and the prospect's questions.
    static func questionsRow(
        _ q: QuestionFigures, targets: TalkTargets, in rect: Rect, into buffer: inout CellBuffer
    ) {
        guard !rect.isEmpty else { return }
        let range = targets.questions
        let role: ColorRole =
            switch targets.verdict(forQuestions: q.mine) {
            case .onTarget: .good
            case .tooMany: .warn
            case .tooFew: .text
            }
        var x = rect.x
        x += buffer.write("Questions ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
        x += buffer.write("\(q.mine)", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(role, bold: true))
        var rest = " · \(q.thirds.map(String.init).joined(separator: "·")) · aim \(range.lowerBound)–\(range.upperBound)"
        if q.theirs > 0 { rest += " · they \(q.theirs)" }
        buffer.write(Format.fit(rest, width: max(0, rect.maxX - x)), x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.muted))
    }

    /// The longest stretch of one speaker; while the one under way is it, "now" instead of
    /// its length, which the floor line above already counts: the same figure
    /// ticking twice would say nothing new and double what the screen writes each second.
    static func longest(_ seconds: Double, by speaker: Speaker, _ figures: TalkFigures) -> String {
        figures.speaker == speaker && figures.floorSeconds > 0 && figures.floorSeconds >= seconds
            ? ": now" : " " + Format.duration(seconds)
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

    /// A nudge after a minute of my own talk, stronger after two (the call type's); while
    /// they speak, whether their story has run long enough. It names the threshold passed,
    /// not the running time: the floor line counts that already.
    /// It may take two rows, so it is never cut in a narrow panel.
    static func nudge(_ figures: TalkFigures, line: Int, in rect: Rect, into buffer: inout CellBuffer) {
        let targets = figures.targets
        let text: String
        let style: Style
        switch figures.nudge {
        case .strong:
            text = "✋ Over \(Format.duration(targets.monologueStrong)) of you talking. Stop and ask them a question."
            style = Style(.bad, bold: true, reverse: true)
        case .gentle:
            text = "You have talked over \(Format.duration(targets.monologueNudge)): take a breath, ask a question."
            style = Style(.warn, bold: true)
        case .none:
            guard figures.speaker == .prospect else { return }
            // Against what a good story reaches: keep quiet and let it run.
            text = figures.floorSeconds >= targets.story ? "Let them talk. A real story." : "Let them talk."
            style = Style(.good)
        }
        let lines = Format.wrap(text, width: rect.width)
        guard lines.indices.contains(line) else { return }
        buffer.write(lines[line], in: rect, style: style)
    }
}
