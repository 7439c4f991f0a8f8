import Foundation

/// Where this week differs from my own last 30 days, in words: share of talk, questions,
/// the prospects' longest stories, the referral ask and follow-ups. Only differences big
/// enough to mean something are said; the sparklines show the rest.
public struct BaselineComparison: Hashable, Sendable {
    /// One figure that moved.
    public struct Note: Hashable, Sendable {
        public enum Figure: String, Hashable, Sendable, CaseIterable {
            case share, questions, story, referralAsks, followUps
        }

        public var figure: Figure
        public var week: Double
        public var baseline: Double
        /// Whether the move is in the good direction (less talk, more questions...).
        public var isBetter: Bool
        public var sentence: String
    }

    /// The figures that moved, in the order of ``Note/Figure``.
    public var notes: [Note]
    /// Why nothing can be compared yet, when that is so.
    public var tooFew: String?

    /// Conversations each side needs before a comparison says anything.
    public static let minimumWeek = 3
    public static let minimumBaseline = 5

    /// How far a figure must move to be worth a sentence.
    public static let shareStep = 0.05
    public static let questionStep = 1.0
    public static let storyStep = 15.0
    public static let rateStep = 0.10

    /// - Parameters:
    ///   - week: the totals of the last 7 days.
    ///   - baseline: the totals of the last 30 days (the week included).
    public init(week: DaySummary, baseline: DaySummary) {
        notes = []
        guard week.conversations >= Self.minimumWeek, baseline.conversations >= Self.minimumBaseline else {
            tooFew =
                "Too few conversations to compare this week with your last 30 days "
                + "(\(week.conversations) this week, \(baseline.conversations) in 30 days)."
            return
        }
        tooFew = nil
        // Each figure: this week's value, the baseline's, how far it must move, whether
        // more is better, and the sentence for a move up or down.
        typealias Figure = (Note.Figure, Double?, Double?, Double, Bool, (Bool, Double, Double) -> String)
        let figures: [Figure] = [
            (.share, week.myShare, baseline.myShare, Self.shareStep, false, { more, w, b in
                "You talked \(more ? "more" : "less") than usual: \(Self.percent(w)) of the talk "
                    + "this week against \(Self.percent(b)) over 30 days."
            }),
            (.questions, week.questionsPerConversation, baseline.questionsPerConversation, Self.questionStep, true, {
                more, w, b in
                "You asked \(more ? "more" : "fewer") questions: \(Self.decimal(w)) a conversation "
                    + "this week against \(Self.decimal(b))."
            }),
            (.story, week.averageStory, baseline.averageStory, Self.storyStep, true, { longer, w, b in
                "Prospects' longest stories ran \(longer ? "longer" : "shorter"): "
                    + "\(Self.clock(w)) on average this week against \(Self.clock(b))."
            }),
            (.referralAsks, week.referralAskRate, baseline.referralAskRate, Self.rateStep, true, { more, w, b in
                "You asked for referrals \(more ? "more" : "less") often: in \(Self.percent(w)) "
                    + "of conversations this week against \(Self.percent(b))."
            }),
            (.followUps, week.followUpRate, baseline.followUpRate, Self.rateStep, true, { more, w, b in
                "You sent \(more ? "more" : "fewer") of your follow-ups: \(Self.percent(w)) "
                    + "this week against \(Self.percent(b))."
            }),
        ]
        for (figure, thisWeek, usual, step, moreIsBetter, sentence) in figures {
            guard let w = thisWeek, let b = usual, abs(w - b) >= step else { continue }
            let more = w > b
            notes.append(
                Note(figure: figure, week: w, baseline: b, isBetter: more == moreIsBetter, sentence: sentence(more, w, b)))
        }
    }

    /// The comparison as lines to show: the notes, or one line saying all is as usual or
    /// why there is nothing to compare.
    public var sentences: [String] {
        if let tooFew { return [tooFew] }
        if notes.isEmpty { return ["This week is in line with your last 30 days."] }
        return notes.map(\.sentence)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
