import CallboardCore
import Foundation

/// The pre-call brief: the prospect's world, so the seller talks about it, not about
/// their own product.
enum BriefView {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let prospect = state.live?.prospect ?? state.selectedEntry?.prospect
        let inner = Frame.draw("Brief", in: rect, into: &buffer, focused: state.focus == .brief)
        guard !inner.isEmpty, let prospect else { return }
        var lines = self.lines(for: prospect, state: state, width: inner.width)
        if let notes = state.live?.call.notes, !notes.isEmpty {
            // This call's notes first: they are what the seller just heard.
            var current = [Line(text: "This call", style: Style(.accent, bold: true))]
            for note in notes {
                let tag = note.tag.map { "\($0.rawValue): " } ?? ""
                current += Format.wrap("\(Format.duration(note.at)) \(tag)\(note.text)", width: inner.width)
                    .map { Line(text: $0, style: Style(.text)) }
            }
            lines.insert(contentsOf: current, at: min(1, lines.count))
        }
        let scroll = max(0, min(state.briefScroll, lines.count - inner.height))
        for (i, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.write(line.text, in: inner.row(i), style: line.style)
        }
        // Say when the brief runs on below, and how to read it.
        if lines.count - scroll > inner.height, inner.height >= 3 {
            // The hint takes the last row, so that row's line is hidden too.
            let below = lines.count - scroll - inner.height + 1
            let hint = state.live == nil && state.focus != .brief ? "Tab, then ↓ for more" : "↓ for more"
            buffer.write(Format.fit("… \(below) more lines · \(hint)", width: inner.width),
                in: inner.row(inner.height - 1), style: Style(.muted, dim: true))
        }
    }

    struct Line {
        var text: String
        var style: Style
    }

    static func lines(for p: Prospect, state: AppState, width: Int) -> [Line] {
        var out: [Line] = []
        func add(_ text: String, _ style: Style = Style(.text)) {
            for piece in Format.wrap(text, width: width) { out.append(Line(text: piece, style: style)) }
        }
        add(p.name, Style(.title, bold: true))
        let role = [p.title, p.company].filter { !$0.isEmpty }.joined(separator: " · ")
        if !role.isEmpty { add(role, Style(.muted)) }
        let contact = [p.phone, p.email].filter { !$0.isEmpty }.joined(separator: " · ")
        if !contact.isEmpty { add(contact, Style(.muted)) }
        if p.world.isEmpty {
            add("Their world is not known yet: ask about their organization, challenges and requirements (notes with o: c: r:).", Style(.accent))
        } else {
            for (label, text) in [("Organization", p.world.organization), ("Challenges", p.world.challenges),
                                  ("Requirements", p.world.requirements)] {
                add(label, Style(.accent, bold: true))
                add(text.isEmpty ? "not known yet" : text, text.isEmpty ? Style(.muted, dim: true) : Style(.text))
            }
        }
        if let last = p.lastCalledAt {
            let outcome = p.lastOutcome.map { ", \($0.label)" } ?? ""
            add("Last call \(Format.dayAndTime(last, zone: state.zone))\(outcome)", Style(.accent, bold: true))
            if !p.lastCallNotes.isEmpty { add(p.lastCallNotes) }
        }
        if !p.notes.isEmpty {
            add("Notes", Style(.accent, bold: true))
            add(p.notes)
        }
        return out
    }
}
