import CallboardCore
import Foundation

/// The question at start when a crash left a call live: whom it was with, when it began
/// and how long it ran, then resume or save.
enum RecoveryDialogView {
    static func draw(_ checkpoint: LiveCallCheckpoint, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let inner = DialogBox.draw("A call was still live", width: 64, height: 10, in: area, into: &buffer, border: .warn)
        guard inner.height >= 2 else { return }
        let (content, legend) = inner.splitBottom(1)
        let prospect = state.prospect(of: checkpoint)
        let who = prospect.company.isEmpty ? prospect.name : "\(prospect.name) (\(prospect.company))"
        let started = Format.dayAndTime(checkpoint.call.startedAt, zone: state.zone)
        DialogBox.lines([
            ("The call with \(who) was live when callboard stopped.", Style(.warn, bold: true)),
            ("Started \(started) · \(Format.duration(checkpoint.elapsed)) long", Style(.text)),
            ("", Style(.text)),
            ("Saving ends it with the usual questions: referrals, outcome, email. Quitting keeps it for next time.", Style(.muted)),
        ], in: content, into: &buffer)
        KeyLegend.draw(.recovery, in: legend, into: &buffer)
    }
}
