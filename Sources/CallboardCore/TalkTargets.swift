import Foundation

/// What a good call sounds like, as numbers. Defaults follow published call research:
/// top sellers talk well under half the time and rarely hold forth for more than a minute.
/// Each call type has its own (``CallType``); these defaults are those of a discovery call,
/// and judge calls saved before call types existed. Sources: docs/coaching.md.
public struct TalkTargets: Hashable, Codable, Sendable {
    /// My share of talk at or below this is on target.
    public var targetShare: Double
    /// Above this my share is well off target.
    public var warnShare: Double
    /// Seconds of my own continuous talk before a gentle nudge.
    public var monologueNudge: Double
    /// Seconds before a strong nudge; also the pitch limit my longest stretch is held to.
    public var monologueStrong: Double
    /// The questions I should ask on the call: fewer under-qualifies, more interrogates.
    public var questions: ClosedRange<Int>
    /// Seconds of the prospect's longest uninterrupted story that a good call reaches.
    public var story: Double

    public init(
        targetShare: Double = 0.43, warnShare: Double = 0.65, monologueNudge: Double = 60,
        monologueStrong: Double = 120, questions: ClosedRange<Int> = 11...14, story: Double = 60
    ) {
        self.targetShare = targetShare
        self.warnShare = warnShare
        self.monologueNudge = monologueNudge
        self.monologueStrong = monologueStrong
        self.questions = questions
        self.story = story
    }

    enum CodingKeys: String, CodingKey {
        case targetShare, warnShare, monologueNudge, monologueStrong, questionsMin, questionsMax, story
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let standard = TalkTargets()
        targetShare = try c.decodeIfPresent(Double.self, forKey: .targetShare) ?? standard.targetShare
        warnShare = try c.decodeIfPresent(Double.self, forKey: .warnShare) ?? standard.warnShare
        monologueNudge = try c.decodeIfPresent(Double.self, forKey: .monologueNudge) ?? standard.monologueNudge
        monologueStrong = try c.decodeIfPresent(Double.self, forKey: .monologueStrong) ?? standard.monologueStrong
        let low = try c.decodeIfPresent(Int.self, forKey: .questionsMin) ?? standard.questions.lowerBound
        let high = try c.decodeIfPresent(Int.self, forKey: .questionsMax) ?? standard.questions.upperBound
        questions = min(low, high)...max(low, high)
        story = try c.decodeIfPresent(Double.self, forKey: .story) ?? standard.story
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(targetShare, forKey: .targetShare)
        try c.encode(warnShare, forKey: .warnShare)
        try c.encode(monologueNudge, forKey: .monologueNudge)
        try c.encode(monologueStrong, forKey: .monologueStrong)
        try c.encode(questions.lowerBound, forKey: .questionsMin)
        try c.encode(questions.upperBound, forKey: .questionsMax)
        try c.encode(story, forKey: .story)
    }

    public static let standard = TalkTargets()

    /// Whether a share lies inside the target band.
    public func verdict(forShare share: Double?) -> TalkVerdict {
        guard let share else { return .noTalkYet }
        if share <= targetShare { return .onTarget }
        if share <= warnShare { return .aboveTarget }
        return .wellAboveTarget
    }

    /// A count of my questions against the target range.
    public func verdict(forQuestions count: Int) -> QuestionVerdict {
        if count < questions.lowerBound { return .tooFew }
        if count > questions.upperBound { return .tooMany }
        return .onTarget
    }

    /// Whether the prospect's longest story reached the target.
    public func storyReached(_ longest: Double) -> Bool { longest >= story }

    /// Whether my longest stretch ran past the pitch limit.
    public func pitchTooLong(_ longest: Double) -> Bool { longest > monologueStrong }

    /// Why a set of targets cannot be used, or nil when it can.
    public var problem: String? {
        if !(0...1).contains(targetShare) { return "the target share must be between 0 and 1" }
        if !(0...1).contains(warnShare) { return "the warning share must be between 0 and 1" }
        if warnShare < targetShare { return "the warning share must not be below the target share" }
        if monologueNudge <= 0 { return "the monologue nudge must be more than 0 seconds" }
        if monologueStrong < monologueNudge {
            return "the strong monologue nudge must not come before the gentle one"
        }
        if questions.lowerBound < 0 { return "the question target must not be negative" }
        if story < 0 { return "the story target must not be negative" }
        return nil
    }
}

/// My share of talk against the target band.
public enum TalkVerdict: String, Hashable, Codable, Sendable {
    case noTalkYet, onTarget, aboveTarget, wellAboveTarget
}

/// My questions on a call against the type's range.
public enum QuestionVerdict: String, Hashable, Codable, Sendable {
    case tooFew, onTarget, tooMany
}

/// How loudly to tell the seller they have talked too long.
public enum MonologueNudge: Int, Hashable, Comparable, Sendable {
    case none, gentle, strong
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
