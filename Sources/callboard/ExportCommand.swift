import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardUseCases
import Foundation

/// `callboard export`: everything out, for a script, a spreadsheet or a calendar.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export prospects and calls as JSON, prospects as CSV, or callbacks and meetings as iCalendar.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, ics

        var exported: ExportFormat {
            switch self {
            case .json: .json
            case .csv: .csv
            case .ics: .ics
            }
        }
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "json: prospects and calls; csv: prospects with their latest outcome; ics: callbacks and meetings.")
    var format: Format = .json

    @Option(help: ArgumentHelp(
            "Write to this file (private to you, replaced whole), or into this pipe or device; - is stdout.",
            valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Only from this day on: json the calls, csv the prospects last called, ics the callbacks and meetings.",
        valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("Only up to this day (default: today).", valueName: "yyyy-mm-dd"))
    var to: String?

    func validate() throws {
        _ = try period(today: CalendarDay(containing: Date(), in: .current))
    }

    /// The days an export covers; nil for all of them.
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
            let desk = try context.desk(.readOnly)
            let write = { (sink: any ExportSink) in
                try desk.export(
                    format.exported, to: sink, now: Date(), seller: context.settings.sellerName,
                    version: Callboard.version, period: try period(today: context.today))
            }
            if let output, output != "-" {
                try PrivateFile.stream(to: URL(fileURLWithPath: output), write)
            } else {
                let sink = DescriptorSink.standardOutput()
                try write(sink)
                try sink.flush()
            }
        }
    }
}
