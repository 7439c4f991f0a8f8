import Foundation

/// A one-line progress bar on stderr, drawn only on a terminal and only when the work
/// is big enough to wait for.
struct ProgressBar {
    var enabled: Bool
    private var lastDrawn = -1

    init(enabled: Bool) { self.enabled = enabled }

    mutating func show(done: Int, total: Int) {
        guard enabled, total >= 1_000 else { return }
        let percent = min(100, done * 100 / max(1, total))
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Output.writeAll(Data("\r\(bar) \(percent)% ".utf8), to: 2)
    }

    mutating func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        Output.writeAll(Data("\r\u{1B}[K".utf8), to: 2)
    }
}
