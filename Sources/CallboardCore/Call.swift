import Foundation

/// Who holds the floor.
public enum Speaker: String, Hashable, Codable, Sendable, CaseIterable {
    case me, prospect, silence
}

/// A stretch of the call with one speaker, as offsets in seconds from the call's start.
public struct TalkSegment: Hashable, Codable, Sendable {
    public var speaker: Speaker
    public var start: Double
    public var end: Double

    public init(speaker: Speaker, start: Double, end: Double) {
        self.speaker = speaker
        self.start = start
        self.end = end
    }

    public var duration: Double { max(0, end - start) }
}

/// Whether the seller asked the prospect who else might be interested.
public enum ReferralAsk: String, Hashable, Codable, Sendable {
    case asked, notAsked, notApplicable
}

/// The two questions of the referral ask. Either one asked counts as asking.
public enum ReferralQuestion: String, Hashable, Codable, Sendable, CaseIterable {
    /// "Who else might be interested in this?"
    case whoElse
    /// "Whose advice should I ask: who should I talk to?"
    case advice
}

/// Someone the prospect suggested; becomes a new prospect.
public struct Referral: Hashable, Codable, Sendable {
    public var name: String
    public var company: String
    public var phone: String
    public var email: String
    /// The prospect created for this referral.
    public var prospectID: ProspectID?

    public init(
        name: String, company: String = "", phone: String = "", email: String = "",
        prospectID: ProspectID? = nil
    ) {
        self.name = name
        self.company = company
        self.phone = phone
        self.email = email
        self.prospectID = prospectID
    }
}

/// A note taken during a call; tagged notes add to the prospect's world.
public struct CallNote: Hashable, Codable, Sendable {
    public enum Tag: String, Hashable, Codable, Sendable, CaseIterable {
        case organization, challenge, requirement
    }

    public var text: String
    public var tag: Tag?
    /// Seconds from the call's start.
    public var at: Double

    public init(text: String, tag: Tag? = nil, at: Double) {
        self.text = text
        self.tag = tag
        self.at = at
    }
}

/// The thank-you email after a conversation.
public struct FollowUp: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable {
        case pending, sent, skipped
    }

    public var subject: String
    public var body: String
    public var status: Status
    public var sentAt: Date?
    /// File name of the written message in the store's outbox, once written.
    public var messageFile: String?

    /// Where a follow-up is in its life: drafted (not yet written anywhere), ready
    /// (written to the outbox, waiting to be sent by the seller), sent or skipped.
    public enum Stage: String, Hashable, Sendable, CaseIterable {
        case drafted, ready, sent, skipped
        /// Written, but the prospect has no address it can go to: not ready to send.
        case noRecipient

        /// The seller's words for it, the same on every screen.
        public var label: String {
            switch self {
            case .drafted: "drafted"
            case .ready: "ready to send"
            case .sent: "sent"
            case .skipped: "skipped"
            case .noRecipient: "without an address"
            }
        }
    }

    /// The stage for an email to `recipient`: a written one with no address it can reach
    /// is not ready to send, whatever the outbox holds.
    public func stage(to recipient: String) -> Stage {
        let stage = self.stage
        return stage == .ready && !ContactCheck.canReceiveEmail(recipient) ? .noRecipient : stage
    }

    /// The stage, from what is stored: the status and whether the message was written.
    public var stage: Stage {
        switch status {
        case .sent: .sent
        case .skipped: .skipped
        case .pending: messageFile == nil ? .drafted : .ready
        }
    }

    public init(
        subject: String, body: String, status: Status = .pending, sentAt: Date? = nil,
        messageFile: String? = nil
    ) {
        self.subject = subject
        self.body = body
        self.status = status
        self.sentAt = sentAt
        self.messageFile = messageFile
    }
}

/// One phone call with one prospect.
public struct Call: Identifiable, Hashable, Codable, Sendable {
    public var id: CallID
    public var prospectID: ProspectID
    /// The prospect's name and company when the call was made, so a review of the day
    /// never has to read the whole address book.
    public var prospectName: String?
    public var prospectCompany: String?
    /// Wall-clock start, for the calendar and reports. Talk arithmetic never uses it.
    public var startedAt: Date
    public var segments: [TalkSegment]
    /// Seconds from start to hang-up; nil while live.
    public var duration: Double?
    public var outcome: Outcome?
    /// Whether the outcome, as configured when the call was saved, says the prospect was
    /// reached; nil on calls saved before outcomes could be configured.
    public var conversation: Bool?
    public var referralAsk: ReferralAsk
    /// Which of the two questions the seller marked during the call; nil in calls saved
    /// before they were marked one by one (then `referralAsk` alone tells).
    public var referralQuestions: [ReferralQuestion]?
    public var referrals: [Referral]
    public var notes: [CallNote]
    public var followUp: FollowUp?
    /// The agreed next callback or meeting, when the outcome has one.
    public var nextStepAt: Date?
    /// The kind of call (a ``CallType`` name); nil on calls saved before call types.
    public var callType: String?
    /// Questions tapped during the call, mine and the prospect's.
    public var questions: [QuestionMark] = []
    /// How the talk was marked: keys, the headset (hands-free) or both; nil on calls saved
    /// before hands-free, or with nothing marked.
    public var markedBy: HandsFreeMarking.MarkedBy?
    /// How many times a talk key overrode detection; nil when hands-free was never on.
    public var keyOverrides: Int?

    public init(
        id: CallID, prospectID: ProspectID, prospectName: String? = nil, prospectCompany: String? = nil,
        startedAt: Date, segments: [TalkSegment] = [],
        duration: Double? = nil, outcome: Outcome? = nil, referralAsk: ReferralAsk = .notAsked,
        referrals: [Referral] = [], notes: [CallNote] = [], followUp: FollowUp? = nil,
        nextStepAt: Date? = nil
    ) {
        self.id = id
        self.prospectID = prospectID
        self.prospectName = prospectName
        self.prospectCompany = prospectCompany
        self.startedAt = startedAt
        self.segments = segments
        self.duration = duration
        self.outcome = outcome
        self.referralAsk = referralAsk
        self.referrals = referrals
        self.notes = notes
        self.followUp = followUp
        self.nextStepAt = nextStepAt
    }

    /// A stable id from the prospect and the start second, so the same call saved twice
    /// (a checkpoint, then the final save) is one call.
    public static func makeID(prospect: ProspectID, startedAt: Date) -> CallID {
        CallID("\(prospect.rawValue)@\(Int(startedAt.timeIntervalSince1970.rounded(.down)))")
    }

    /// Seconds spoken by each speaker over the whole call.
    public func seconds(of speaker: Speaker) -> Double {
        segments.lazy.filter { $0.speaker == speaker }.map(\.duration).reduce(0, +)
    }

    public var endedAt: Date? { duration.map { startedAt.addingTimeInterval($0) } }

    /// Whether the seller reached the prospect: as the outcome said when the call was
    /// saved (a built-in outcome's meaning on older calls), or, without an outcome, whether
    /// the prospect spoke. The one rule for a conversation, for the review and the best time.
    public var reachedProspect: Bool {
        OutcomeRule.reached(conversation: conversation, outcome: outcome, prospectSpoke: seconds(of: .prospect) > 0)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(CallID.self, forKey: .id)
        prospectID = try c.decode(ProspectID.self, forKey: .prospectID)
        prospectName = try c.decodeIfPresent(String.self, forKey: .prospectName)
        prospectCompany = try c.decodeIfPresent(String.self, forKey: .prospectCompany)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        segments = try c.decodeIfPresent([TalkSegment].self, forKey: .segments) ?? []
        duration = try c.decodeIfPresent(Double.self, forKey: .duration)
        outcome = try c.decodeIfPresent(Outcome.self, forKey: .outcome)
        conversation = try c.decodeIfPresent(Bool.self, forKey: .conversation)
        referralAsk = try c.decodeIfPresent(ReferralAsk.self, forKey: .referralAsk) ?? .notAsked
        referralQuestions = try c.decodeIfPresent([ReferralQuestion].self, forKey: .referralQuestions)
        referrals = try c.decodeIfPresent([Referral].self, forKey: .referrals) ?? []
        notes = try c.decodeIfPresent([CallNote].self, forKey: .notes) ?? []
        followUp = try c.decodeIfPresent(FollowUp.self, forKey: .followUp)
        nextStepAt = try c.decodeIfPresent(Date.self, forKey: .nextStepAt)
        callType = try c.decodeIfPresent(String.self, forKey: .callType)
        questions = try c.decodeIfPresent([QuestionMark].self, forKey: .questions) ?? []
        markedBy = try c.decodeIfPresent(HandsFreeMarking.MarkedBy.self, forKey: .markedBy)
        keyOverrides = try c.decodeIfPresent(Int.self, forKey: .keyOverrides)
    }

    /// Patience: the median pause between the prospect stopping and me starting, when the
    /// headset marked the turns (a key's pause measures the finger, not the seller); nil
    /// otherwise, or when I never answered.
    public var patience: Double? {
        guard markedBy == .handsFree || markedBy == .mixed else { return nil }
        return TalkPatience.median(in: segments)
    }
}

extension Call {
    /// Whether the seller marked `question` as asked.
    public func asked(_ question: ReferralQuestion) -> Bool {
        referralQuestions.map { $0.contains(question) } ?? (referralAsk == .asked)
    }

    /// Marks `question` asked, or takes the mark back; the call counts as asked while
    /// either question is.
    public mutating func toggle(_ question: ReferralQuestion) {
        var marked = Set(ReferralQuestion.allCases.filter(asked))
        if marked.contains(question) { marked.remove(question) } else { marked.insert(question) }
        referralQuestions = ReferralQuestion.allCases.filter(marked.contains)
        referralAsk = marked.isEmpty ? .notAsked : .asked
    }
}
