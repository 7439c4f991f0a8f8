import CallboardCore
import Foundation

/// The review as CSV: one row per call, RFC 4180 quoting, CRLF line ends, so a
/// spreadsheet opens it with names that hold commas, quotes or line breaks intact.
public enum ReviewCSV {
    public static let header = [
        "date", "time", "started_at", "prospect", "company", "duration_s", "me_s", "prospect_s",
        "silence_s", "me_share", "longest_monologue_s", "referral_asked", "referrals", "outcome",
        "follow_up", "next_step_at", "next_step_zone",
    ]

    public static func day(_ report: DayReport, zone: TimeZone) -> String {
        document(days: [report], zone: zone)
    }

    public static func range(_ report: RangeReport, zone: TimeZone) -> String {
        document(days: report.days, zone: zone)
    }

    static func document(days: [DayReport], zone: TimeZone) -> String {
        var lines = [header.map(field).joined(separator: ",")]
        for day in days {
            for call in day.calls {
                lines.append(row(call, day: day.day, zone: zone).map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func row(_ call: ReviewedCall, day: CalendarDay, zone: TimeZone) -> [String] {
        let f = call.figures
        return [
            day.description,
            ReportFormat.clock(f.startedAt, zone: zone),
            ReportFormat.timestamp(f.startedAt, zone: zone),
            textCell(call.prospect.name),
            textCell(call.prospect.company),
            ReportFormat.fixed(f.duration, decimals: 1),
            ReportFormat.fixed(f.me, decimals: 1),
            ReportFormat.fixed(f.prospect, decimals: 1),
            ReportFormat.fixed(f.silence, decimals: 1),
            f.myShare.map { ReportFormat.fixed($0, decimals: 3) } ?? "",
            ReportFormat.fixed(f.longestMonologue, decimals: 1),
            f.referralAsk == .asked ? "true" : "false",
            textCell(f.referralNames.joined(separator: "; ")),
            f.outcome?.reportName ?? "",
            f.followUp?.rawValue ?? "",
            f.nextStepAt.map { ReportFormat.timestamp($0, zone: zone) } ?? "",
            f.nextStepAt == nil ? "" : zone.identifier,
        ]
    }

    /// A field quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text typed by other people. A spreadsheet runs a cell that starts with `=`, `+`,
    /// `-` or `@` as a formula, so such a cell gets a leading apostrophe.
    static func textCell(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
            return value
        }
        return "'" + value
    }
}
