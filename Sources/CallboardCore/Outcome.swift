import Foundation

/// How a call ended: the name a call file stores. The built-in outcomes are static members
/// (`.noAnswer`, `.meetingBooked`, …) whose names are those stores have always held; the
/// seller may configure more. What an outcome means — whether it is a conversation, what
/// happens next, its key, its CRM label — is its ``OutcomeRule`` in ``Outcomes``.
public struct Outcome: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }

    public static let noAnswer = Outcome("noAnswer")
    public static let voicemail = Outcome("voicemail")
    public static let gatekeeper = Outcome("gatekeeper")
    public static let notInterested = Outcome("notInterested")
    public static let noFit = Outcome("noFit")
    public static let callback = Outcome("callback")
    public static let meetingBooked = Outcome("meetingBooked")
    public static let opportunity = Outcome("opportunity")

    /// The built-in outcomes, in the order a call usually goes: the default list.
    public static let builtIns: [Outcome] = [
        .noAnswer, .voicemail, .gatekeeper, .notInterested, .noFit, .callback, .meetingBooked, .opportunity,
    ]

    public var isBuiltIn: Bool { Self.builtIns.contains(self) }

    /// The words a seller would use: a built-in's own ("meeting booked"); a configured
    /// outcome is named in the seller's words already.
    public var label: String {
        switch self {
        case .noAnswer: "no answer"
        case .notInterested: "not interested"
        case .noFit: "no fit"
        case .meetingBooked: "meeting booked"
        default: rawValue
        }
    }

    /// Snake-case name for reports and scripts: "meeting_booked".
    public var reportName: String { label.replacingOccurrences(of: " ", with: "_") }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
