import CallboardCore
import Foundation

/// The bottom line: the keys of this moment, the day's progress, pending follow-ups, the
/// clock. A message replaces the keys until the next key press; a message too long for
/// the line takes the whole width, and two lines when it needs them.
enum StatusLineView {
    /// Rows the status area needs at `width`: two only for a message longer than a line.
    static func height(_ state: AppState, width: Int) -> Int {
        guard let message = state.status else { return 1 }
        return DisplayWidth.of(text: SafeText.clean(message.text)) > width ? 2 : 1
    }

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, with: Cell(" ", style: Style(.status)))
        let right = self.right(state)
        let rightWidth = DisplayWidth.of(text: right)
        let leftRoom = rect.width - rightWidth - 1
        // Three columns between a message and the figures, so one never reads into the other
        // (the keys' own spacing does that for them).
        let messageRoom = leftRoom - 2
        if let message = state.status, DisplayWidth.of(text: SafeText.clean(message.text)) > messageRoom {
            // The day's figures give way: the message matters more for this moment.
            let style = Style(message.isError ? .bad : .status, bold: message.isError)
            var lines = Format.wrap(message.text, width: rect.width)
            if lines.count > rect.height {
                let rest = lines[(rect.height - 1)...].joined(separator: " ")
                lines = Array(lines.prefix(rect.height - 1)) + [Format.fit(rest, width: rect.width)]
            }
            for (i, line) in lines.enumerated() { buffer.write(line, in: rect.row(i), style: style) }
            return
        }
        if rightWidth < rect.width {
            buffer.write(right, x: rect.maxX - rightWidth, y: rect.y, style: Style(.status))
        }
        guard leftRoom > 0 else { return }
        if let message = state.status {
            buffer.write(Format.fit(message.text, width: messageRoom), x: rect.x, y: rect.y, maxWidth: messageRoom,
                style: Style(message.isError ? .bad : .status, bold: message.isError))
            return
        }
        var x = rect.x
        for binding in Keymap.bindings(in: state.keyContext, outcomes: state.settings.outcomes) where binding.isEssential {
            let need = DisplayWidth.of(text: binding.label + " " + binding.summary) + 2
            guard x + need <= rect.x + leftRoom else { break }
            x += buffer.write(binding.label, x: x, y: rect.y, style: Style(.statusKey, bold: true))
            x += buffer.write(" " + binding.summary + "  ", x: x, y: rect.y, style: Style(.status))
        }
    }

    /// "3/40 calls · 2 follow-ups ready to send · 14:05".
    static func right(_ state: AppState) -> String {
        var parts = ["\(state.callsToday)/\(state.settings.dailyCallGoal) calls"]
        if let block = state.block, let now = state.now {
            // The block's own figures, and the after-call work while it runs.
            var figures = "block " + AppState.blockFigures(block.summary(at: now.monotonic))
            if let wrapUp = block.wrapUpTime(at: now.monotonic) { figures += " · wrap-up \(Format.duration(wrapUp))" }
            parts = [figures]
        }
        if let followUps = AppState.followUpPhrase(state.followUpCounts()) { parts.append(followUps) }
        if let now = state.now { parts.append(Format.clock(now.wall, zone: state.zone)) }
        return parts.joined(separator: " · ") + " "
    }
}
