/// The first screen of an empty store: what callboard is for, how to get prospects in,
/// and the keys.
enum WelcomeView {
    static func draw(in rect: Rect, into buffer: inout CellBuffer) {
        let inner = Frame.draw("Welcome to callboard", in: rect.inset(by: 1), into: &buffer, focused: true)
        guard !inner.isEmpty else { return }
        let body = inner.inset(by: 1).isEmpty ? inner : Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
        var texts: [(String, Style)] = [
            ("callboard keeps today's calls in front of you and times who talks, so the prospect talks most.", Style(.text, bold: true)),
            ("Before you hang up it reminds you to ask for referrals, and after each call it drafts the thank-you email.", Style(.text)),
            ("", Style(.text)),
            ("There is nobody to call yet. Press a to add a prospect here, or from the shell:", Style(.accent, bold: true)),
            ("  callboard add \"Anna de Vries\" --company Acme --phone +31201234567", Style(.text)),
            ("or import a CRM export:", Style(.accent, bold: true)),
            ("  callboard import contacts.csv", Style(.text)),
            ("or try it on sample data: callboard demo", Style(.muted)),
            ("", Style(.text)),
            ("Keys", Style(.accent, bold: true)),
        ]
        for context in [KeyContext.queue, .call] {
            let keys = Keymap.bindings(in: context).map { "\($0.label) \($0.summary)" }.joined(separator: " · ")
            texts.append(("\(context.title): \(keys)", Style(.muted)))
        }
        DialogBox.lines(texts, in: body, into: &buffer)
    }
}
