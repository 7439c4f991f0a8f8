import CallboardCore
import Foundation

extension ReviewState {
    /// One call in full: its figures, who talked when across the width, referrals, the
    /// follow-up, and every note with the minute it was taken.
    func renderDetail(_ row: ReviewRow, into buffer: inout CellBuffer, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let f = row.figures
        let label = Style(.muted)
        let value = Style(.text, bold: true)
        var y = 0

        var w = RowWriter(rect.row(y))
        w.put(ReviewFigures.clock(f.startedAt, zone: zone) + "  ", value, in: &buffer)
        w.put(row.name, Style(.title, bold: true), in: &buffer)
        if !row.company.isEmpty { w.put(" · " + row.company, Style(.text), in: &buffer) }
        w.put(" · " + ReviewFigures.duration(f.duration) + " · " + (f.outcome?.label ?? "no outcome"), Style(.text), in: &buffer)
        y += 1

        w = RowWriter(rect.row(y))
        let role = f.isConversation ? ReviewCharts.role(for: f.myShare, targets: f.targets) : .muted
        w.put("Me ", label, in: &buffer)
        w.put(ReviewFigures.duration(f.me), value, in: &buffer)
        w.put(" · Prospect ", label, in: &buffer)
        w.put(ReviewFigures.duration(f.prospect), value, in: &buffer)
        w.put(" · Silence ", label, in: &buffer)
        w.put(ReviewFigures.duration(f.silence), value, in: &buffer)
        w.put(" · Longest monologue ", label, in: &buffer)
        w.put(ReviewFigures.duration(f.longestMonologue), value, in: &buffer)
        y += 1

        w = RowWriter(rect.row(y))
        let (mark, markRole) = ReviewFigures.referral(f.referralAsk)
        w.put("My share ", label, in: &buffer)
        w.put(ReviewFigures.percent(f.myShare) + " ", Style(role, bold: true), in: &buffer)
        w.put(ReviewCharts.shareBar(f.myShare, columns: 10), Style(role), in: &buffer)
        w.put(" target ≤" + ReviewFigures.percent(f.targets.targetShare), label, in: &buffer)
        w.put(" · Referral asked ", label, in: &buffer)
        w.put(mark, Style(markRole, bold: true), in: &buffer)
        y += 1

        // What the call's type asks of it: questions, their story, my longest stretch.
        w = RowWriter(rect.row(y))
        w.put((f.callType ?? "no type") + " · ", Style(.accent), in: &buffer)
        let (questions, questionRole) = ReviewFigures.questions(f, wide: false)
        w.put("My questions ", label, in: &buffer)
        w.put(questions, Style(questionRole, bold: true), in: &buffer)
        if f.countsQuestions {
            let range = f.targets.questions
            w.put(" (aim \(range.lowerBound)–\(range.upperBound); by third \(f.questions.thirds.map(String.init).joined(separator: "·")))", label, in: &buffer)
            w.put(" · Theirs ", label, in: &buffer)
            w.put("\(f.questions.theirs)", value, in: &buffer)
        }
        w.put(" · Their longest story ", label, in: &buffer)
        let storyRole: ColorRole = f.targets.storyReached(f.longestStory) ? .good : .warn
        w.put(ReviewFigures.duration(f.longestStory), Style(f.isConversation ? storyRole : .text, bold: true), in: &buffer)
        w.put(" (aim " + ReviewFigures.duration(f.targets.story) + ")", label, in: &buffer)
        w.put(" · My longest ", label, in: &buffer)
        let pitchRole: ColorRole = f.targets.pitchTooLong(f.longestMonologue) ? .bad : .good
        w.put(ReviewFigures.duration(f.longestMonologue), Style(pitchRole, bold: true), in: &buffer)
        w.put(" (limit " + ReviewFigures.duration(f.targets.monologueStrong) + ")", label, in: &buffer)
        y += 1

        w = RowWriter(rect.row(y))
        w.put("Referrals ", label, in: &buffer)
        w.put(f.referralNames.isEmpty ? "none" : f.referralNames.joined(separator: ", "), value, in: &buffer)
        let (status, statusRole) = ReviewFigures.followUp(f.followUp)
        w.put(" · Follow-up ", label, in: &buffer)
        w.put(status, Style(statusRole, bold: true), in: &buffer)
        if let subject = row.call.followUp?.subject, !subject.isEmpty {
            w.put(" “" + subject + "”", Style(.text), in: &buffer)
        }
        // The callback or meeting agreed, in the seller's zone, named.
        if let next = f.nextStepAt {
            y += 1
            w = RowWriter(rect.row(y))
            w.put("Next step ", label, in: &buffer)
            w.put(Format.dayAndTime(next, zone: zone), value, in: &buffer)
            w.put(" (" + zone.identifier + ")", label, in: &buffer)
        }
        y += 1
        if let markedBy = f.markedBy {
            w = RowWriter(rect.row(y))
            Self.marking(markedBy, overrides: f.keyOverrides, patience: f.patience, into: &w, buffer: &buffer)
            y += 1
        }
        y += 1

        guard y + 3 < rect.height else { return }
        buffer.write("Who talked when", in: rect.row(y), style: Style(.title, bold: true))
        drawStrip(row, into: &buffer, in: rect.row(y + 1))
        let end = ReviewFigures.duration(f.duration)
        buffer.write("0:00", x: rect.x, y: rect.y + y + 2, style: label)
        buffer.write(end, x: rect.maxX - DisplayWidth.of(text: end), y: rect.y + y + 2, style: label)
        drawLegend(into: &buffer, in: Rect(x: rect.x + 6, y: rect.y + y + 2, width: max(0, rect.width - 12), height: 1))
        y += 4

        guard y < rect.height else { return }
        buffer.write("Notes", in: rect.row(y), style: Style(.title, bold: true))
        y += 1
        if row.call.notes.isEmpty, y < rect.height {
            buffer.write("No notes on this call.", in: rect.row(y), style: label)
        }
        for note in row.call.notes.sorted(by: { $0.at < $1.at }) where y < rect.height {
            var line = RowWriter(rect.row(y))
            line.cell(ReviewFigures.duration(note.at), width: 8, label, right: true, in: &buffer)
            line.skip(2)
            if let tag = note.tag { line.put("[\(tag.rawValue)] ", Style(.accent), in: &buffer) }
            line.put(note.text, Style(.text), in: &buffer)
            y += 1
        }
    }

    /// "Marked by hands-free · keys overrode 2 · Patience 0.6 s before I answered".
    static func marking(
        _ markedBy: HandsFreeMarking.MarkedBy, overrides: Int?, patience: Double?, into w: inout RowWriter,
        buffer: inout CellBuffer
    ) {
        let label = Style(.muted)
        let value = Style(.text, bold: true)
        w.put("Marked by ", label, in: &buffer)
        let how = switch markedBy {
        case .keys: "keys"
        case .handsFree: "hands-free"
        case .mixed: "hands-free and keys"
        }
        w.put(how, value, in: &buffer)
        if let overrides {
            w.put(" · keys overrode ", label, in: &buffer)
            w.put("\(overrides)", value, in: &buffer)
        }
        if let patience {
            w.put(" · Patience ", label, in: &buffer)
            w.put(ReviewFigures.patience(patience), value, in: &buffer)
            w.put(" before I answered (median)", label, in: &buffer)
        }
    }
}
