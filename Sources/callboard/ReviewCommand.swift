import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUI
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

    @Option(help: ArgumentHelp("The day to review (default: today).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: ArgumentHelp("The first day of a range.", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("The last day of a range (default: today).", valueName: "yyyy-mm-dd"))
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
            let store: Store? =
                FileManager.default.fileExists(atPath: context.storeDirectory.path)
                ? try context.openStore(.readOnly) : nil
            switch period {
            case .day(let day):
                let report = try Self.dayReport(day, store: store, targets: settings.targets)
                Output.write(render(report, zone: context.zone, settings: settings))
            case .range(let first, let last):
                let report = try Self.rangeReport(
                    from: first, to: last, store: store, withCalls: format.report.listsCalls,
                    targets: settings.targets)
                Output.write(render(report, zone: context.zone, settings: settings))
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

    /// One day: its calls for the rows, its stored summary for the totals.
    static func dayReport(_ day: CalendarDay, store: Store?, targets: TalkTargets) throws -> DayReport {
        guard let store else { return DayReport(day: day, calls: [], prospects: [:]) }
        let calls = try store.calls(on: day)
        let summary = try store.summaries(from: day, to: day).first
        let prospects = ProspectLabel.lookup(try store.prospects(ids: ProspectLabel.unnamed(in: calls)))
        return DayReport(day: day, calls: calls, prospects: prospects, summary: summary, targets: targets)
    }

    /// Every day of a range. Totals come from the per-day summaries; a day's calls are read
    /// only when the format lists calls and the day had some.
    static func rangeReport(
        from first: CalendarDay, to last: CalendarDay, store: Store?, withCalls: Bool, targets: TalkTargets
    ) throws -> RangeReport {
        let days = ReviewPeriod.range(from: first, to: last).days
        guard let store else {
            return RangeReport(from: first, to: last, days: days.map { DayReport(day: $0, calls: [], prospects: [:]) })
        }
        let summaries = Dictionary(
            try store.summaries(from: first, to: last).map { ($0.day, $0) }, uniquingKeysWith: { _, later in later })
        let calls = try days.map { day throws -> [Call] in
            withCalls && (summaries[day]?.dials ?? 0) > 0 ? try store.calls(on: day) : []
        }
        // Calls carry their prospect's name; only older ones need the prospects read.
        let prospects = ProspectLabel.lookup(try store.prospects(ids: ProspectLabel.unnamed(in: calls.flatMap { $0 })))
        let reports = zip(days, calls).map { day, calls in
            DayReport(
                day: day, calls: calls, prospects: prospects, summary: summaries[day] ?? DaySummary(day: day),
                targets: targets)
        }
        return RangeReport(from: first, to: last, days: reports)
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

extension ReviewState {
    /// What the review screen of `day` needs from the store: that day's calls and the
    /// summaries of the 30 days ending on it. Never reads other days' calls; reads
    /// prospects only for older calls saved without their prospect's name.
    static func read(
        from store: Store, day: CalendarDay, today: CalendarDay, settings: Settings
    ) throws(StoreError) -> ReviewState {
        let calls = try store.calls(on: day)
        let prospects = try store.prospects(ids: ProspectLabel.unnamed(in: calls))
        let first = day.adding(days: 1 - ReviewState.trendLength)
        let summaries = Dictionary(
            try store.summaries(from: first, to: day).map { ($0.day, $0) }, uniquingKeysWith: { _, later in later })
        return ReviewState(
            day: day, today: today, calls: calls, prospects: prospects, summaries: summaries,
            targets: settings.targets, dailyGoal: settings.dailyCallGoal, zone: store.zone)
    }
}
