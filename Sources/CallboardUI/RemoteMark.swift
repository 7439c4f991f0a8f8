import CallboardCore

/// A talk mark sent from outside the dashboard (`callboard mark`, a foot pedal, a hotkey):
/// it acts as the talk key of a live call does.
public enum RemoteMark: String, Hashable, Sendable, CaseIterable {
    case me, prospect
    case toggle = "switch"
    case hold, ask

    /// What the call's key for it does.
    public var action: Action {
        switch self {
        case .me: .markMe
        case .prospect: .markProspect
        case .toggle: .toggleSpeaker
        case .hold: .hold
        case .ask: .askedReferrals
        }
    }

    /// What it does, in the keymap's words ("I talk").
    public var summary: String {
        Keymap.bindings.first { $0.contexts.contains(.call) && $0.action == action }?.summary ?? rawValue
    }
}

extension AppState {
    /// Why a remote mark cannot act now, or nil when it does. Marks act during the live
    /// call, also over the note field, help and the quit question; not once `e` has
    /// stopped the meter for the end-of-call questions.
    public func refusal(of mark: RemoteMark) -> String? {
        guard live != nil else { return "no call in progress" }
        if case .endOfCall = mode { return "the call has ended; its end-of-call questions are open" }
        return nil
    }

    /// What a mark just taken did, said from the state it left: the talk marks in the
    /// keymap's words; the referral ask, whether it is now marked or taken back.
    public func confirmation(of mark: RemoteMark) -> String {
        guard mark == .ask else { return mark.summary }
        let asked = live?.call.asked(.whoElse) ?? false
        return asked ? "asked who else might be interested" : "the referral ask taken back"
    }

    mutating func remote(_ mark: RemoteMark, at moment: Moment) -> [Effect] {
        guard refusal(of: mark) == nil else { return [] }
        return callAction(mark.action, at: moment)
    }
}
