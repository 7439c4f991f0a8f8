import CallboardCore
import Foundation

extension ReviewState {
    /// Draws the review into `rect`: title, the day's summary, one row per call, the
    /// selected call's timeline and notes, and the 7- and 30-day trends. With the detail
    /// open, the selected call fills the space of the rows and the timeline.
    public func render(into buffer: inout CellBuffer, in rect: Rect) {
        let clipped = rect.clipped(to: buffer.bounds)
        guard !clipped.isEmpty else { return }
        buffer.fill(clipped)
        let layout = ReviewLayout(clipped, summaryRows: ReviewLayout.summaryRows + (blocks.isEmpty ? 0 : 1))
        renderTitle(into: &buffer, in: layout.title)
        renderSummary(into: &buffer, in: layout.summary)
        if isDetailOpen, let row = selectedRow {
            let area = Rect(
                x: layout.table.x, y: layout.table.y, width: layout.table.width,
                height: layout.table.height + layout.timeline.height)
            renderDetail(row, into: &buffer, in: area)
        } else {
            renderTable(into: &buffer, in: layout.table)
            renderTimeline(into: &buffer, in: layout.timeline)
        }
        renderTrend(into: &buffer, in: layout.trend)
    }

    private func renderTitle(into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty else { return }
        var w = RowWriter(rect)
        w.put("Review · " + ReviewFigures.day(day), Style(.title, bold: true), in: &buffer)
        if day == today { w.put(" (today)", Style(.muted), in: &buffer) }
        let hints =
            isDetailOpen
            ? ["j/k call  Esc back", "Esc back"]
            : ["←/→ day  t today  j/k call  Enter detail  Esc back", "←/→ day  t today  Enter detail  Esc back", "Esc back"]
        guard let hint = hints.first(where: { w.remaining >= DisplayWidth.of(text: $0) + 2 }) else { return }
        let hintWidth = DisplayWidth.of(text: hint)
        buffer.write(hint, x: rect.maxX - hintWidth, y: rect.y, style: Style(.muted))
    }

    private func renderSummary(into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let s = summary
        let label = Style(.muted)
        let value = Style(.text, bold: true)
        let sep = " · "

        var w = RowWriter(rect.row(0))
        w.put("Dials ", label, in: &buffer)
        w.put("\(s.dials)", value, in: &buffer)
        w.put(sep + "Conversations ", label, in: &buffer)
        w.put("\(s.conversations)", value, in: &buffer)
        // The length of the calls, hold included; the share below is who talked.
        w.put(sep + "On calls ", label, in: &buffer)
        w.put(ReviewFigures.duration(s.callSeconds), value, in: &buffer)
        if dailyGoal > 0 {
            let progress = Double(s.dials) / Double(dailyGoal)
            w.put(sep + "Goal ", label, in: &buffer)
            w.put("\(s.dials)/\(dailyGoal) ", value, in: &buffer)
            w.put(ReviewCharts.shareBar(min(1, progress), columns: 10), Style(progress >= 1 ? .good : .accent), in: &buffer)
            w.put(" " + ReviewFigures.percent(progress), value, in: &buffer)
        }

        w = RowWriter(rect.row(1))
        let role = ReviewCharts.role(for: s.myShare, targets: targets)
        w.put("My share ", label, in: &buffer)
        w.put(ReviewFigures.percent(s.myShare) + " ", Style(role, bold: true), in: &buffer)
        w.put(ReviewCharts.shareBar(s.myShare, columns: 10), Style(role), in: &buffer)
        if s.byType.isEmpty {
            w.put(" target ≤" + ReviewFigures.percent(targets.targetShare), label, in: &buffer)
        }
        // Each type has its own band, so the day's share is shown type by type as well.
        for (name, totals) in s.byType.sorted(by: { $0.key < $1.key }) {
            w.put(sep + name + " ", label, in: &buffer)
            w.put(ReviewFigures.percent(totals.myShare), Style(.text, bold: true), in: &buffer)
            if let patience = totals.patience {
                w.put(" patience ", label, in: &buffer)
                w.put(ReviewFigures.patience(patience), value, in: &buffer)
            }
        }
        w.put(sep + "Inside the band ", label, in: &buffer)
        w.put("\(s.callsInBand)/\(s.callsWithShare)", value, in: &buffer)

        w = RowWriter(rect.row(2))
        w.put("Referral asks ", label, in: &buffer)
        let askRole: ColorRole = s.conversations == 0 ? .text : (s.referralAsks == s.conversations ? .good : .warn)
        w.put("\(s.referralAsks)/\(s.conversations)", Style(askRole, bold: true), in: &buffer)
        w.put(sep + "Referrals gained ", label, in: &buffer)
        w.put("\(s.referralsGained)", value, in: &buffer)
        w.put(sep + "Follow-ups sent ", label, in: &buffer)
        w.put("\(s.followUpsSent)", value, in: &buffer)
        w.put(", pending ", label, in: &buffer)
        w.put("\(s.followUpsPending)", Style(s.followUpsPending > 0 ? .warn : .text, bold: true), in: &buffer)

        w = RowWriter(rect.row(3))
        w.put("Questions ", label, in: &buffer)
        if let perConversation = s.questionsPerConversation {
            w.put(Format.oneDecimal(perConversation), value, in: &buffer)
            w.put("/conv (they \(s.questionsTheyAsked))", label, in: &buffer)
        } else {
            w.put("–", value, in: &buffer)
        }
        w.put(sep + "Their story avg ", label, in: &buffer)
        w.put(s.averageStory.map(ReviewFigures.duration) ?? "–", value, in: &buffer)
        w.put(", max ", label, in: &buffer)
        w.put(ReviewFigures.duration(s.longestStory), value, in: &buffer)
        w.put(sep + "My longest ", label, in: &buffer)
        let pitchRole: ColorRole = rows.contains { $0.figures.targets.pitchTooLong($0.figures.longestMonologue) } ? .bad : .text
        w.put(ReviewFigures.duration(s.longestMonologue), Style(pitchRole, bold: true), in: &buffer)
        if let patience = s.patience {
            w.put(sep + "Patience ", label, in: &buffer)
            w.put(ReviewFigures.patience(patience), value, in: &buffer)
        }

        // Each calling block: when it began, then its dials, connects, rate and time.
        guard !blocks.isEmpty, rect.height > 4 else { return }
        w = RowWriter(rect.row(4))
        w.put(blocks.count == 1 ? "Block " : "Blocks ", label, in: &buffer)
        for (i, block) in blocks.enumerated() {
            if i > 0 { w.put(sep, label, in: &buffer) }
            w.put(Format.clock(block.startedAt, zone: zone) + " ", label, in: &buffer)
            w.put(AppState.blockFigures(block), value, in: &buffer)
        }
    }

    private func renderTable(into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty else { return }
        guard !rows.isEmpty else {
            let message =
                isLoading ? "Loading \(ReviewFigures.day(day))…" : "No calls on \(ReviewFigures.day(day))."
            buffer.write(message, x: rect.x + 2, y: rect.y + min(1, rect.height - 1), maxWidth: rect.width - 2, style: Style(.muted))
            return
        }
        let c = ReviewColumns(width: rect.width)
        var w = RowWriter(rect.row(0))
        let head = Style(.muted, bold: true)
        w.skip(c.gutter)
        w.cell("Time", width: c.time, head, in: &buffer)
        w.skip(1)
        w.cell("Prospect", width: c.name, head, in: &buffer)
        w.skip(c.name > 0 ? 1 : 0)
        w.cell("Company", width: c.company, head, in: &buffer)
        w.skip(c.company > 0 ? 1 : 0)
        w.cell(c.isWide ? "Length" : "Len", width: c.length, head, right: true, in: &buffer)
        w.skip(1)
        w.cell("Outcome", width: c.outcome, head, in: &buffer)
        w.skip(1)
        w.cell("My share", width: c.bar + 1 + c.percent, head, in: &buffer)
        w.skip(1)
        w.cell(c.isWide ? "Monologue" : "Mono", width: c.monologue, head, right: true, in: &buffer)
        w.skip(1)
        if c.isWide {
            w.cell("Story", width: c.story, head, right: true, in: &buffer)
            w.skip(1)
            w.cell("Type", width: c.type, head, in: &buffer)
            w.skip(1)
        }
        w.cell(c.isWide ? "Questions" : "Q", width: c.questions, head, right: true, in: &buffer)
        w.skip(1)
        w.cell(c.isWide ? "Referral" : "Ref", width: c.referral, head, in: &buffer)
        w.skip(1)
        w.cell("Follow-up", width: c.followUp, head, in: &buffer)

        let visible = rect.height - 1
        guard visible > 0 else { return }
        let first = selection >= visible ? selection - visible + 1 : 0
        for (line, index) in (first..<min(rows.count, first + visible)).enumerated() {
            renderRow(rows[index], selected: index == selection, columns: c, into: &buffer, in: rect.row(line + 1))
        }
    }

    private func renderRow(
        _ row: ReviewRow, selected: Bool, columns c: ReviewColumns, into buffer: inout CellBuffer, in rect: Rect
    ) {
        let f = row.figures
        let text = Style(selected ? .selection : .text, bold: selected)
        if selected { buffer.fill(rect, with: Cell(" ", style: Style(.selection))) }
        var w = RowWriter(rect)
        w.cell(selected ? "▸" : "", width: c.gutter, Style(.accent, bold: true), in: &buffer)
        w.cell(ReviewFigures.clock(f.startedAt, zone: zone), width: c.time, text, in: &buffer)
        w.skip(1)
        w.cell(row.name, width: c.name, text, in: &buffer)
        w.skip(c.name > 0 ? 1 : 0)
        w.cell(row.company, width: c.company, text, in: &buffer)
        w.skip(c.company > 0 ? 1 : 0)
        w.cell(ReviewFigures.duration(f.duration), width: c.length, text, right: true, in: &buffer)
        w.skip(1)
        w.cell(f.outcome?.label ?? "–", width: c.outcome, text, in: &buffer)
        w.skip(1)
        // A voicemail or a gatekeeper is no conversation: it has no share, a dash.
        let role = f.isConversation ? ReviewCharts.role(for: f.myShare, targets: f.targets) : .muted
        w.put(ReviewCharts.shareBar(f.myShare, columns: c.bar), Style(role), in: &buffer)
        w.skip(1)
        w.cell(ReviewFigures.percent(f.myShare), width: c.percent, Style(role, bold: selected), right: true, in: &buffer)
        w.skip(1)
        let monologueRole: ColorRole =
            f.targets.pitchTooLong(f.longestMonologue) ? .bad : (f.longestMonologue >= f.targets.monologueNudge ? .warn : text.role)
        w.cell(ReviewFigures.duration(f.longestMonologue), width: c.monologue, Style(monologueRole, bold: selected), right: true, in: &buffer)
        w.skip(1)
        if c.isWide {
            let storyRole: ColorRole = f.isConversation && f.targets.storyReached(f.longestStory) ? .good : text.role
            w.cell(ReviewFigures.duration(f.longestStory), width: c.story, Style(storyRole, bold: selected), right: true, in: &buffer)
            w.skip(1)
            w.cell(f.callType ?? "–", width: c.type, text, in: &buffer)
            w.skip(1)
        }
        let (questions, questionRole) = ReviewFigures.questions(f, wide: c.isWide)
        w.cell(questions, width: c.questions, Style(selected ? text.role : questionRole, bold: selected), right: true, in: &buffer)
        w.skip(1)
        let (mark, markRole) = ReviewFigures.referral(f.referralAsk)
        let gained = f.referralNames.isEmpty ? "" : "+\(f.referralNames.count)"
        w.cell(mark + gained, width: c.referral, Style(markRole, bold: true), in: &buffer)
        w.skip(1)
        let (status, statusRole) = ReviewFigures.followUp(f.followUp)
        w.cell(status, width: c.followUp, Style(statusRole), in: &buffer)
    }

    private func renderTimeline(into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty, let row = selectedRow else { return }
        var w = RowWriter(rect.row(0))
        w.put("Who talked when", Style(.title, bold: true), in: &buffer)
        w.put(" · " + ReviewFigures.clock(row.call.startedAt, zone: zone) + " " + row.name, Style(.muted), in: &buffer)
        drawStrip(row, into: &buffer, in: rect.row(1))
        drawLegend(into: &buffer, in: rect.row(2))
        var notes = RowWriter(rect.row(3))
        notes.put("Notes ", Style(.muted), in: &buffer)
        let text = row.call.notes.map(\.text).joined(separator: " · ")
        notes.put(text.isEmpty ? "none" : text, Style(text.isEmpty ? .muted : .text), in: &buffer)
    }

    func drawStrip(_ row: ReviewRow, into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let speakers = ReviewCharts.timeline(row.call.segments, duration: row.figures.duration, columns: rect.width)
        for (i, speaker) in speakers.enumerated() {
            let (mark, role) = ReviewCharts.mark(for: speaker)
            buffer[rect.x + i, rect.y] = Cell(mark, style: Style(role))
        }
    }

    func drawLegend(into buffer: inout CellBuffer, in rect: Rect) {
        var w = RowWriter(rect)
        for (speaker, label) in [(Speaker?.some(.me), "me"), (.prospect, "prospect"), (.silence, "silence"), (nil, "hold")] {
            let (mark, role) = ReviewCharts.mark(for: speaker)
            w.put(mark, Style(role), in: &buffer)
            w.put(" " + label + "  ", Style(.muted), in: &buffer)
        }
    }

    private func renderTrend(into buffer: inout CellBuffer, in rect: Rect) {
        guard rect.height >= 4 else { return }
        let label = 16, weekBlock = 16
        let showMonth = rect.width >= label + weekBlock + ReviewState.trendLength + 6
        var w = RowWriter(rect.row(1))
        w.cell("Trend", width: label, Style(.title, bold: true), in: &buffer)
        w.cell("last 7 days", width: weekBlock, Style(.muted), in: &buffer)
        if showMonth { w.put("last \(ReviewState.trendLength) days", Style(.muted), in: &buffer) }

        let sentTop = max(1, (month.followUpsSent.compactMap { $0 }).max() ?? 1)
        let questionTop = max(1, (month.questionsPerConversation.compactMap { $0 }).max() ?? 1)
        let storyTop = max(60, (month.averageStory.compactMap { $0 }).max() ?? 60)
        let series: [(String, [Double?], [Double?], Double, String, String)] = [
            ("my share", week.myShare, month.myShare, 1,
             ReviewFigures.percent(weekTotals.myShare), ReviewFigures.percent(monthTotals.myShare)),
            ("questions/conv", week.questionsPerConversation, month.questionsPerConversation, questionTop,
             weekTotals.questionsPerConversation.map { Format.oneDecimal($0) } ?? "–",
             monthTotals.questionsPerConversation.map { Format.oneDecimal($0) } ?? "–"),
            ("their story", week.averageStory, month.averageStory, storyTop,
             weekTotals.averageStory.map(ReviewFigures.duration) ?? "–",
             monthTotals.averageStory.map(ReviewFigures.duration) ?? "–"),
            ("referral asks", week.referralAskRate, month.referralAskRate, 1,
             ReviewFigures.percent(weekTotals.referralAskRate), ReviewFigures.percent(monthTotals.referralAskRate)),
            ("follow-ups sent", week.followUpsSent, month.followUpsSent, sentTop,
             "\(weekTotals.followUpsSent)", "\(monthTotals.followUpsSent)"),
        ]
        // The words come first: they say what the sparklines only show.
        let words: [(String, ColorRole)] =
            comparison.notes.isEmpty
            ? comparison.sentences.map { ($0, .muted) }
            : comparison.notes.map { ($0.sentence, $0.isBetter ? .good : .warn) }
        let room = rect.height - 2
        let shown = max(0, min(series.count, room - words.count))
        for (i, (name, weekValues, monthValues, top, weekTotal, monthTotal)) in series.prefix(shown).enumerated() {
            var line = RowWriter(rect.row(2 + i))
            line.cell(name, width: label, Style(.muted), in: &buffer)
            line.put(ReviewCharts.sparkline(weekValues, top: top), Style(.accent), in: &buffer)
            line.cell(" " + weekTotal, width: weekBlock - weekValues.count, Style(.text, bold: true), in: &buffer)
            if showMonth {
                line.put(ReviewCharts.sparkline(monthValues, top: top), Style(.accent), in: &buffer)
                line.put(" " + monthTotal, Style(.text, bold: true), in: &buffer)
            }
        }
        for (i, (sentence, role)) in words.prefix(max(0, room - shown)).enumerated() {
            var line = RowWriter(rect.row(2 + shown + i))
            line.put(sentence, Style(role), in: &buffer)
        }
    }
}
