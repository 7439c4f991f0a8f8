import CallboardCore
import Foundation

/// `callboard team` as text, Markdown, CSV or JSON. Names come from other people's files:
/// each format cleans them its own way (control characters out, Markdown escaped, CSV
/// formulas defused, JSON escaped).
public enum TeamFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json

    public func render(_ report: TeamReport, types: CallTypes) -> String {
        switch self {
        case .text: TeamText.render(report, types: types)
        case .markdown: TeamMarkdown.render(report, types: types)
        case .csv: TeamCSV.render(report, types: types)
        case .json: TeamJSON.render(report, types: types)
        }
    }
}

/// One row of the team table, as plain strings: the same cells in every format but JSON.
struct TeamRow {
    var name: String
    var cells: [String]

    static func header(typeNames: [String]) -> [String] {
        ["Seller", "Calls", "Conv", "My share"] + typeNames.map { "\($0) share" }
            + ["Q/conv", "Their Q", "Story avg", "Story max", "Asks", "Referrals", "On time"]
    }

    init(name: String, _ s: DaySummary, typeNames: [String], missing: Bool) {
        self.name = name
        guard !missing else {
            cells = ["no calls in this period"]
            return
        }
        cells =
            ["\(s.dials)", "\(s.conversations)", ReportFormat.percent(s.myShare)]
            + typeNames.map { ReportFormat.percent(s.byType[$0]?.myShare) }
            + [
                s.questionsPerConversation.map { String(format: "%.1f", $0) } ?? "–",
                "\(s.questionsTheyAsked)",
                s.averageStory.map(ReportFormat.duration) ?? "–",
                ReportFormat.duration(s.longestStory),
                ReportFormat.percent(s.referralAskRate),
                "\(s.referralsGained)",
                "\(s.followUpsOnTime)/\(s.followUpsSent + s.followUpsPending)",
            ]
    }

    static func rows(_ report: TeamReport, typeNames: [String]) -> [TeamRow] {
        report.sellers.map { TeamRow(name: $0.name, $0.totals, typeNames: typeNames, missing: $0.isMissing) }
            + [TeamRow(name: "Team", report.team, typeNames: typeNames, missing: false)]
    }
}

enum TeamText {
    static func render(_ report: TeamReport, types: CallTypes) -> String {
        let names = report.typeNames(in: types)
        let header = TeamRow.header(typeNames: names)
        let rows = TeamRow.rows(report, typeNames: names)
        let nameWidth = min(24, max(6, rows.map { SafeReportText.width(SafeReportText.clean($0.name)) }.max() ?? 6))
        var lines = [
            "Team from \(report.from) to \(report.to) · \(report.sellers.count) sellers", "",
        ]
        let widths = header.dropFirst().map { max(5, SafeReportText.width($0)) }
        func line(_ first: String, _ cells: [String]) -> String {
            var out = SafeReportText.fit(first, nameWidth)
            if cells.count == 1, cells.count < widths.count {
                return out + "  " + cells[0]
            }
            for (cell, width) in zip(cells, widths) { out += "  " + SafeReportText.fit(cell, width, right: true) }
            return out
        }
        lines.append(line(header[0], Array(header.dropFirst())))
        for (i, row) in rows.enumerated() {
            if i == rows.count - 1 { lines.append("") }
            lines.append(line(row.name, row.cells))
        }
        lines += notes(report)
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    /// What the coach should know about the exports themselves.
    static func notes(_ report: TeamReport) -> [String] {
        var notes: [String] = []
        for seller in report.sellers {
            let name = SafeReportText.clean(seller.name)
            if seller.isMissing { notes.append("\(name): no calls from \(report.from) to \(report.to).") }
            if seller.duplicates > 0 {
                notes.append("\(name): \(seller.duplicates) calls were in more than one export and count once.")
            }
            if seller.skipped > 0 { notes.append("\(name): \(seller.skipped) calls could not be read and are left out.") }
        }
        let versions = Set(report.sellers.flatMap(\.versions))
        if versions.count > 1 {
            notes.append("Exports from callboard \(versions.sorted().joined(separator: ", ")).")
        }
        return notes.isEmpty ? [] : [""] + notes
    }
}

enum TeamMarkdown {
    static func render(_ report: TeamReport, types: CallTypes) -> String {
        let names = report.typeNames(in: types)
        let header = TeamRow.header(typeNames: names)
        var lines = ["# Team from \(report.from) to \(report.to)", ""]
        lines.append("| " + header.map(ReviewMarkdown.escape).joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: "|") + "|")
        let rows = TeamRow.rows(report, typeNames: names)
        for (i, row) in rows.enumerated() {
            var cells = row.cells
            if cells.count == 1 { cells += Array(repeating: "", count: header.count - 2) }
            // The last row is the team's own.
            let name = i == rows.count - 1 ? "**Team**" : ReviewMarkdown.escape(row.name)
            lines.append("| " + ([name] + cells.map(ReviewMarkdown.escape)).joined(separator: " | ") + " |")
        }
        let notes = TeamText.notes(report).filter { !$0.isEmpty }
        if !notes.isEmpty { lines += [""] + notes.map { "- " + ReviewMarkdown.escape($0) } }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One line per seller and one for the team; figures as plain numbers for a spreadsheet.
enum TeamCSV {
    static func render(_ report: TeamReport, types: CallTypes) -> String {
        let names = report.typeNames(in: types)
        var header = [
            "seller", "missing", "calls", "conversations", "me_share",
        ]
        header += names.map { "\($0) me_share" }
        header += [
            "questions_per_conversation", "their_questions", "average_story_s", "longest_story_s",
            "referral_ask_rate", "referrals", "follow_ups_on_time", "follow_ups_owed",
        ]
        var lines = [header.map { ReviewCSV.field(ReviewCSV.textCell(SafeReportText.clean($0))) }.joined(separator: ",")]
        let all = report.sellers.map { ($0.name, $0.totals, $0.isMissing) } + [("Team", report.team, false)]
        for (name, s, missing) in all {
            var cells = [ReviewCSV.field(ReviewCSV.textCell(SafeReportText.clean(name))), missing ? "true" : "false"]
            cells += ["\(s.dials)", "\(s.conversations)", number(s.myShare, 3)]
            cells += names.map { number(s.byType[$0]?.myShare, 3) }
            cells += [
                number(s.questionsPerConversation, 1), "\(s.questionsTheyAsked)", number(s.averageStory, 1),
                number(s.longestStory, 1), number(s.referralAskRate, 3), "\(s.referralsGained)",
                "\(s.followUpsOnTime)", "\(s.followUpsSent + s.followUpsPending)",
            ]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.\(decimals)f", value)
    }
}

/// The team as JSON: the contract for a CRM or a warehouse (docs/team.md). Keys may be
/// added, none renamed. Seconds have one decimal, shares and rates three.
enum TeamJSON {
    static func render(_ report: TeamReport, types: CallTypes) -> String {
        let object = JSONText.Value.object([
            ("from", .string(report.from.description)),
            ("to", .string(report.to.description)),
            ("call_types", .array(types.list.map(callType))),
            ("sellers", .array(report.sellers.map(seller))),
            ("team", figures(report.team)),
        ])
        return JSONText.render(object) + "\n"
    }

    static func callType(_ type: CallType) -> JSONText.Value {
        let t = type.targets
        return .object([
            ("name", .string(type.name)),
            ("target_share", .number(t.targetShare, decimals: 3)),
            ("warn_share", .number(t.warnShare, decimals: 3)),
            ("monologue_nudge_s", .number(t.monologueNudge, decimals: 1)),
            ("monologue_limit_s", .number(t.monologueStrong, decimals: 1)),
            ("questions_min", .int(t.questions.lowerBound)),
            ("questions_max", .int(t.questions.upperBound)),
            ("story_s", .number(t.story, decimals: 1)),
        ])
    }

    static func seller(_ seller: TeamReport.Seller) -> JSONText.Value {
        guard case .object(let members) = figures(seller.totals) else { return .null }
        return .object(
            [
                ("name", .string(seller.name)),
                ("missing", .bool(seller.isMissing)),
                ("versions", .array(seller.versions.map { .string($0) })),
                ("duplicate_calls", .int(seller.duplicates)),
                ("unreadable_calls", .int(seller.skipped)),
            ] + members)
    }

    static func figures(_ s: DaySummary) -> JSONText.Value {
        .object([
            ("calls", .int(s.dials)),
            ("conversations", .int(s.conversations)),
            ("me_share", share(s.myShare)),
            ("calls_in_band", .int(s.callsInBand)),
            ("calls_with_share", .int(s.callsWithShare)),
            ("by_type", .array(s.byType.sorted { $0.key < $1.key }.map { name, t in
                .object([
                    ("type", .string(name)),
                    ("conversations", .int(t.conversations)),
                    ("me_share", share(t.myShare)),
                    ("calls_in_band", .int(t.callsInBand)),
                    ("calls_with_share", .int(t.callsWithShare)),
                    ("questions", .int(t.questionsAsked)),
                    ("questions_per_conversation", share(t.questionsPerConversation)),
                    ("patience_s", share(t.patience)),
                ])
            })),
            ("questions", .int(s.questionsAsked)),
            ("questions_per_conversation", share(s.questionsPerConversation)),
            ("their_questions", .int(s.questionsTheyAsked)),
            ("average_story_s", s.averageStory.map { .number($0, decimals: 1) } ?? .null),
            ("longest_story_s", .number(s.longestStory, decimals: 1)),
            ("longest_monologue_s", .number(s.longestMonologue, decimals: 1)),
            ("referral_asks", .int(s.referralAsks)),
            ("referral_ask_rate", share(s.referralAskRate)),
            ("referrals", .int(s.referralsGained)),
            ("follow_ups_sent", .int(s.followUpsSent)),
            ("follow_ups_on_time", .int(s.followUpsOnTime)),
            ("follow_ups_pending", .int(s.followUpsPending)),
            ("follow_ups_on_time_rate", share(s.onTimeRate)),
        ])
    }

    private static func share(_ value: Double?) -> JSONText.Value {
        value.map { .number($0, decimals: 3) } ?? .null
    }
}
