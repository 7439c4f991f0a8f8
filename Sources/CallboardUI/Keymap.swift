import CallboardCore

/// The set of keys in force: one per screen or dialog.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case queue, addProspect, recovery, call, note, referralAsk, referralEntry, outcome, nextStep, followUpDraft
    case followUps, review, help, quitConfirm
    /// A calling block between calls: the next prospect and its countdown.
    case block

    /// The heading of the context in the help overlay.
    public var title: String {
        switch self {
        case .queue: "Today's queue"
        case .addProspect: "Adding a prospect"
        case .recovery: "A call found after a crash"
        case .call: "During a call"
        case .note: "Note field"
        case .referralAsk: "End of call: referral ask"
        case .referralEntry: "End of call: referrals"
        case .outcome: "End of call: outcome"
        case .nextStep: "End of call: next step"
        case .followUpDraft: "Follow-up email"
        case .followUps: "Follow-ups to send"
        case .review: "Review"
        case .help: "Help"
        case .quitConfirm: "Quit?"
        case .block: "Calling block: before the next call"
        }
    }
}

/// What a key does.
public enum Action: Hashable, Sendable {
    case help, quit, back, nextPanel, review, followUps
    case moveDown, moveUp, startCall, addProspect
    /// The first and the last row of the queue.
    case queueFirst, queueLast
    case resumeCall, saveRecoveredCall
    case markMe, markProspect, toggleSpeaker, hold, askedReferrals, askedAdvice, note, endCall
    /// A question I asked, one the prospect asked, and the next call type.
    case askedQuestion, theyAskedQuestion, nextCallType
    case pageDown, pageUp
    /// Hands-free on or off for the call in progress.
    case toggleHandsFree
    case openEditor
    case answerYes, answerNo
    case chooseOutcome(Outcome)
    case accept, skip, send
    /// The seller sent the follow-up from their own mail program.
    case markSent
    case confirmQuit
    /// Hang up the softphone's call.
    case hangUp
    /// `P`: a calling block over the queue; Esc in it stops it.
    case startBlock, stopBlock
    /// Keys the review screen handles itself; listed here so help and the status line
    /// show them.
    case reviewKey(String)
}

/// One line of the keymap: the keys, what they do, and where.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    /// How the keys read on screen: "j/k", "Space".
    public var label: String
    public var action: Action
    public var summary: String
    public var contexts: Set<KeyContext>
    /// Shown in the status line as well as in help.
    public var isEssential: Bool

    public init(
        _ keys: [Key], _ label: String, _ action: Action, _ summary: String, in contexts: Set<KeyContext>,
        essential: Bool = true
    ) {
        self.keys = keys
        self.label = label
        self.action = action
        self.summary = summary
        self.contexts = contexts
        self.isEssential = essential
    }
}

/// The one table of keys. The update function, the help overlay and the status line all
/// read it, so what the screen says is what the keys do.
public enum Keymap {
    static let browsing: Set<KeyContext> = [.queue, .followUps, .review]
    /// Where no text field takes the letters, so `?` and `q` work.
    static let anywhereButFields: Set<KeyContext> = [
        .queue, .recovery, .call, .followUps, .review, .referralAsk, .outcome, .followUpDraft, .block,
    ]

    public static let bindings: [KeyBinding] = {
        var table: [KeyBinding] = [
            KeyBinding([.char("?")], "?", .help, "help", in: anywhereButFields.union([.help])),
            // A call's talk keys come first: they are what the seller reaches for most.
            KeyBinding([.char("m")], "m", .markMe, "I talk", in: [.call]),
            KeyBinding([.char("p")], "p", .markProspect, "they talk", in: [.call]),
            KeyBinding([.char(" ")], "Space", .toggleSpeaker, "switch", in: [.call]),
            KeyBinding([.char("s")], "s", .hold, "hold", in: [.call]),
            KeyBinding([.char("a")], "a", .askedReferrals, "asked who else (on/off)", in: [.call]),
            KeyBinding([.char("A")], "A", .askedAdvice, "asked advice (on/off)", in: [.call], essential: false),
            KeyBinding([.char("i")], "i", .askedQuestion, "I asked a question", in: [.call]),
            KeyBinding([.char("o")], "o", .theyAskedQuestion, "they asked a question", in: [.call], essential: false),
            KeyBinding([.char("t")], "t", .nextCallType, "call type: next", in: [.call], essential: false),
            KeyBinding([.char("n")], "n", .note, "note", in: [.call]),
            KeyBinding([.char("e")], "e", .endCall, "end call", in: [.call]),
            KeyBinding([.char("h")], "h", .hangUp, "hang up (softphone)", in: [.call], essential: false),
            KeyBinding([.char("H")], "H", .toggleHandsFree, "hands-free on/off", in: [.call], essential: false),
            KeyBinding([.char("j"), .down], "j/↓", .moveDown, "scroll the brief", in: [.call], essential: false),
            KeyBinding([.char("k"), .up], "k/↑", .moveUp, "scroll the brief back", in: [.call], essential: false),

            KeyBinding([.char("j"), .down], "j/↓", .moveDown, "next", in: [.queue, .followUps], essential: false),
            KeyBinding([.char("k"), .up], "k/↑", .moveUp, "previous", in: [.queue, .followUps], essential: false),
            KeyBinding([.enter], "Enter", .startCall, "start a call", in: [.queue]),
            KeyBinding([.char("a")], "a", .addProspect, "add a prospect", in: [.queue]),
            KeyBinding([.char("r")], "r", .review, "review the day", in: [.queue]),
            KeyBinding([.char("f")], "f", .followUps, "follow-ups to send", in: [.queue]),
            KeyBinding([.char("P")], "P", .startBlock, "calling block", in: [.queue], essential: false),
            KeyBinding([.enter], "Enter", .startCall, "dial now", in: [.block]),
            KeyBinding([.char(" ")], "Space", .toggleSpeaker, "pause / go on (any key pauses)", in: [.block]),
            KeyBinding([.escape], "Esc", .stopBlock, "stop the block", in: [.block]),
            KeyBinding([.tab], "Tab", .nextPanel, "next panel", in: [.queue, .call], essential: false),
            KeyBinding([.pageDown], "PgDn", .pageDown, "a page down", in: [.queue], essential: false),
            KeyBinding([.pageUp], "PgUp", .pageUp, "a page up", in: [.queue], essential: false),
            KeyBinding([.char("g"), .home], "g/Home", .queueFirst, "first in the queue", in: [.queue], essential: false),
            KeyBinding([.char("G"), .end], "G/End", .queueLast, "last in the queue", in: [.queue], essential: false),

            KeyBinding([.char("r")], "r", .resumeCall, "resume it, on hold", in: [.recovery]),
            KeyBinding([.char("s")], "s", .saveRecoveredCall, "save it: end the call", in: [.recovery]),

            KeyBinding([.char("y")], "y", .answerYes, "I asked", in: [.referralAsk]),
            KeyBinding([.char("n")], "n", .answerNo, "I did not ask", in: [.referralAsk]),
            KeyBinding([.enter], "Enter", .accept, "add (empty: done)", in: [.referralEntry, .addProspect]),
            KeyBinding([.enter], "Enter", .accept, "confirm", in: [.nextStep]),
            KeyBinding([.enter], "Enter", .accept, "keep the outcome chosen", in: [.outcome], essential: false),
            KeyBinding([.enter], "Enter", .accept, "save the note", in: [.note]),
            KeyBinding([.ctrl("o")], "Ctrl-O", .openEditor, "note in $EDITOR", in: [.note]),

            KeyBinding([.enter], "Enter", .accept, "accept, write the email", in: [.followUpDraft]),
            KeyBinding([.char("E")], "E", .openEditor, "edit in $EDITOR", in: [.followUpDraft]),
            KeyBinding([.char("x")], "x", .skip, "skip", in: [.followUpDraft]),
            KeyBinding([.char("S")], "S", .send, "send now", in: [.followUpDraft]),
            KeyBinding([.char("j"), .down], "j/↓", .moveDown, "scroll the email", in: [.followUpDraft], essential: false),
            KeyBinding([.char("k"), .up], "k/↑", .moveUp, "scroll the email back", in: [.followUpDraft], essential: false),
            KeyBinding([.enter], "Enter", .accept, "open", in: [.followUps]),
            KeyBinding([.char("d")], "d", .markSent, "done: I sent it myself", in: [.followUps]),

            KeyBinding([.left, .right, .char("h"), .char("l")], "←/→", .reviewKey("day"), "previous / next day", in: [.review]),
            KeyBinding([.char("t")], "t", .reviewKey("today"), "today", in: [.review]),
            KeyBinding([.char("j"), .char("k"), .down, .up], "j/k", .reviewKey("move"), "move", in: [.review], essential: false),
            KeyBinding([.char("g"), .home], "g/Home", .reviewKey("first"), "first call", in: [.review], essential: false),
            KeyBinding([.char("G"), .end], "G/End", .reviewKey("last"), "last call", in: [.review], essential: false),
            KeyBinding([.enter], "Enter", .reviewKey("detail"), "the call's detail", in: [.review]),
            KeyBinding([.char("j"), .down], "j/↓", .moveDown, "scroll", in: [.help], essential: false),
            KeyBinding([.char("k"), .up], "k/↑", .moveUp, "scroll back", in: [.help], essential: false),
            KeyBinding([.pageDown], "PgDn", .pageDown, "a page down", in: [.help], essential: false),
            KeyBinding([.pageUp], "PgUp", .pageUp, "a page up", in: [.help], essential: false),
            KeyBinding([.char("y")], "y", .confirmQuit, "quit", in: [.quitConfirm]),
            KeyBinding([.char("n"), .escape], "n/Esc", .back, "stay", in: [.quitConfirm]),

            KeyBinding([.escape], "Esc", .back, "back / close",
                in: [.addProspect, .note, .referralAsk, .referralEntry, .outcome, .nextStep, .followUpDraft, .followUps, .review, .help]),
            KeyBinding([.char("q")], "q", .quit, "quit", in: anywhereButFields.union([.help])),
        ]
        // One key per outcome, in the order a call usually goes: the built-ins here; a
        // configured list takes their place (``bindings(in:outcomes:)``).
        table.insert(contentsOf: outcomeBindings(.standard), at: table.firstIndex { $0.action == .confirmQuit } ?? table.count)
        return table
    }()

    /// One binding per outcome, with the key each has in `outcomes`.
    static func outcomeBindings(_ outcomes: Outcomes) -> [KeyBinding] {
        outcomes.list.compactMap { rule in
            rule.key.map { KeyBinding([.char($0)], String($0), .chooseOutcome(rule.outcome), rule.label, in: [.outcome]) }
        }
    }

    /// The action of `key` in `context`, or nil when the key does nothing there.
    public static func action(for key: Key, in context: KeyContext, outcomes: Outcomes = .standard) -> Action? {
        bindings(in: context, outcomes: outcomes).first { $0.keys.contains(key) }?.action
    }

    /// The bindings of a context, in table order, with the keys of the seller's outcomes.
    public static func bindings(in context: KeyContext, outcomes: Outcomes = .standard) -> [KeyBinding] {
        let table = bindings.filter { $0.contexts.contains(context) }
        guard context == .outcome, outcomes != .standard else { return table }
        let isOutcome = { (binding: KeyBinding) in
            if case .chooseOutcome = binding.action { return true }
            return false
        }
        let at = table.firstIndex(where: isOutcome) ?? table.count
        return table[..<at].filter { !isOutcome($0) } + outcomeBindings(outcomes) + table[at...].filter { !isOutcome($0) }
    }

    /// Every context's keys as Markdown tables, one `##` section per screen, in the order
    /// of ``KeyContext``: the generated part of `docs/keys.md`.
    public static func markdownTables() -> String {
        KeyContext.allCases.filter { !bindings(in: $0).isEmpty }.map { context in
            let rows = bindings(in: context).map { "| `\($0.label)` | \($0.summary) |" }
            return (["## \(context.title)", "", "| key | does |", "|---|---|"] + rows).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// The talk keys: pressed without looking, so during a live call they act in every
    /// overlay and dialog where they are not typed text.
    public static let talkActions: Set<Action> = [.markMe, .markProspect, .toggleSpeaker, .hold, .askedReferrals, .askedAdvice]

    /// The talk action of `key`, if it is a talk key.
    public static func talkAction(for key: Key) -> Action? {
        action(for: key, in: .call).flatMap { talkActions.contains($0) ? $0 : nil }
    }

    /// The key that does `action` in `context`, as shown on screen.
    public static func label(for action: Action, in context: KeyContext) -> String? {
        bindings.first { $0.contexts.contains(context) && $0.action == action }?.label
    }
}
