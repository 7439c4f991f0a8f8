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

        /// The columns that fit in `width`, sharing it by what they hold. Each shown column
        /// first gets its least; then, in turn, the name up to a comfortable width, why up
        /// to one, the company up to one, and then each up to what it wants; room to spare
        /// goes to the name and the company. Below its least width a column is not shown:
        /// the last outcome goes first, then the company.
        init(width: Int, wanted: Wanted = Wanted(name: 20, company: 20, reason: 20, last: 14)) {
            let room = max(0, width - 2)
            // "(03:00)": the last column needs no air after it.
            local = width >= Self.localFrom ? 7 : 0
            attempts = width >= Self.attemptsFrom ? 6 : 0
            // Name, company, why, last: what each wants (with its air) and its least.
            var want = [wanted.name + 1, width >= Self.companyFrom ? wanted.company + 1 : 0,
                        wanted.reason + 1, width >= Self.lastFrom ? wanted.last + 1 : 0]
            let least = [11, 8, 11, 8]
            var rest = room - local - attempts
            func leastSum() -> Int { want.indices.reduce(0) { $0 + min(want[$1], least[$1]) } }
            for drop in [3, 1] where leastSum() > rest { want[drop] = 0 }
            var widths = want.indices.map { min(want[$0], least[$0]) }
            if leastSum() > rest {
                // Too narrow even for that: name and why halve what there is.
                widths = [rest / 2, 0, rest - rest / 2, 0]
            }
            rest -= widths.reduce(0, +)
            func grow(_ i: Int, to cap: Int) {
                let add = max(0, min(rest, min(cap, want[i]) - widths[i]))
                widths[i] += add
                rest -= add
            }
            grow(0, to: 15)
            grow(2, to: 24)
            grow(1, to: 16)
            for i in [3, 0, 2, 1] { grow(i, to: .max) }
            if rest > 0 {
                let toCompany = widths[1] > 0 ? rest / 2 : 0
                widths[1] += toCompany
                widths[0] += rest - toCompany
            }
            name = max(0, widths[0])
            company = widths[1]
            reason = widths[2]
            last = widths[3]
        }
    }

    /// Rows of the queue on screen: what `PgDn` moves by.
    static func rows(_ state: AppState) -> Int {
        max(1, DashboardLayout(HelpOverlayView.body(of: state)).queue.height - 3)
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let title = state.queueLength == nil
            ? "Today's queue (\(state.queue.count))"
            : "Today's queue (\(state.queueOffset + state.selection + 1) of \(state.queueCount))"
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
        case .retry, .stayInTouch, .due, .new: reasonStyle = selected ? base : Style(.muted)
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
            ? "overdue \(Format.dateAndTime(at, zone: state.zone))"
            : "\(entry.prospect.lastOutcome == .opportunity ? "follow-up" : "callback") \(Format.clock(at, zone: state.zone))"
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
