import Foundation

/// One question tapped during a call: who asked it, and when.
public struct QuestionMark: Hashable, Codable, Sendable {
    /// `.me` for a question I asked, `.prospect` for one they asked (a buying signal).
    public var by: Speaker
    /// Seconds from the call's start.
    public var at: Double

    public init(by: Speaker, at: Double) {
        self.by = by
        self.at = at
    }
}

/// The questions of a call: how many each side asked and how mine spread over the call.
public struct QuestionFigures: Hashable, Codable, Sendable {
    public var mine: Int
    public var theirs: Int
    /// My questions in the first, second and last third of the call.
    public var thirds: [Int]

    /// - Parameter length: the call's length so far (or in all), in seconds; a question
    ///   past it counts in the last third.
    public init(_ questions: [QuestionMark], length: Double) {
        mine = 0
        theirs = 0
        thirds = [0, 0, 0]
        for question in questions {
            switch question.by {
            case .me:
                mine += 1
                let third = length > 0 ? Int(max(0, question.at) / length * 3) : 0
                thirds[min(2, max(0, third))] += 1
            case .prospect:
                theirs += 1
            case .silence:
                break
            }
        }
    }

    /// How many thirds of the call have at least one of my questions.
    public var thirdsCovered: Int { thirds.filter { $0 > 0 }.count }

    /// Whether my questions run through the whole call rather than bunching in one part.
    public var isSpread: Bool { thirdsCovered == 3 }
}
