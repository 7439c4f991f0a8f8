import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUI
import CallboardUseCases
import Foundation

/// `callboard review`: how the calls of a day, or of several days, went.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a day's calls (or several days') as text, json, csv or markdown.",
        discussion: """
            Shows dials, conversations, my share of talk against the target band, referral \
            asks, referrals gained and follow-ups, then one row per call. With --from and --to \
            the totals come from the per-day summaries, so a long range stays quick; json and \
            csv also list every call.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown

        var report: ReviewFormat {
            switch self {
            case .text: .text
            case .json: .json
            case .csv: .csv
            case .markdown: .markdown
            }
        }
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(
        "The day to review (default: today): YYYY-MM-DD, today, yesterday or a weekday such as fri (the last one).",
        valueName: "day"))
    var date: String?

    @Option(help: ArgumentHelp("The first day of a range, in the same words as --date.", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("The last day of a range (default: today).", valueName: "day"))
    var to: String?

    @Option(help: "text for a terminal, json for scripts, csv for a spreadsheet, markdown for a report.")
    var format: Format = .text

    func validate() throws {
        _ = try period(today: CalendarDay(containing: Date(), in: .current))
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let period = try period(today: context.today)
            let settings = context.settings
            let desk = try context.desk(.readOnly)
            switch period {
            case .day(let day):
                try Output.write(render(try desk.dayReport(day), zone: context.zone, settings: settings))
            case .range(let first, let last):
                let report = try desk.rangeReport(from: first, to: last, withCalls: format.report.listsCalls)
                try Output.write(render(report, zone: context.zone, settings: settings))
            }
        }
    }

    private func period(today: CalendarDay) throws -> ReviewPeriod {
        do {
            return try ReviewPeriod.parse(date: date, from: from, to: to, today: today)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func render(_ report: DayReport, zone: TimeZone, settings: Settings) -> String {
        switch format {
        case .text: ReviewText.day(report, zone: zone, targets: settings.targets, dailyGoal: settings.dailyCallGoal)
        case .json: ReviewJSON.day(report, zone: zone)
        case .csv: ReviewCSV.day(report, zone: zone)
        case .markdown: ReviewMarkdown.day(report, zone: zone, dailyGoal: settings.dailyCallGoal)
        }
    }

    private func render(_ report: RangeReport, zone: TimeZone, settings: Settings) -> String {
        switch format {
        case .text: ReviewText.range(report, targets: settings.targets)
        case .json: ReviewJSON.range(report, zone: zone)
        case .csv: ReviewCSV.range(report, zone: zone)
        case .markdown: ReviewMarkdown.range(report)
        }
    }
}
