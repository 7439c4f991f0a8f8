import ArgumentParser
import CallboardCore
import CallboardExchange
import Foundation

/// `callboard export`: everything out, for a script, a spreadsheet or a calendar.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export prospects and calls as JSON, prospects as CSV, or callbacks and meetings as iCalendar.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, ics
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "json: prospects and calls; csv: prospects with their latest outcome; ics: callbacks and meetings.")
    var format: Format = .json

    @Option(help: ArgumentHelp(
            "Write to this file (private to you, replaced whole), or into this pipe or device; - is stdout.",
            valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("json: only the calls from this day on.", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("json: only the calls up to this day (default: today).", valueName: "yyyy-mm-dd"))
    var to: String?

    func validate() throws {
        _ = try period(today: CalendarDay(containing: Date(), in: .current))
    }

    /// The days of calls a JSON export holds; nil for all of them.
    private func period(today: CalendarDay) throws -> (from: CalendarDay, to: CalendarDay)? {
        guard from != nil || to != nil else { return nil }
        do {
            if case .range(let first, let last) = try ReviewPeriod.parse(date: nil, from: from, to: to, today: today) {
                return (first, last)
            }
            return nil
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let store = try context.openStore(.readOnly)
            let prospects = try store.prospects()
            let data: Data
            switch format {
            case .json:
                data = try JSONExport.document(
                    prospects: prospects, calls: try store.allCalls(), exportedAt: Date(),
                    seller: context.settings.sellerName, version: Callboard.version,
                    period: try period(today: context.today), zone: context.zone)
            case .csv:
                data = Data(CSVExport.document(prospects: prospects, outcomes: context.settings.outcomes).utf8)
            case .ics:
                data = Data(CalendarExport.document(prospects: prospects, createdAt: Date()).utf8)
            }
            if let output, output != "-" {
                try PrivateFile.write(data, to: URL(fileURLWithPath: output))
            } else {
                try Output.write(data)
            }
        }
    }
}
