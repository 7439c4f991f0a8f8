import Foundation

/// The figures of one finished (or live) call, for the review.
public struct CallSummary: Hashable, Codable, Sendable {
    public var callID: CallID
    public var prospectID: ProspectID
    public var startedAt: Date
    public var duration: Double
    public var me: Double
    public var prospect: Double
    public var silence: Double
    public var longestMonologue: Double
    /// The prospect's longest uninterrupted stretch.
    public var longestStory: Double
    public var outcome: Outcome?
    /// Whether the outcome said the prospect was reached (``Call/conversation``).
    public var conversation: Bool?
    public var referralAsk: ReferralAsk
    public var referralNames: [String]
    public var followUp: FollowUp.Status?
    /// Whether the follow-up went out within ``FollowUp/onTimeLimit`` of the hang-up.
    public var followUpOnTime: Bool
    /// The call's type; nil on calls saved before call types existed.
    public var callType: String?
    /// What this call is judged by: its type's targets, or the untyped ones. Not stored:
    /// a summary read back is judged by the reader's settings (``judged(types:untyped:)``).
    public var targets: TalkTargets = .standard
    public var questions: QuestionFigures
    /// The callback or meeting agreed on the call, if any.
    public var nextStepAt: Date?
    /// How the talk was marked, and how often a key overrode the headset; nil on calls
    /// saved before hands-free.
    public var markedBy: HandsFreeMarking.MarkedBy?
    public var keyOverrides: Int?
    /// The median pause before I answered the prospect, on calls the headset marked.
    public var patience: Double?

    /// - Parameters:
    ///   - types: the call types that give a typed call its targets.
    ///   - untyped: the targets of a call without a type, or of a type `types` lacks.
    public init(call: Call, types: CallTypes = .standard, untyped: TalkTargets = .standard) {
        let targets = Self.targets(callType: call.callType, types: types, untyped: untyped)
        let figures = TalkFigures(
            segments: call.segments, elapsed: call.duration ?? call.segments.last?.end ?? 0,
            state: .ended, openSince: 0, targets: targets)
        callID = call.id
        prospectID = call.prospectID
        startedAt = call.startedAt
        let length = call.duration ?? figures.elapsed
        duration = length
        me = figures.me
        prospect = figures.prospect
        silence = figures.silence
        longestMonologue = figures.longestMonologue
        longestStory = figures.longestStory
        outcome = call.outcome
        conversation = call.conversation
        referralAsk = call.referralAsk
        referralNames = call.referrals.map(\.name)
        followUp = call.followUp?.status
        followUpOnTime = call.followUp.map { $0.wasSentOnTime(callEnded: call.startedAt.addingTimeInterval(length)) } ?? false
        callType = call.callType
        self.targets = targets
        questions = QuestionFigures(call.questions, length: length)
        nextStepAt = call.nextStepAt
        markedBy = call.markedBy
        keyOverrides = call.keyOverrides
        patience = call.patience
    }

    /// The same figures judged by these settings' targets, as a call read afresh would be.
    public func judged(types: CallTypes, untyped: TalkTargets) -> CallSummary {
        var judged = self
        judged.targets = Self.targets(callType: callType, types: types, untyped: untyped)
        return judged
    }

    private static func targets(callType: String?, types: CallTypes, untyped: TalkTargets) -> TalkTargets {
        types.targets(for: callType, untyped: untyped)
    }

    /// Everything but the targets, which belong to whoever reads the figures.
    enum CodingKeys: String, CodingKey {
        case callID, prospectID, startedAt, duration, me, prospect, silence, longestMonologue, longestStory
        case outcome, conversation, referralAsk, referralNames, followUp, followUpOnTime, callType, questions
        case nextStepAt, markedBy, keyOverrides, patience
    }

    /// My share of talk; nil when nobody spoke, and for a call that was no conversation
    /// (a voicemail, no answer, a gatekeeper): a message left is not a share of a talk.
    public var myShare: Double? { isConversation && me + prospect > 0 ? me / (me + prospect) : nil }

    /// A call counts as a conversation when its outcome says the prospect was reached, or,
    /// before an outcome is set, when the prospect spoke.
    public var isConversation: Bool {
        OutcomeRule.reached(conversation: conversation, outcome: outcome, prospectSpoke: prospect > 0)
    }

    /// Whether questions were counted on this call: calls saved before questions could
    /// be tapped carry no type, and their zero says nothing.
    public var countsQuestions: Bool { callType != nil }

    /// My share against the call's own band.
    public var verdict: TalkVerdict { targets.verdict(forShare: myShare) }

    /// My questions against the call's own range; nil where questions were not counted.
    public var questionVerdict: QuestionVerdict? {
        countsQuestions ? targets.verdict(forQuestions: questions.mine) : nil
    }
}

extension FollowUp {
    /// A thank-you email is on time when it leaves within a day of the call.
    public static let onTimeLimit: TimeInterval = 24 * 3600

    /// Whether it was sent, and within ``onTimeLimit`` of `callEnded`.
    public func wasSentOnTime(callEnded: Date) -> Bool {
        guard status == .sent, let sentAt else { return false }
        return sentAt.timeIntervalSince(callEnded) <= Self.onTimeLimit
    }
}

/// The talk of one call type within a day or a period.
public struct TypeTotals: Hashable, Codable, Sendable {
    public var conversations: Int
    public var me: Double
    public var prospect: Double
    public var callsInBand: Int
    public var callsWithShare: Int
    public var questionsAsked: Int
    /// Conversations whose questions were counted, the denominator of `questionsAsked`.
    public var questionedConversations: Int
    /// The patience of each conversation of the type marked hands-free (the median pause
    /// before I answered): kept as values, since medians do not add up across days.
    public var patienceSamples: [Double]

    public init() {
        conversations = 0
        me = 0
        prospect = 0
        callsInBand = 0
        callsWithShare = 0
        questionsAsked = 0
        questionedConversations = 0
        patienceSamples = []
    }

    /// The median of the type's patience; nil without hands-free conversations.
    public var patience: Double? { TalkPatience.median(of: patienceSamples) }

    public var myShare: Double? { me + prospect > 0 ? me / (me + prospect) : nil }

    public var questionsPerConversation: Double? {
        questionedConversations > 0 ? Double(questionsAsked) / Double(questionedConversations) : nil
    }

    mutating func add(_ other: TypeTotals) {
        conversations += other.conversations
        me += other.me
        prospect += other.prospect
        callsInBand += other.callsInBand
        callsWithShare += other.callsWithShare
        questionsAsked += other.questionsAsked
        questionedConversations += other.questionedConversations
        patienceSamples += other.patienceSamples
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        conversations = try c.decodeIfPresent(Int.self, forKey: .conversations) ?? 0
        me = try c.decodeIfPresent(Double.self, forKey: .me) ?? 0
        prospect = try c.decodeIfPresent(Double.self, forKey: .prospect) ?? 0
        callsInBand = try c.decodeIfPresent(Int.self, forKey: .callsInBand) ?? 0
        callsWithShare = try c.decodeIfPresent(Int.self, forKey: .callsWithShare) ?? 0
        questionsAsked = try c.decodeIfPresent(Int.self, forKey: .questionsAsked) ?? 0
        questionedConversations = try c.decodeIfPresent(Int.self, forKey: .questionedConversations) ?? 0
        patienceSamples = try c.decodeIfPresent([Double].self, forKey: .patienceSamples) ?? []
    }
}

/// One day's totals. Small and additive: the store keeps one per day so a trend over
/// months reads a few hundred of these instead of every call.
public struct DaySummary: Hashable, Codable, Sendable {
    public var day: CalendarDay
    public var dials: Int
    public var conversations: Int
    /// Seconds of all calls, hold and silence included.
    public var callSeconds: Double
    /// Seconds of talk and silence in conversations; dials that reached nobody add none.
    public var me: Double
    public var prospect: Double
    public var silence: Double
    /// Conversations whose share of talk was inside the target band.
    public var callsInBand: Int
    /// Conversations with a measured share (someone spoke), the denominator of `callsInBand`.
    public var callsWithShare: Int
    public var longestMonologue: Double
    public var referralAsks: Int
    public var referralsGained: Int
    public var followUpsSent: Int
    public var followUpsPending: Int
    public var followUpsSkipped: Int
    /// Follow-ups sent within a day of their call.
    public var followUpsOnTime: Int
    /// My questions and the prospects', in conversations whose questions were counted.
    public var questionsAsked: Int
    public var questionsTheyAsked: Int
    /// Conversations whose questions were counted (saved with a call type).
    public var questionedConversations: Int
    /// The prospect's longest story of each conversation where someone spoke, added up
    /// (for the average, over `callsWithShare`), and the longest of them.
    public var storySeconds: Double
    public var longestStory: Double
    /// The conversations of each call type; calls without a type are not in it.
    public var byType: [String: TypeTotals]
    /// The median of the day's patience (each hands-free call's median pause before I
    /// answered); nil with no such call. A median does not add up: totals leave it out.
    public var patience: Double?

    public init(day: CalendarDay) {
        self.day = day
        dials = 0
        conversations = 0
        callSeconds = 0
        me = 0
        prospect = 0
        silence = 0
        callsInBand = 0
        callsWithShare = 0
        longestMonologue = 0
        referralAsks = 0
        referralsGained = 0
        followUpsSent = 0
        followUpsPending = 0
        followUpsSkipped = 0
        followUpsOnTime = 0
        questionsAsked = 0
        questionsTheyAsked = 0
        questionedConversations = 0
        storySeconds = 0
        longestStory = 0
        byType = [:]
    }

    /// - Parameters:
    ///   - targets: the targets of calls without a type.
    ///   - types: the call types whose targets judge typed calls.
    public init(day: CalendarDay, calls: [Call], targets: TalkTargets, types: CallTypes = .standard) {
        self.init(
            day: day, summaries: calls.map { CallSummary(call: $0, types: types, untyped: targets) })
    }

    /// Each call is judged by the targets it carries (its type's).
    public init(day: CalendarDay, summaries: [CallSummary]) {
        self.init(day: day)
        for call in summaries {
            dials += 1
            callSeconds += call.duration
            referralsGained += call.referralNames.count
            if call.followUpOnTime { followUpsOnTime += 1 }
            switch call.followUp {
            case .sent?: followUpsSent += 1
            case .pending?: followUpsPending += 1
            case .skipped?: followUpsSkipped += 1
            case nil: break
            }
            // A message left on a voicemail is no talk with the prospect: only
            // conversations count towards the shares of talk.
            guard call.isConversation else { continue }
            conversations += 1
            me += call.me
            prospect += call.prospect
            silence += call.silence
            longestMonologue = max(longestMonologue, call.longestMonologue)
            if call.referralAsk == .asked { referralAsks += 1 }
            var type = TypeTotals()
            type.conversations = 1
            type.me = call.me
            type.prospect = call.prospect
            if call.myShare != nil {
                callsWithShare += 1
                type.callsWithShare = 1
                storySeconds += call.longestStory
                longestStory = max(longestStory, call.longestStory)
                if call.verdict == .onTarget {
                    callsInBand += 1
                    type.callsInBand = 1
                }
            }
            if call.countsQuestions {
                questionedConversations += 1
                questionsAsked += call.questions.mine
                questionsTheyAsked += call.questions.theirs
                type.questionsAsked = call.questions.mine
                type.questionedConversations = 1
            }
            if call.isConversation, let patience = call.patience { type.patienceSamples = [patience] }
            if let name = call.callType { byType[name, default: TypeTotals()].add(type) }
        }
        patience = TalkPatience.median(of: summaries.filter(\.isConversation).compactMap(\.patience))
    }

    /// My share over the day, weighted by talk time.
    public var myShare: Double? { me + prospect > 0 ? me / (me + prospect) : nil }

    /// Referral asks per conversation.
    public var referralAskRate: Double? {
        conversations > 0 ? Double(referralAsks) / Double(conversations) : nil
    }

    /// Follow-ups sent per follow-up owed (sent or pending).
    public var followUpRate: Double? {
        let owed = followUpsSent + followUpsPending
        return owed > 0 ? Double(followUpsSent) / Double(owed) : nil
    }

    /// My questions per conversation where they were counted.
    public var questionsPerConversation: Double? {
        questionedConversations > 0 ? Double(questionsAsked) / Double(questionedConversations) : nil
    }

    /// The prospect's longest story on an average conversation.
    public var averageStory: Double? { callsWithShare > 0 ? storySeconds / Double(callsWithShare) : nil }

    /// Follow-ups sent on time per follow-up owed (sent or pending).
    public var onTimeRate: Double? {
        let owed = followUpsSent + followUpsPending
        return owed > 0 ? Double(followUpsOnTime) / Double(owed) : nil
    }

    /// The totals of several days, e.g. a week.
    public static func total(of days: [DaySummary], day: CalendarDay) -> DaySummary {
        var sum = DaySummary(day: day)
        for d in days {
            sum.dials += d.dials
            sum.conversations += d.conversations
            sum.callSeconds += d.callSeconds
            sum.me += d.me
            sum.prospect += d.prospect
            sum.silence += d.silence
            sum.callsInBand += d.callsInBand
            sum.callsWithShare += d.callsWithShare
            sum.longestMonologue = max(sum.longestMonologue, d.longestMonologue)
            sum.referralAsks += d.referralAsks
            sum.referralsGained += d.referralsGained
            sum.followUpsSent += d.followUpsSent
            sum.followUpsPending += d.followUpsPending
            sum.followUpsSkipped += d.followUpsSkipped
            sum.followUpsOnTime += d.followUpsOnTime
            sum.questionsAsked += d.questionsAsked
            sum.questionsTheyAsked += d.questionsTheyAsked
            sum.questionedConversations += d.questionedConversations
            sum.storySeconds += d.storySeconds
            sum.longestStory = max(sum.longestStory, d.longestStory)
            for (name, totals) in d.byType { sum.byType[name, default: TypeTotals()].add(totals) }
        }
        return sum
    }

    // Summaries written by earlier versions lack the newer figures: they read as zero.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(day: try c.decode(CalendarDay.self, forKey: .day))
        dials = try c.decodeIfPresent(Int.self, forKey: .dials) ?? 0
        conversations = try c.decodeIfPresent(Int.self, forKey: .conversations) ?? 0
        callSeconds = try c.decodeIfPresent(Double.self, forKey: .callSeconds) ?? 0
        me = try c.decodeIfPresent(Double.self, forKey: .me) ?? 0
        prospect = try c.decodeIfPresent(Double.self, forKey: .prospect) ?? 0
        silence = try c.decodeIfPresent(Double.self, forKey: .silence) ?? 0
        callsInBand = try c.decodeIfPresent(Int.self, forKey: .callsInBand) ?? 0
        callsWithShare = try c.decodeIfPresent(Int.self, forKey: .callsWithShare) ?? 0
        longestMonologue = try c.decodeIfPresent(Double.self, forKey: .longestMonologue) ?? 0
        referralAsks = try c.decodeIfPresent(Int.self, forKey: .referralAsks) ?? 0
        referralsGained = try c.decodeIfPresent(Int.self, forKey: .referralsGained) ?? 0
        followUpsSent = try c.decodeIfPresent(Int.self, forKey: .followUpsSent) ?? 0
        followUpsPending = try c.decodeIfPresent(Int.self, forKey: .followUpsPending) ?? 0
        followUpsSkipped = try c.decodeIfPresent(Int.self, forKey: .followUpsSkipped) ?? 0
        followUpsOnTime = try c.decodeIfPresent(Int.self, forKey: .followUpsOnTime) ?? 0
        questionsAsked = try c.decodeIfPresent(Int.self, forKey: .questionsAsked) ?? 0
        questionsTheyAsked = try c.decodeIfPresent(Int.self, forKey: .questionsTheyAsked) ?? 0
        questionedConversations = try c.decodeIfPresent(Int.self, forKey: .questionedConversations) ?? 0
        storySeconds = try c.decodeIfPresent(Double.self, forKey: .storySeconds) ?? 0
        longestStory = try c.decodeIfPresent(Double.self, forKey: .longestStory) ?? 0
        byType = try c.decodeIfPresent([String: TypeTotals].self, forKey: .byType) ?? [:]
        patience = try c.decodeIfPresent(Double.self, forKey: .patience)
    }
}

/// A series of days for a trend: one value per day, nil for days without the figure.
public struct Trend: Hashable, Sendable {
    public var days: [CalendarDay]
    public var myShare: [Double?]
    public var referralAskRate: [Double?]
    public var followUpsSent: [Double?]
    public var questionsPerConversation: [Double?]
    public var averageStory: [Double?]

    /// `summaries` may have gaps; a missing day has no calls.
    public init(endingOn last: CalendarDay, length: Int, summaries: [CalendarDay: DaySummary]) {
        let count = max(0, length)
        days = (0..<count).map { last.adding(days: $0 - count + 1) }
        myShare = days.map { summaries[$0]?.myShare }
        referralAskRate = days.map { summaries[$0]?.referralAskRate }
        followUpsSent = days.map { summaries[$0].map { Double($0.followUpsSent) } }
        questionsPerConversation = days.map { summaries[$0]?.questionsPerConversation }
        averageStory = days.map { summaries[$0]?.averageStory }
    }
}
