import Foundation

/// What a good call sounds like, as numbers. Defaults follow published call research:
/// top sellers talk well under half the time and rarely hold forth for more than a minute.
public struct TalkTargets: Hashable, Codable, Sendable {
    /// My share of talk at or below this is on target.
    public var targetShare: Double
    /// Above this my share is well off target.
    public var warnShare: Double
    /// Seconds of my own continuous talk before a gentle nudge.
    public var monologueNudge: Double
    /// Seconds before a strong nudge.
    public var monologueStrong: Double

    public init(
        targetShare: Double = 0.43, warnShare: Double = 0.65, monologueNudge: Double = 60,
        monologueStrong: Double = 120
    ) {
        self.targetShare = targetShare
        self.warnShare = warnShare
        self.monologueNudge = monologueNudge
        self.monologueStrong = monologueStrong
    }

    public static let standard = TalkTargets()

    /// Whether a share lies inside the target band.
    public func verdict(forShare share: Double?) -> TalkVerdict {
        guard let share else { return .noTalkYet }
        if share <= targetShare { return .onTarget }
        if share <= warnShare { return .aboveTarget }
        return .wellAboveTarget
    }

    /// Why a set of targets cannot be used, or nil when it can.
    public var problem: String? {
        if !(0...1).contains(targetShare) { return "the target share must be between 0 and 1" }
        if !(0...1).contains(warnShare) { return "the warning share must be between 0 and 1" }
        if warnShare < targetShare { return "the warning share must not be below the target share" }
        if monologueNudge <= 0 { return "the monologue nudge must be more than 0 seconds" }
        if monologueStrong < monologueNudge {
            return "the strong monologue nudge must not come before the gentle one"
        }
        return nil
    }
}

/// My share of talk against the target band.
public enum TalkVerdict: String, Hashable, Codable, Sendable {
    case noTalkYet, onTarget, aboveTarget, wellAboveTarget
}

/// How loudly to tell the seller they have talked too long.
public enum MonologueNudge: Int, Hashable, Comparable, Sendable {
    case none, gentle, strong
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
