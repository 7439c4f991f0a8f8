import Foundation

/// Where each part of the review screen goes. Parts drop out from the least needed as
/// the screen shrinks: the trend first, then the timeline, then the summary; the title
/// and the calls stay.
struct ReviewLayout: Hashable {
    var title: Rect
    var summary: Rect
    var table: Rect
    var timeline: Rect
    var trend: Rect

    static let summaryRows = 4
    static let timelineRows = 4
    /// The trend in words and one sparkline; with more room, every sparkline.
    static let trendRows = 6
    static let fullTrendRows = 11

    /// - Parameter summaryRows: the summary's rows, one more when the day had calling blocks.
    init(_ rect: Rect, summaryRows: Int = Self.summaryRows) {
        var rest = rect
        (title, rest) = rest.splitTop(1)
        (summary, rest) = rest.splitTop(rest.height >= 8 ? summaryRows + 1 : 0)
        summary.height = min(summary.height, summaryRows)
        let trendHeight = rest.height >= 26 ? Self.fullTrendRows : (rest.height >= 14 ? Self.trendRows : 0)
        (rest, trend) = rest.splitBottom(trendHeight)
        (rest, timeline) = rest.splitBottom(rest.height >= 8 ? Self.timelineRows : 0)
        table = rest
    }
}

/// The columns of a call row. Fixed columns take what they need; name and company share
/// the rest. Narrow screens get short bars and outcome labels.
struct ReviewColumns: Hashable {
    let gutter = 2
    let time = 5
    var name: Int
    var company: Int
    var length: Int
    var outcome: Int
    var bar: Int
    let percent = 4
    var monologue: Int
    /// The call type, and the prospect's longest story: wide screens only.
    var type: Int
    var story: Int
    var questions: Int
    var referral: Int
    var followUp: Int

    var isWide: Bool

    init(width: Int) {
        isWide = width >= 120
        length = isWide ? 7 : 5
        outcome = isWide ? 14 : 10
        bar = isWide ? 12 : 5
        monologue = isWide ? 9 : 5
        type = isWide ? 10 : 0
        story = isWide ? 7 : 0
        questions = isWide ? 9 : 2
        referral = isWide ? 8 : 3
        followUp = 9
        let fixed = gutter + time + length + outcome + bar + 1 + percent + monologue + type + story + questions
            + referral + followUp
        let spaces = 10 + (isWide ? 2 : 0)
        let flex = max(0, width - fixed - spaces)
        company = min(isWide ? 32 : 24, flex * 45 / 100)
        name = max(0, min(isWide ? 40 : 30, flex - company))
    }
}
