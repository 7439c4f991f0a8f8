import Foundation

/// The kind of call: what it is for decides what a good one sounds like. A cold call
/// earns a meeting in a few minutes; a discovery call finds the requirements; a demo shows
/// the product; a follow-up moves a conversation already begun.
public struct CallType: Hashable, Codable, Sendable {
    /// The name the seller sees and the call file keeps: "discovery".
    public var name: String
    public var targets: TalkTargets

    public init(name: String, targets: TalkTargets) {
        self.name = name
        self.targets = targets
    }

    /// The roles inference picks from. A configured type plays a role by its name.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case cold = "cold call"
        case discovery
        case demo
        case followUp = "follow-up"
    }

    /// The built-in types, with defaults from published call research (docs/coaching.md
    /// gives each figure's source and says which are our own reading).
    public static let cold = CallType(
        name: Role.cold.rawValue,
        targets: TalkTargets(
            targetShare: 0.55, warnShare: 0.70, monologueNudge: 60, monologueStrong: 120, questions: 3...6,
            story: 30))
    public static let discovery = CallType(name: Role.discovery.rawValue, targets: TalkTargets())
    public static let demo = CallType(
        name: Role.demo.rawValue,
        targets: TalkTargets(
            targetShare: 0.60, warnShare: 0.75, monologueNudge: 90, monologueStrong: 150, questions: 6...10,
            story: 60))
    public static let followUp = CallType(
        name: Role.followUp.rawValue,
        targets: TalkTargets(
            targetShare: 0.50, warnShare: 0.65, monologueNudge: 60, monologueStrong: 120, questions: 5...10,
            story: 45))
}

/// The seller's list of call types, in the order `t` cycles through them, and the targets
/// of calls that have no type (saved before call types existed).
public struct CallTypes: Hashable, Sendable {
    public var list: [CallType]

    public init(_ list: [CallType] = CallTypes.builtIn) {
        self.list = list.isEmpty ? Self.builtIn : list
    }

    public static let builtIn: [CallType] = [.cold, .discovery, .demo, .followUp]
    public static let standard = CallTypes()

    public func named(_ name: String?) -> CallType? {
        guard let name else { return nil }
        return list.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The targets a call of type `name` is judged by; `untyped` when it has none or a
    /// type this list does not know.
    public func targets(for name: String?, untyped: TalkTargets) -> TalkTargets {
        named(name)?.targets ?? untyped
    }

    /// The type after `name` in the list, round to the first.
    public func next(after name: String?) -> CallType {
        guard let name, let index = list.firstIndex(where: { $0.name == name }) else { return list[0] }
        return list[(index + 1) % list.count]
    }

    /// The type a call with `prospect` most likely is, from where the prospect stands:
    /// nobody reached yet is a cold call, or discovery when they came warm (a referral,
    /// inbound, an event); a booked meeting makes the next call discovery, an opportunity a
    /// demo; any other earlier conversation a follow-up. A role the list lacks falls to
    /// the list's first type.
    public func inferred(for prospect: Prospect, outcomes: Outcomes = .standard) -> CallType {
        let role = Self.role(for: prospect, outcomes: outcomes)
        return list.first { $0.name.caseInsensitiveCompare(role.rawValue) == .orderedSame } ?? list[0]
    }

    public static func role(for prospect: Prospect, outcomes: Outcomes = .standard) -> CallType.Role {
        let rule = prospect.lastOutcome.map(outcomes.rule(for:))
        switch rule?.next {
        case .meeting?: return .discovery
        case .followUp?: return .demo
        case _ where rule?.isConversation == true: return .followUp
        default:
            if prospect.meetingAt != nil { return .discovery }
            switch prospect.source {
            case .referral, .inbound, .event: return .discovery
            case .list, .web, .other: return .cold
            }
        }
    }
}
