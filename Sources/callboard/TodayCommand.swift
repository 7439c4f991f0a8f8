import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation

/// `callboard today`: the queue, without the dashboard.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Print the call queue for today (or another day).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(
        "The day to show (default: today): YYYY-MM-DD, today, tomorrow or a weekday such as fri (the next one).",
        valueName: "day"))
    var date: String?

    @Option(help: "text for reading, json for scripts.")
    var format: Format = .text

    func validate() throws {
        if let date, DayArgument.day(date, today: CalendarDay(containing: Date(), in: .current)) == nil {
            throw ValidationError(DayArgument.problem(option: "--date", text: date))
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let day = date.flatMap { DayArgument.day($0, today: context.today) } ?? context.today
            // The working set, not every prospect: the queue needs no more.
            let queue = try context.desk(.readOnly).queue(on: day, now: Date())
            let (entries, prospects, names) = (queue.entries, queue.prospects, queue.referrerNames)
            switch format {
            case .json:
                try Output.write(try TodayReport.json(
                    day: day, entries: entries, prospects: prospects, referrerNames: names, seenAt: queue.seenAt,
                    zone: context.zone))
            case .text:
                try Output.write(TodayReport.text(
                    day: day, entries: entries, prospects: prospects, referrerNames: names, seenAt: queue.seenAt,
                    isNow: queue.isNow, zone: context.zone, hours: context.settings.businessHours))
            }
        }
    }
}
