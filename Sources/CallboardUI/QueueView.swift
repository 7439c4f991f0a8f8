import CallboardCore
import Foundation

/// Today's queue: who to call, why, and what time it is where they are.
enum QueueView {
    /// The columns' widths, each counting one column of air after it.
    struct Columns: Equatable {
        var name = 0, company = 0, reason = 0, attempts = 0, last = 0, local = 0

        /// Inside widths from which a column is shown; below them it is left out. The
        /// company shows from a 100-column terminal up (the queue panel is then 53 wide).
        static let companyFrom = 53, attemptsFrom = 64, lastFrom = 80, localFrom = 30

        /// What each column would like: the widest text it holds in the rows on screen.
        struct Wanted: Equatable {
            var name = 4, company = 7, reason = 3, last = 4
        }

        static func wanted(_ entries: [QueueEntry], state: AppState) -> Wanted {
            var wanted = Wanted()
            for entry in entries {
                wanted.name = max(wanted.name, DisplayWidth.of(text: entry.prospect.name))
                wanted.company = max(wanted.company, DisplayWidth.of(text: entry.prospect.company))
                wanted.reason = max(wanted.reason, DisplayWidth.of(text: QueueView.reason(entry, state: state)))
                wanted.last = max(wanted.last, DisplayWidth.of(text: entry.prospect.lastOutcome?.label ?? ""))
            }
            return wanted
        }

        /// The columns that fit in `width`, sharing it by what they hold: each gets what it
        /// wants when all fit; otherwise the company and the last outcome give way first,
        /// then the widest, none below its least; the least needed columns drop out first.
        init(width: Int, wanted: Wanted = Wanted(name: 20, company: 20, reason: 20, last: 14)) {
            let room = max(0, width - 2)
            // "(03:00)": the last column needs no air after it.
            local = width >= Self.localFrom ? 7 : 0
            attempts = width >= Self.attemptsFrom ? 6 : 0
            // Name and why shrink to these, company and last to theirs, before giving up.
            var cols: [(want: Int, least: Int)] = [
                (wanted.name + 1, 11), (width >= Self.companyFrom ? wanted.company + 1 : 0, 8),
                (wanted.reason + 1, 11), (width >= Self.lastFrom ? wanted.last + 1 : 0, 8),
            ]
            var rest = room - local - attempts
            // Drop the last outcome, then the company, while even their least do not fit.
            for drop in [3, 1] where cols.map({ $0.want == 0 ? 0 : min($0.want, $0.least) }).reduce(0, +) > rest {
                cols[drop].want = 0
            }
            var widths = cols.map(\.want)
            // The company (also in the brief) and the last outcome give way first.
            for i in [1, 3] where widths[i] > 0 {
                widths[i] = max(cols[i].least, widths[i] - max(0, widths.reduce(0, +) - rest))
            }
            while widths.reduce(0, +) > rest {
                // The widest above its least gives one column.
                guard let i = widths.indices.filter({ widths[$0] > cols[$0].least }).max(by: { widths[$0] < widths[$1] })
                else { break }
                widths[i] -= 1
            }
            rest -= widths.reduce(0, +)
            // Spare room goes to the name and the company, the columns that read better wide.
            if rest > 0 {
                let toCompany = widths[1] > 0 ? rest / 2 : 0
                widths[1] += toCompany
                widths[0] += rest - toCompany
            }
            name = max(0, widths[0] + min(0, rest))
            company = widths[1]
            reason = widths[2]
            last = widths[3]
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
        let (header, list) = inner.splitTop(inner.height > 3 ? 1 : 0)
        guard list.height > 0 else { return }
        // Keep the cursor in view.
        let top = max(0, min(state.selection - list.height / 2, state.queue.count - list.height))
        let visible = top..<min(state.queue.count, top + list.height)
        let columns = Columns(width: inner.width, wanted: Columns.wanted(Array(state.queue[visible]), state: state))
        if !header.isEmpty {
            drawRow(["", "Name", "Company", "Why", "Tries", "Last", "Local"], columns: columns, in: header,
                into: &buffer, styles: Array(repeating: Style(.muted, bold: true), count: 7))
        }
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
        case .callback: reasonStyle = selected ? base : Style(entry.isOverdue ? .warn : .accent, bold: true)
        case .referral, .afterMeeting, .opportunity: reasonStyle = selected ? base : Style(.good)
        case .retry, .due, .new: reasonStyle = selected ? base : Style(.muted)
        }
        let marker = calling ? "☎ " : (selected ? "▶ " : "  ")
        drawRow(
            [marker, p.name, p.company, reason(entry, state: state, width: columns.reason - 1),
             p.attempts > 0 ? "×\(p.attempts)" : "",
             p.lastOutcome?.label ?? "", local.0],
            columns: columns, in: row, into: &buffer,
            styles: [base, base, selected ? base : Style(.muted), reasonStyle, base, selected ? base : Style(.muted), local.1])
    }

    /// What the next call is for, in the core's words; a callback with its time on my
    /// clock and on theirs: "callback 16:00 · 10:00 theirs", "overdue callback Fri 27 Nov
    /// 16:00". Where that does not fit in `width`, a callback keeps its time and drops
    /// the rest: "callback 16:00", "overdue 27 Nov 16:00".
    static func reason(_ entry: QueueEntry, state: AppState, width: Int = .max) -> String {
        let purpose = entry.purpose(sellerZone: state.zone)
        guard case .callback(let at) = entry.reason,
            let times = entry.callbackTimes(sellerZone: state.zone, hours: state.settings.businessHours, short: true)
        else { return purpose }
        let full = "\(purpose) \(times)"
        guard DisplayWidth.of(text: full) > width else { return full }
        return entry.isOverdue
            ? "overdue \(Format.dateAndTime(at, zone: state.zone))" : "callback \(Format.clock(at, zone: state.zone))"
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
