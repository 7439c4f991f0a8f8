import Foundation

/// The thank-you email after a conversation, from a template the seller can replace.
///
/// A template is plain text: the first line is `Subject: ...`, then a blank line, then the
/// body. Placeholders in double braces are filled from the call:
/// `{{first_name}}`, `{{name}}`, `{{company}}`, `{{thanks}}` (the one sentence of thanks,
/// as long as the conversation was), `{{outcome}}` (one or two sentences that state how
/// the call ended and what happens next), `{{referral_thanks}}` (a sentence thanking for
/// any referral, by name, or nothing), `{{sender_name}}`.
public struct FollowUpTemplate: Hashable, Sendable {
    public static let placeholders = [
        "first_name", "name", "company", "thanks", "outcome", "referral_thanks", "sender_name",
    ]

    public static let standardText = """
        Subject: Thank you for your time, {{first_name}}

        Hello {{first_name}},

        {{thanks}} {{outcome}}{{referral_thanks}}

        Kind regards,
        {{sender_name}}
        """

    public static let standard: FollowUpTemplate = {
        switch FollowUpTemplate.parse(standardText) {
        case .success(let template): return template
        case .failure: return FollowUpTemplate(subject: "Thank you for your time", body: "{{outcome}}")
        }
    }()

    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a template, refusing one without a subject line or with unknown placeholders.
    public static func parse(_ text: String) -> Result<FollowUpTemplate, Problem> {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.lowercased().hasPrefix("subject:") else {
            return .failure(Problem(description: "the first line of a follow-up template must be “Subject: ...”"))
        }
        let subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
        lines.removeFirst()
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        let body = lines.joined(separator: "\n")
        let unknown = Set(placeholders(in: subject + body)).subtracting(Self.placeholders).sorted()
        if !unknown.isEmpty {
            return .failure(Problem(description:
                "unknown placeholder \(unknown.map { "{{\($0)}}" }.joined(separator: ", ")); known ones are "
                + Self.placeholders.map { "{{\($0)}}" }.joined(separator: ", ")))
        }
        return .success(FollowUpTemplate(subject: subject, body: body))
    }

    /// The thank-you draft for a finished call as the seller's settings make it: their own
    /// template when they set one, else ours; signed with their name; times on the
    /// prospect's clock when it is known, else on `sellerZone`. The dashboard and the sample
    /// history both draft through here.
    public static func draft(call: Call, prospect: Prospect, settings: Settings, sellerZone: TimeZone) -> FollowUp {
        let template = settings.followUpTemplate.flatMap { try? FollowUpTemplate.parse($0).get() } ?? .standard
        return template.draft(
            call: call, prospect: prospect, sellerName: settings.sellerName, zone: prospect.zone ?? sellerZone,
            outcomes: settings.outcomes)
    }

    /// The draft for a finished conversation. `zone` is the prospect's zone when known, so
    /// the date of a callback reads as it was agreed.
    /// With no zone of the prospect's, a time in the email names the seller's zone, so
    /// nobody reads it on the wrong clock.
    public func draft(
        call: Call, prospect: Prospect, sellerName: String, zone: TimeZone, outcomes: Outcomes = .standard
    ) -> FollowUp {
        let values: [String: String] = [
            "first_name": prospect.greeting,
            "name": prospect.name,
            "company": prospect.company,
            "thanks": Self.thanks(call: call, company: prospect.company),
            "outcome": Self.outcomeSentence(call: call, zone: zone, namingZone: prospect.zone == nil, outcomes: outcomes),
            "referral_thanks": Self.referralThanks(call.referrals),
            "sender_name": sellerName,
        ]
        return FollowUp(subject: Self.fill(subject, values), body: Self.fill(body, values))
    }

    /// How long a conversation was, as the thanks for it should sound.
    public enum Length: Hashable, Sendable {
        /// Under a minute: they gave a moment, nothing more.
        case brief
        /// A real exchange, but they told little of their own work.
        case conversation
        /// They spoke about their work for a while (a minute or more of their voice, or
        /// three minutes of call when nobody marked who talked).
        case theyToldMe

        public init(call: Call) {
            let duration = call.duration ?? 0
            let theirs = call.seconds(of: .prospect)
            if duration < 60 {
                self = .brief
            } else if theirs >= 60 || (call.segments.isEmpty && duration >= 180) {
                self = .theyToldMe
            } else {
                self = .conversation
            }
        }
    }

    /// The one sentence of thanks, as long as the conversation was: nobody is thanked for
    /// "telling me about your work" after a few seconds of "not interested".
    public static func thanks(call: Call, company: String) -> String {
        switch Length(call: call) {
        case .brief:
            return "Thank you for the moment you gave me on the phone today."
        case .conversation:
            return "Thank you for taking my call today."
        case .theyToldMe:
            let at = company.isEmpty ? "" : " at \(company)"
            let sentence = "Thank you for taking my call today and for telling me about your work\(at)"
            return sentence.hasSuffix(".") ? sentence : sentence + "."
        }
    }

    /// How the call ended and what happens next, in the seller's own voice. The thanks is
    /// said once, in ``thanks(call:company:)``; these sentences do not repeat it.
    /// A configured outcome speaks as what it leads to does.
    public static func outcomeSentence(
        call: Call, zone: TimeZone, namingZone: Bool = false, outcomes: Outcomes = .standard
    ) -> String {
        let when = call.nextStepAt.map { Self.spoken($0, zone: zone) + (namingZone ? " (\(zone.identifier) time)" : "") }
        var spoken = call.outcome
        if let outcome = call.outcome, !outcome.isBuiltIn {
            switch outcomes.rule(for: outcome).next {
            case .callback: spoken = .callback
            case .meeting: spoken = .meetingBooked
            case .followUp: spoken = .opportunity
            case .retry: spoken = nil
            case .never: spoken = .notInterested
            case .stayInTouch:
                return "I understand the timing is not right for you now; I will be in touch again in a while, in case things have changed."
            }
        }
        switch spoken {
        case .callback?:
            return when.map { "As we agreed, I will call you again on \($0)." }
                ?? "As we agreed, I will call you again soon."
        case .meetingBooked?:
            return (when.map { "I look forward to our meeting on \($0)." } ?? "I look forward to our meeting.")
                + " If the time stops suiting you, a reply to this email is enough to move it."
        case .opportunity?:
            return "I was glad to hear where we may be able to help, and I will send the details we discussed."
                + (when.map { " I will call you on \($0) to take it further." } ?? "")
        case .notInterested?:
            return "I understand this is not a priority for you at the moment."
                + " If that changes, I would be glad to hear from you."
        case .noFit?:
            return "As we found, what we offer does not match what you need right now."
                + " Should your needs change, I would be glad to hear from you."
        default:
            return "I will be in touch again soon."
        }
    }

    static func referralThanks(_ referrals: [Referral]) -> String {
        let names = referrals.map(\.name).filter { !$0.isEmpty }
        guard !names.isEmpty else { return "" }
        let list: String
        switch names.count {
        case 1: list = names[0]
        case 2: list = "\(names[0]) and \(names[1])"
        default: list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
        return " Thank you also for suggesting I speak with \(list); I will mention that you sent me."
    }

    /// "Thursday 3 December at 10:00".
    public static func spoken(_ date: Date, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEEE d MMMM 'at' HH:mm"
        return formatter.string(from: date)
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = text
        // "your work at {{company}}" without a company reads "your work".
        if values["company"]?.isEmpty == true { out = out.replacingOccurrences(of: " at {{company}}", with: "") }
        for (key, value) in values {
            // "at {{company}}." with "Atlas S.A." must not end in "S.A.."
            if value.hasSuffix(".") { out = out.replacingOccurrences(of: "{{\(key)}}.", with: value) }
            out = out.replacingOccurrences(of: "{{\(key)}}", with: value)
        }
        return out
    }

    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            found.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }
}

extension FollowUp {
    /// The draft as an editor shows it: the subject line, a blank line, the body.
    public var editable: String { "Subject: \(subject)\n\n\(body)" }

    /// What an editor left of `draft`'s ``editable`` text; a missing subject line keeps
    /// the old subject.
    public static func edited(_ text: String, from draft: FollowUp) -> FollowUp {
        var draft = draft
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.lowercased().hasPrefix("subject:") {
            draft.subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
            while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        }
        draft.body = lines.joined(separator: "\n")
        return draft
    }
}

/// A finished call as the store filed it: the call with its referrals linked, every
/// prospect it changed or created, and what became of each referral.
public struct FiledCall: Hashable, Sendable {
    public var call: Call
    /// The called prospect, as updated.
    public var prospect: Prospect
    /// Every prospect saved with the call, the called one first.
    public var prospects: [Prospect]
    public var referralFilings: [ReferralFiling]
    /// The outbox file the follow-up was written to, when one was.
    public var followUpFile: String?

    public init(
        call: Call, prospect: Prospect, prospects: [Prospect], referralFilings: [ReferralFiling],
        followUpFile: String? = nil
    ) {
        self.call = call
        self.prospect = prospect
        self.prospects = prospects
        self.referralFilings = referralFilings
        self.followUpFile = followUpFile
    }
}
