import CallboardCore
import Foundation

/// One call as the month's summaries keep it for a range report: its figures and the name
/// and company it was saved with, a few hundred bytes instead of the whole call, so a
/// report of many days never opens their day files.
///
/// Stored flat, the figures' keys beside the two names.
public struct CallRow: Hashable, Codable, Sendable {
    /// Judged by the targets of whoever computed it; a reader re-judges them by its own
    /// settings (``CallSummary/judged(types:untyped:)``): the targets are not stored.
    public var figures: CallSummary
    /// Nil on calls saved without their prospect's name (older versions).
    public var prospectName: String?
    public var prospectCompany: String?

    public init(call: Call, figures: CallSummary) {
        self.figures = figures
        prospectName = call.prospectName
        prospectCompany = call.prospectCompany
    }

    /// The rows of a day's calls, in the order given.
    static func rows(of calls: [Call], types: CallTypes, targets: TalkTargets) -> [CallRow] {
        calls.map { CallRow(call: $0, figures: CallSummary(call: $0, types: types, untyped: targets)) }
    }

    private enum Names: String, CodingKey { case prospectName, prospectCompany }

    public init(from decoder: any Decoder) throws {
        figures = try CallSummary(from: decoder)
        let names = try decoder.container(keyedBy: Names.self)
        prospectName = try names.decodeIfPresent(String.self, forKey: .prospectName)
        prospectCompany = try names.decodeIfPresent(String.self, forKey: .prospectCompany)
    }

    public func encode(to encoder: any Encoder) throws {
        try figures.encode(to: encoder)
        var names = encoder.container(keyedBy: Names.self)
        try names.encodeIfPresent(prospectName, forKey: .prospectName)
        try names.encodeIfPresent(prospectCompany, forKey: .prospectCompany)
    }
}

/// One day's rows in a month's summaries.
struct DayRows: Codable, Hashable {
    var day: CalendarDay
    var calls: [CallRow]
    /// The day file's time and size when the rows were made from it; the rows are fresh
    /// only while both are still the file's. Nil in rows an earlier build wrote: stale.
    var dayFile: FileStamp?
}
