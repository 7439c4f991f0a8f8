import CallboardCore
import Foundation

/// Today's queue: who to call, why, and what time it is where they are.
enum QueueView {
    struct Columns {
        var name: Int, company: Int, reason: Int, attempts: Int, last: Int, local: Int

        /// The columns that fit in `width`, the least needed dropped first.
        init(width: Int) {
            var rest = max(0, width - 2)
            local = rest >= 30 ? 8 : 0
            rest -= local
            reason = min(30, max(0, rest * 11 / 20))
            rest -= reason
            attempts = rest >= 40 ? 4 : 0
            rest -= attempts
            last = rest >= 44 ? 15 : 0
            rest -= last
            // The company is in the brief too, so the name keeps the room first.
            company = rest >= 30 ? rest * 2 / 5 : 0
            name = max(0, rest - company)
        }
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let title = "Today's queue (\(state.queue.count))"
        let inner = Frame.draw(title, in: rect, into: &buffer, focused: state.focus == .queue && state.live == nil)
        guard !inner.isEmpty else { return }
        if state.queue.isEmpty {
            let lines = Format.wrap("Nobody is due today. Add prospects with `callboard add` or import a CSV.", width: inner.width)
            for (i, line) in lines.prefix(inner.height).enumerated() {
                buffer.write(line, in: inner.row(i), style: Style(.muted))
            }
            return
        }
        let columns = Columns(width: inner.width)
        let (header, list) = inner.splitTop(inner.height > 3 ? 1 : 0)
        if !header.isEmpty {
            drawRow(["", "Name", "Company", "Why", "Tries", "Last", "Local"], columns: columns, in: header,
                into: &buffer, styles: Array(repeating: Style(.muted, bold: true), count: 7))
        }
        guard list.height > 0 else { return }
        // Keep the cursor in view.
        let top = max(0, min(state.selection - list.height / 2, state.queue.count - list.height))
        let visible = top..<min(state.queue.count, top + list.height)
        // The queue is built once a day; the time where they are is read for this frame,
        // once per zone on screen.
        var times: [String: LocalTime] = [:]
        if let now = state.now {
            for index in visible {
                guard let zone = state.queue[index].local?.zone, times[zone.identifier] == nil else { continue }
                times[zone.identifier] = LocalTime(
                    at: now.wall, in: zone, sellerZone: state.zone, hours: state.settings.businessHours)
            }
        }
        for (row, index) in visible.enumerated() {
            var entry = state.queue[index]
            if let zone = entry.local?.zone { entry.local = times[zone.identifier] ?? entry.local }
            let selected = index == state.selection
            let callingThis = state.live?.prospect.id == entry.id
            drawEntry(entry, selected: selected, calling: callingThis, state: state, columns: columns,
                in: list.row(row), into: &buffer)
        }
    }

    static func drawEntry(
        _ entry: QueueEntry, selected: Bool, calling: Bool, state: AppState, columns: Columns, in row: Rect,
        into buffer: inout CellBuffer
    ) {
        let p = entry.prospect
        let base = selected ? Style(.selection, bold: true) : Style(.text)
        let local: (String, Style)
        if let time = entry.local {
            local = time.isBusinessHours
                ? (time.text, base)
                : ("(\(time.text))", selected ? base : Style(.muted, dim: true))
        } else {
            local = ("", base)
        }
        let reasonStyle: Style
        switch entry.reason {
        case .callback: reasonStyle = selected ? base : Style(.accent, bold: true)
        case .referral: reasonStyle = selected ? base : Style(.good)
        case .due, .new: reasonStyle = selected ? base : Style(.muted)
        }
        let marker = calling ? "☎ " : (selected ? "▶ " : "  ")
        drawRow(
            [marker, p.name, p.company, reason(entry.reason, state: state), p.attempts > 0 ? "×\(p.attempts)" : "",
             p.lastOutcome?.label ?? "", local.0],
            columns: columns, in: row, into: &buffer,
            styles: [base, base, selected ? base : Style(.muted), reasonStyle, base, selected ? base : Style(.muted), local.1])
    }

    /// "callback 14:30", "referral from Anna", "due", "new".
    static func reason(_ reason: QueueReason, state: AppState) -> String {
        switch reason {
        case .callback(let at):
            let sameDay = state.today.map { CalendarDay(containing: at, in: state.zone) == $0 } ?? true
            return sameDay
                ? "callback \(Format.clock(at, zone: state.zone))"
                : "callback \(Format.dateAndTime(at, zone: state.zone))"
        case .referral(let from):
            return from.map { "referral from \($0)" } ?? "referral"
        case .due: return "due"
        case .new: return "new"
        }
    }

    static func drawRow(_ cells: [String], columns c: Columns, in row: Rect, into buffer: inout CellBuffer, styles: [Style]) {
        guard !row.isEmpty else { return }
        buffer.fill(row, with: Cell(" ", style: styles[0]))
        let widths = [2, c.name, c.company, c.reason, c.attempts, c.last, c.local]
        var x = row.x
        for (i, width) in widths.enumerated() where width > 0 {
            let w = min(width, row.maxX - x)
            guard w > 0 else { break }
            // One column of air between cells, except after the marker.
            let room = i == 0 || i == widths.count - 1 ? w : w - 1
            buffer.write(Format.fit(cells[i], width: room), x: x, y: row.y, maxWidth: room, style: styles[i])
            x += w
        }
    }
}
