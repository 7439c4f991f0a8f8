import CallboardCore
import Foundation

/// The review for a terminal: the day's figures, then one row per call with my share as a
/// bar of block characters, the target marked with ┆.
public enum ReviewText {
    static let barColumns = 20

    public static func day(
        _ report: DayReport, zone: TimeZone, targets: TalkTargets = .standard, dailyGoal: Int? = nil
    ) -> String {
        var lines = ["Calls on \(ReportFormat.longDay(report.day))", ""]
        lines += totals(report.totals, targets: targets, dailyGoal: dailyGoal)
        lines.append("")
        if !report.blocks.isEmpty {
            lines.append("Calling blocks")
            lines += report.blocks.map { "  " + block($0, zone: zone) }
            lines.append("")
        }
        guard !report.calls.isEmpty else {
            lines.append("No calls on this day.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "Time  " + SafeReportText.fit("Prospect", 20) + " " + SafeReportText.fit("Company", 16) + " "
                + SafeReportText.fit("Length", 7, right: true) + "  " + SafeReportText.fit("Outcome", 14) + " "
                + SafeReportText.fit("My share", barColumns + 5) + " Monologue  " + SafeReportText.fit("Ref", 6)
                + " Follow-up")
        for call in report.calls {
            let f = call.figures
            var line = ReportFormat.clock(f.startedAt, zone: zone) + " "
            line += SafeReportText.fit(call.prospect.name, 20) + " "
            line += SafeReportText.fit(call.prospect.company, 16) + " "
            line += SafeReportText.fit(ReportFormat.duration(f.duration), 7, right: true) + "  "
            line += SafeReportText.fit(f.outcome?.label ?? "–", 14) + " "
            line += ReportFormat.shareBar(f.myShare, columns: barColumns, target: targets.targetShare)
            line += SafeReportText.fit(ReportFormat.percent(f.myShare), 5, right: true) + " "
            line += SafeReportText.fit(ReportFormat.duration(f.longestMonologue), 9, right: true) + "  "
            let gained = f.referralNames.isEmpty ? "" : " +\(f.referralNames.count)"
            line += SafeReportText.fit(ReviewMarkdown.referralMark(f.referralAsk) + gained, 6) + " "
            line += f.followUp?.rawValue ?? "–"
            lines.append(trimmed(line))
        }
        let referred = report.calls.flatMap(\.figures.referralNames)
        if !referred.isEmpty {
            lines.append("")
            lines.append("Referrals: " + referred.map(SafeReportText.clean).joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func range(_ report: RangeReport, targets: TalkTargets = .standard) -> String {
        let count = report.from.days(until: report.to) + 1
        var lines = ["Calls from \(report.from) to \(report.to) (\(count) day\(count == 1 ? "" : "s"))", ""]
        lines += totals(report.totals, targets: targets, dailyGoal: nil)
        lines.append("")
        guard report.totals.dials > 0 else {
            lines.append("No calls in this period.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            SafeReportText.fit("Day", 15) + " " + SafeReportText.fit("Dials", 5, right: true) + " "
                + SafeReportText.fit("Conv", 5, right: true) + "  " + SafeReportText.fit("My share", barColumns + 5)
                + "  " + SafeReportText.fit("Asks", 7, right: true) + "  Referrals  Sent  Pending")
        for day in report.days where day.totals.dials > 0 {
            let t = day.totals
            var line = SafeReportText.fit(ReportFormat.shortDay(day.day), 15) + " "
            line += SafeReportText.fit("\(t.dials)", 5, right: true) + " "
            line += SafeReportText.fit("\(t.conversations)", 5, right: true) + "  "
            line += ReportFormat.shareBar(t.myShare, columns: barColumns, target: targets.targetShare)
            line += SafeReportText.fit(ReportFormat.percent(t.myShare), 5, right: true) + "  "
            line += SafeReportText.fit(ReportFormat.ratio(t.referralAsks, t.conversations), 7, right: true) + "  "
            line += SafeReportText.fit("\(t.referralsGained)", 9, right: true) + "  "
            line += SafeReportText.fit("\(t.followUpsSent)", 4, right: true) + "  "
            line += SafeReportText.fit("\(t.followUpsPending)", 7, right: true)
            lines.append(trimmed(line))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "09:12  in block 0:45:00 · 18 dials · 5 connects · 24 dials/h · wrap-up 0:06:00 · 2 skipped".
    static func block(_ b: CallingBlockSummary, zone: TimeZone) -> String {
        var parts = [
            "in block \(ReportFormat.duration(b.seconds))",
            "\(b.dials) dial\(b.dials == 1 ? "" : "s")",
            "\(b.connects) connect\(b.connects == 1 ? "" : "s")",
            b.dialsPerHour.map { String(format: "%.0f dials/h", $0) } ?? "– dials/h",
            "wrap-up \(ReportFormat.duration(b.wrapUpSeconds))",
        ]
        if b.skipped > 0 { parts.append("\(b.skipped) skipped outside their hours") }
        return ReportFormat.clock(b.startedAt, zone: zone) + "  " + parts.joined(separator: " · ")
    }

    static func totals(_ t: DaySummary, targets: TalkTargets, dailyGoal: Int?) -> [String] {
        var first = "Dials \(t.dials) · conversations \(t.conversations) · on calls \(ReportFormat.duration(t.callSeconds))"
        if let dailyGoal, dailyGoal > 0 {
            first += " · goal \(t.dials)/\(dailyGoal) (\(ReportFormat.percent(Double(t.dials) / Double(dailyGoal))))"
        }
        let share =
            "My share \(ReportFormat.percent(t.myShare)) (target ≤ \(ReportFormat.percent(targets.targetShare)))"
            + " · inside the band \(t.callsInBand) of \(t.callsWithShare)"
        return [
            first,
            share,
            "Referral asks \(t.referralAsks) of \(t.conversations) conversations · referrals gained \(t.referralsGained)",
            "Follow-ups sent \(t.followUpsSent) · pending \(t.followUpsPending)",
        ]
    }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
