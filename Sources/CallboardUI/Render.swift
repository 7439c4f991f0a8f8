import CallboardCore
import Foundation

/// Draws the whole screen for `state` into `buffer`. A function of state only: it never
/// reads a clock or a file.
public func render(_ state: AppState, into buffer: inout CellBuffer) {
    buffer.fill(buffer.bounds)
    let screen = buffer.bounds
    // The buffer's size wins over the state's: the runtime may resize either first.
    if screen.width < AppState.minimumWidth || screen.height < AppState.minimumHeight {
        MinimumSizeView.draw(state, in: screen, into: &buffer)
        return
    }
    let (body, statusRow) = screen.splitBottom(StatusLineView.height(state, width: screen.width))
    StatusLineView.draw(state, in: statusRow, into: &buffer)

    if !state.isLoaded && state.live == nil {
        buffer.write("Opening the store…", x: body.x + 2, y: body.y + 1, style: Style(.muted))
    } else {
        switch state.mode {
        case .review(let review?):
            review.render(into: &buffer, in: body)
        case .review(nil):
            ReviewSlotView.draw(state, in: body, into: &buffer)
        case .followUps(let browser):
            FollowUpsView.draw(state, browser: browser, in: body, into: &buffer)
        case .queue, .addProspect, .recovery, .call, .note, .endOfCall:
            if state.isEmptyStore, state.mode == .queue {
                WelcomeView.draw(in: body, into: &buffer)
            } else {
                DashboardLayout(body).draw(state, into: &buffer)
            }
        }
    }

    switch state.mode {
    case .note(let field): NoteDialogView.draw(field, in: body, into: &buffer)
    case .addProspect(let field):
        AddProspectDialogView.draw(field, problem: state.addProblem, in: body, into: &buffer)
    case .recovery(let checkpoint, _): RecoveryDialogView.draw(checkpoint, state: state, in: body, into: &buffer)
    case .endOfCall(let flow): EndOfCallDialogView.draw(flow, state: state, in: body, into: &buffer)
    default: break
    }
    if state.showingHelp { HelpOverlayView.draw(state, in: body, into: &buffer) }
    if state.confirmingQuit { QuitDialogView.draw(state, in: body, into: &buffer) }
    // A dialog drawn over a wide character may have cut it in half.
    buffer.repairWideCharacters()
}

/// Where the four panels go: queue over brief on the left, talk over referrals on the
/// right. Plain arithmetic on the body rectangle.
struct DashboardLayout: Equatable {
    var queue: Rect
    var brief: Rect
    var talk: Rect
    var referrals: Rect

    init(_ body: Rect) {
        let leftWidth = body.width >= 100 ? body.width * 11 / 20 : body.width / 2
        let (left, right) = body.splitLeft(leftWidth)
        let briefHeight = max(6, left.height * 2 / 5)
        (queue, brief) = left.splitBottom(min(briefHeight, left.height / 2 + 1))
        (talk, referrals) = right.splitBottom(min(5, right.height / 2))
    }

    func draw(_ state: AppState, into buffer: inout CellBuffer) {
        QueueView.draw(state, in: queue, into: &buffer)
        BriefView.draw(state, in: brief, into: &buffer)
        TalkPanelView.draw(state, in: talk, into: &buffer)
        ReferralPanelView.draw(state, in: referrals, into: &buffer)
    }
}

/// A box centred in `area`, at most `width` by `height`, with a title; returns its inside.
enum DialogBox {
    static func draw(_ title: String, width: Int, height: Int, in area: Rect, into buffer: inout CellBuffer,
                     border: ColorRole = .accent) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        buffer.fill(box, with: Cell(" ", style: Style(.overlay)))
        return Frame.draw(title, in: box, into: &buffer, border: border)
    }

    /// Wrapped lines from the top of `rect`; returns the next free row. Text that runs out
    /// of room ends in "…" on the last row, so nothing is cut without a sign.
    @discardableResult
    static func lines(_ texts: [(String, Style)], in rect: Rect, from row: Int = 0, into buffer: inout CellBuffer) -> Int {
        var y = row
        for (text, style) in texts {
            for line in Format.wrap(text, width: rect.width) {
                guard y < rect.height else {
                    if y > row, rect.width > 0 {
                        buffer.write("…", x: rect.maxX - 1, y: rect.y + y - 1, style: Style(.accent, bold: true))
                    }
                    return y
                }
                buffer.write(line, in: rect.row(y), style: style)
                y += 1
            }
        }
        return y
    }

    /// A text field with its cursor shown as a reversed cell.
    static func field(_ field: TextField, in row: Rect, into buffer: inout CellBuffer) {
        guard !row.isEmpty else { return }
        let prompt = "› "
        let x = row.x + buffer.write(prompt, x: row.x, y: row.y, style: Style(.accent, bold: true))
        let room = row.maxX - x - 1
        guard room > 0 else { return }
        // Show what fits before the cursor, measured back from it, so the cursor stays
        // visible and the cost follows the width of the field, not the length of the text.
        let text = field.text
        let cursor = text.index(text.startIndex, offsetBy: field.cursor, limitedBy: text.endIndex) ?? text.endIndex
        var start = cursor
        var width = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let w = DisplayWidth.of(text: SafeText.clean(String(text[previous..<start])))
            if width + w > room - 1 { break }
            width += w
            start = previous
        }
        let shown = SafeText.clean(String(text[start..<cursor]))
        let after = SafeText.clean(String(text[cursor...].prefix(room + 1)))
        let used = buffer.write(shown, x: x, y: row.y, maxWidth: room, style: Style(.text, underline: true))
        let cursorChar = after.first.map(String.init) ?? " "
        let cw = buffer.write(cursorChar, x: x + used, y: row.y, maxWidth: room - used, style: Style(.text, reverse: true))
        buffer.write(String(after.dropFirst()), x: x + used + cw, y: row.y, maxWidth: room - used - cw,
            style: Style(.text, underline: true))
    }
}
