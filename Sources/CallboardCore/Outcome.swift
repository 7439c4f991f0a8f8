import Foundation

/// How a call ended.
public enum Outcome: String, Hashable, Codable, Sendable, CaseIterable {
    case noAnswer, voicemail, gatekeeper, notInterested, noFit, callback, meetingBooked, opportunity

    /// Whether the seller actually spoke with the prospect. Only conversations get a
    /// referral ask and a thank-you email.
    public var isConversation: Bool {
        switch self {
        case .noAnswer, .voicemail, .gatekeeper: false
        case .notInterested, .noFit, .callback, .meetingBooked, .opportunity: true
        }
    }

    /// Whether the outcome needs an agreed date and time.
    public var needsAppointment: Bool { self == .callback || self == .meetingBooked }

    /// Whether the next step asks for a date and time: required for a callback or a
    /// meeting, optional for an opportunity (none: the next business day).
    public var asksTime: Bool { needsAppointment || self == .opportunity }

    /// Whether the prospect stays in play after this outcome, so the next step is asked.
    public var continues: Bool { asksTime || isRetry }

    /// Whether the next attempt follows the retry rule.
    public var isRetry: Bool { self == .noAnswer || self == .voicemail || self == .gatekeeper }

    /// The words a seller would use.
    public var label: String {
        switch self {
        case .noAnswer: "no answer"
        case .voicemail: "voicemail"
        case .gatekeeper: "gatekeeper"
        case .notInterested: "not interested"
        case .noFit: "no fit"
        case .callback: "callback"
        case .meetingBooked: "meeting booked"
        case .opportunity: "opportunity"
        }
    }

    /// Snake-case name for reports and scripts: "meeting_booked".
    public var reportName: String { label.replacingOccurrences(of: " ", with: "_") }
}
