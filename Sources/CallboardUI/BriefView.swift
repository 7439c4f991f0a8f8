import CallboardCore
import Foundation

/// The pre-call brief: the prospect's world, so the seller talks about it, not about
/// their own product.
enum BriefView {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let prospect = state.live?.prospect ?? state.selectedEntry?.prospect
        let inner = Frame.draw("Brief", in: rect, into: &buffer, focused: state.focus == .brief)
        guard !inner.isEmpty, let prospect else { return }
        let lines = self.lines(for: prospect, state: state, width: inner.width)
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

    /// Who they are at the top (name, title and company, phone and email, who referred
    /// them, their zone), then what this call brought, then their world, then the past.
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
        if let referrer = p.referredBy {
            let name = state.prospects.first { $0.id == referrer }?.name ?? state.referrerNames[referrer]
            add("Referred by \(name ?? referrer.rawValue)", Style(.good))
        }
        if let code = p.timeZoneInferredFrom, let zone = p.timeZone {
            add("Time zone \(zone), inferred from \(code)", Style(.muted))
        }
        let notes = state.live?.prospect.id == p.id ? state.live?.call.notes ?? [] : []
        let untagged = notes.filter { $0.tag == nil }
        if !untagged.isEmpty {
            // What the seller just heard, under who they are talking to.
            add("This call", Style(.accent, bold: true))
            for note in untagged { add("\(Format.duration(note.at)) \(note.text)") }
        }
        // Notes tagged o: c: r: on this call are part of their world already.
        let world = p.world.adding(notes)
        if world.isEmpty {
            add("Their world is not known yet: ask about their organization, challenges and requirements (notes with o: c: r:).", Style(.accent))
        } else {
            for (label, text) in [("Organization", world.organization), ("Challenges", world.challenges),
                                  ("Requirements", world.requirements)] {
                add(label, Style(.accent, bold: true))
                add(text.isEmpty ? "not known yet" : text, text.isEmpty ? Style(.muted, dim: true) : Style(.text))
            }
        }
        if let last = p.lastCalledAt {
            let outcome = p.lastOutcome.map { ", \($0.label)" } ?? ""
            add("Last call \(Format.dayAndTime(last, zone: state.zone))\(outcome)", Style(.accent, bold: true))
            if !p.lastCallNotes.isEmpty { add(p.lastCallNotes) }
        }
        // When they pick up, from the counts on their record and their zone's.
        let reachLines = BestTime.briefLines(for: p, zoneCounts: p.timeZone.flatMap { state.zoneReach[$0] })
        if !reachLines.isEmpty {
            add("Best time to reach", Style(.accent, bold: true))
            for line in reachLines { add(line, line.hasPrefix("Too few") ? Style(.muted) : Style(.text)) }
            if state.live == nil, state.queue.first(where: { $0.id == p.id })?.isGoodHour == true {
                add("Now is their best hour.", Style(.good, bold: true))
            }
        }
        if !p.notes.isEmpty {
            add("Notes", Style(.accent, bold: true))
            add(p.notes)
        }
        return out
    }
}
