import Foundation

/// What an outcome means: whether the seller reached the prospect, what becomes of the
/// prospect next, the key that picks it and the label a CRM knows it by. Every question
/// about an outcome's behaviour is answered here, for built-in and configured ones alike.
public struct OutcomeRule: Hashable, Sendable {
    /// What becomes of the prospect after a call that ended so.
    public enum Next: Hashable, Sendable {
        /// Unreached: tried again by the retry rule (``RetryRule``).
        case retry
        /// A callback at the time agreed, asked for in the next step.
        case callback
        /// A meeting at the time agreed; the next call is the day after it.
        case meeting
        /// A follow-up at a time agreed, or else the next business day.
        case followUp
        /// Reached but not ready: called again `days` days later, to stay in touch.
        case stayInTouch(days: Int)
        /// Never called again: closed as lost.
        case never
    }

    public var outcome: Outcome
    /// Whether the seller actually spoke with the prospect. Only conversations get a
    /// referral ask and a thank-you email, and count as picked up for the best time.
    public var isConversation: Bool
    public var next: Next
    /// The key that picks it in the end-of-call dialog; nil lets ``Outcomes`` give one.
    public var key: Character?
    /// The name a CRM knows the outcome by, for exports.
    public var crmLabel: String

    public init(_ outcome: Outcome, isConversation: Bool, next: Next, key: Character? = nil, crmLabel: String? = nil) {
        self.outcome = outcome
        self.isConversation = isConversation
        self.next = next
        self.key = key
        self.crmLabel = crmLabel ?? outcome.label
    }

    public var label: String { outcome.label }

    /// Whether the outcome needs an agreed date and time.
    public var needsAppointment: Bool { next == .callback || next == .meeting }

    /// Whether the next step asks for a date and time: required for a callback or a
    /// meeting, optional for a follow-up (none: the next business day).
    public var asksTime: Bool { needsAppointment || next == .followUp }

    /// Whether the prospect stays in play after this outcome, so the next step is asked
    /// (or, for a retry or a stay-in-touch, shown).
    public var continues: Bool { next != .never }

    /// Whether the next attempt follows the retry rule.
    public var isRetry: Bool { next == .retry }

    /// Days until a stay-in-touch call; nil for any other outcome.
    public var stayInTouchDays: Int? {
        if case .stayInTouch(let days) = next { return days }
        return nil
    }

    /// The day of the stay-in-touch call after a call on `today`: `days` later, moved on
    /// to a business day; nil for any other outcome. The one rule, for the saved prospect
    /// and for the dialog that announces it.
    public func stayInTouchDay(after today: CalendarDay) -> CalendarDay? {
        guard let days = stayInTouchDays else { return nil }
        let day = today.adding(days: max(1, days))
        return day.isWeekend ? day.nextBusinessDay : day
    }

    /// Whether a saved call reached the prospect: by the flag its outcome gave it when it
    /// was saved, else (older calls) by a built-in outcome's meaning, else (no outcome)
    /// by whether the prospect spoke.
    public static func reached(conversation: Bool?, outcome: Outcome?, prospectSpoke: @autoclosure () -> Bool) -> Bool {
        if let conversation { return conversation }
        if let outcome { return builtIn(outcome)?.isConversation ?? true }
        return prospectSpoke()
    }

    /// The built-in meaning of a built-in outcome; nil for any other name.
    public static func builtIn(_ outcome: Outcome) -> OutcomeRule? {
        switch outcome {
        case .noAnswer: OutcomeRule(outcome, isConversation: false, next: .retry, crmLabel: "No Answer")
        case .voicemail: OutcomeRule(outcome, isConversation: false, next: .retry, crmLabel: "Left Voicemail")
        case .gatekeeper: OutcomeRule(outcome, isConversation: false, next: .retry, crmLabel: "Gatekeeper")
        case .notInterested: OutcomeRule(outcome, isConversation: true, next: .never, crmLabel: "Not Interested")
        case .noFit: OutcomeRule(outcome, isConversation: true, next: .never, crmLabel: "No Fit")
        case .callback: OutcomeRule(outcome, isConversation: true, next: .callback, crmLabel: "Call Back")
        case .meetingBooked: OutcomeRule(outcome, isConversation: true, next: .meeting, crmLabel: "Meeting Booked")
        case .opportunity: OutcomeRule(outcome, isConversation: true, next: .followUp, crmLabel: "Opportunity")
        default: nil
        }
    }
}

/// The outcomes a call can end with, in the order the dialog lists them, each with its
/// key: the built-ins by default, or the seller's list from the configuration.
public struct Outcomes: Hashable, Sendable {
    /// Every rule, each with its key.
    public private(set) var list: [OutcomeRule]

    /// Keys never given to an outcome: the dialog's own (`?` help, `q` quit).
    public static let reservedKeys: Set<Character> = ["?", "q"]
    /// The keys given, in order, to outcomes that do not name their own: the digits, 0
    /// for a tenth, then letters.
    static let automaticKeys: [Character] = Array("1234567890abcdefghijklmnoprstuvwxyz")
    /// A name longer than this would not fit the review's outcome column.
    public static let longestName = 24
    public static let longestStayInTouch = 3650

    /// `rules` with a key for each that has none: the first of ``automaticKeys`` no rule
    /// names. Check them with ``problem(in:)`` first.
    public init(_ rules: [OutcomeRule]) {
        let named = Set(rules.compactMap(\.key))
        var free = Self.automaticKeys.filter { !named.contains($0) }[...]
        list = rules.map { rule in
            var rule = rule
            if rule.key == nil { rule.key = free.popFirst() }
            return rule
        }
    }

    public static let standard = Outcomes(Outcome.builtIns.compactMap(OutcomeRule.builtIn))

    public var outcomes: [Outcome] { list.map(\.outcome) }

    /// The rule of `outcome`: the configured one, else the built-in one, else (a name a
    /// call was saved with that the configuration no longer lists) a conversation that
    /// leads nowhere, so nobody comes back by it.
    public func rule(for outcome: Outcome) -> OutcomeRule {
        list.first { $0.outcome == outcome } ?? OutcomeRule.builtIn(outcome)
            ?? OutcomeRule(outcome, isConversation: true, next: .never)
    }

    /// The outcome whose key is `key` in the dialog.
    public func outcome(forKey key: Character) -> Outcome? {
        list.first { $0.key == key }?.outcome
    }

    /// What is wrong with a list of rules, in words that fit "it must be …; …", or nil.
    public static func problem(in rules: [OutcomeRule]) -> String? {
        guard !rules.isEmpty else { return "at least one outcome" }
        var names: [String: String] = [:]
        var keys: [Character: String] = [:]
        for rule in rules {
            let name = rule.outcome.rawValue
            if name.trimmingCharacters(in: .whitespaces).isEmpty { return "an outcome has an empty name" }
            if name.count > longestName { return "the name \"\(name)\" is longer than \(longestName) characters" }
            if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "the name \"\(name)\" holds a control character"
            }
            if let other = names.updateValue(name, forKey: name.lowercased()) {
                return "\"\(other)\" appears twice"
            }
            if let days = rule.stayInTouchDays, !(1...longestStayInTouch).contains(days) {
                return "the stay-in-touch days of \"\(name)\" must be from 1 to \(longestStayInTouch)"
            }
            guard let key = rule.key else { continue }
            if reservedKeys.contains(key) || key.isWhitespace || key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "the key \"\(key)\" of \"\(name)\" is taken by the dialog itself (? and q) or cannot be typed"
            }
            if let other = keys.updateValue(name, forKey: key) {
                return "the key \"\(key)\" is given to both \"\(other)\" and \"\(name)\""
            }
        }
        let unkeyed = rules.filter { $0.key == nil }.count
        let free = automaticKeys.filter { keys[$0] == nil }.count
        if unkeyed > free { return "at most \(free + keys.count) outcomes, each with its own key" }
        return nil
    }
}
