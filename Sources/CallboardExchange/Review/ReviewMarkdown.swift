import CallboardCore
import Foundation

/// The review as markdown tables to paste into a report or a chat.
public enum ReviewMarkdown {
    public static func day(_ report: DayReport, zone: TimeZone, dailyGoal: Int? = nil) -> String {
        var out = "## Calls on \(ReportFormat.longDay(report.day))\n\n"
        out += totalsTable(report.totals, dailyGoal: dailyGoal)
        out += "\n"
        if !report.blocks.isEmpty {
            out += "| Block | Time in block | Dials | Connects | Dials per hour | Wrap-up | Skipped |\n"
            out += "|---|---:|---:|---:|---:|---:|---:|\n"
            for b in report.blocks {
                let cells = [
                    ReportFormat.clock(b.startedAt, zone: zone), ReportFormat.duration(b.seconds), "\(b.dials)",
                    "\(b.connects)", b.dialsPerHour.map { String(format: "%.0f", $0) } ?? "–",
                    ReportFormat.duration(b.wrapUpSeconds), "\(b.skipped)",
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        guard !report.calls.isEmpty else { return out + "No calls on this day.\n" }
        out += "| Time | Prospect | Company | Length | Outcome | My share | Longest monologue | Referral asked | Referrals | Follow-up |\n"
        out += "|---|---|---|---:|---|---:|---:|:---:|---|---|\n"
        for call in report.calls {
            let f = call.figures
            let cells = [
                ReportFormat.clock(f.startedAt, zone: zone),
                escape(call.prospect.name),
                escape(call.prospect.company),
                ReportFormat.duration(f.duration),
                f.outcome?.label ?? "–",
                ReportFormat.percent(f.myShare),
                ReportFormat.duration(f.longestMonologue),
                referralMark(f.referralAsk),
                f.referralNames.isEmpty ? "–" : f.referralNames.map(escape).joined(separator: ", "),
                f.followUp?.rawValue ?? "–",
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    public static func range(_ report: RangeReport) -> String {
        var out = "## Calls from \(report.from) to \(report.to)\n\n"
        out += totalsTable(report.totals, dailyGoal: nil)
        out += "\n| Day | Dials | Conversations | My share | In band | Referral asks | Referrals | Follow-ups sent | Pending |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for day in report.days where day.totals.dials > 0 {
            let t = day.totals
            let cells = [
                ReportFormat.shortDay(day.day), "\(t.dials)", "\(t.conversations)",
                ReportFormat.percent(t.myShare), ReportFormat.ratio(t.callsInBand, t.callsWithShare),
                ReportFormat.ratio(t.referralAsks, t.conversations), "\(t.referralsGained)",
                "\(t.followUpsSent)", "\(t.followUpsPending)",
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if report.totals.dials == 0 { out += "\nNo calls in this period.\n" }
        return out
    }

    static func totalsTable(_ t: DaySummary, dailyGoal: Int?) -> String {
        var heads = [
            "Dials", "Conversations", "On calls", "My share", "In band", "Referral asks", "Referrals",
            "Follow-ups sent", "Pending",
        ]
        var cells = [
            "\(t.dials)", "\(t.conversations)", ReportFormat.duration(t.callSeconds),
            ReportFormat.percent(t.myShare), ReportFormat.ratio(t.callsInBand, t.callsWithShare),
            ReportFormat.ratio(t.referralAsks, t.conversations), "\(t.referralsGained)",
            "\(t.followUpsSent)", "\(t.followUpsPending)",
        ]
        if let dailyGoal, dailyGoal > 0 {
            heads.append("Goal")
            cells.append(ReportFormat.ratio(t.dials, dailyGoal))
        }
        return "| " + heads.joined(separator: " | ") + " |\n"
            + "|" + String(repeating: "---:|", count: heads.count) + "\n"
            + "| " + cells.joined(separator: " | ") + " |\n"
    }

    static func referralMark(_ ask: ReferralAsk) -> String {
        switch ask {
        case .asked: "✓"
        case .notAsked: "✗"
        case .notApplicable: "–"
        }
    }

    /// Cleaned text with the characters that would break a table row or turn into
    /// formatting escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in SafeReportText.clean(text) {
            if "\\|*_`[]<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
