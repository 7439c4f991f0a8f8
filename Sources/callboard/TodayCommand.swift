import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// `callboard today`: the queue, without the dashboard.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Print the call queue for today (or another day).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The day to show (default: today).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: "text for reading, json for scripts.")
    var format: Format = .text

    func validate() throws {
        if let date, CalendarDay(date) == nil {
            throw ValidationError(DayArgument.problem(option: "--date", text: date))
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let day = date.flatMap(CalendarDay.init) ?? context.today
            // The working set, not every prospect: the queue needs no more.
            let working =
                FileManager.default.fileExists(atPath: context.storeDirectory.path)
                ? try context.openStore(.readOnly).workingSet(today: day)
                : WorkingSet(prospects: [], referrerNames: [:], isStoreEmpty: true, coversThrough: day)
            let prospects = working.prospects
            // Another day is seen from the start of its business hours, not from now.
            let now = day == context.today
                ? Date()
                : (day.at(hour: context.settings.businessHours.start, minute: 0, in: context.zone) ?? Date())
            let entries = CallQueue.entries(
                prospects: prospects, today: day, now: now, zone: context.zone,
                hours: context.settings.businessHours, referrerNames: working.referrerNames)
            let names = working.referrerNames
            switch format {
            case .json:
                Output.write(try TodayReport.json(day: day, entries: entries, prospects: prospects, referrerNames: names))
            case .text:
                Output.write(
                    TodayReport.text(day: day, entries: entries, prospects: prospects, referrerNames: names, zone: context.zone))
            }
        }
    }
}
