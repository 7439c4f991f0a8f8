import ArgumentParser
import CallboardCore
import CallboardExchange
import Foundation

/// `callboard team`: a coach's view of several sellers, from their JSON exports.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Compare several sellers from their `callboard export --format json` files.",
        discussion: """
            Prints each seller beside the team: calls, conversations, my share overall and by \
            call type, questions per conversation, the prospects' longest stories, the \
            referral-ask rate, referrals gained and follow-ups sent on time. Exports of one \
            seller are merged and calls found twice count once. Calls are judged by the call \
            types of your own configuration. docs/team.md describes the JSON.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, csv, json

        var team: TeamFormat {
            switch self {
            case .text: .text
            case .markdown: .markdown
            case .csv: .csv
            case .json: .json
            }
        }
    }

    @Argument(help: ArgumentHelp("Sellers' JSON exports.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The first day to compare (default: the earliest call).", valueName: "yyyy-mm-dd"))
    var from: String?

    @Option(help: ArgumentHelp("The last day to compare (default: today with --from, else the latest call).", valueName: "yyyy-mm-dd"))
    var to: String?

    @Option(name: .customLong("seller"), help: ArgumentHelp(
        "A seller you expect; shown as missing when no export names them. Repeat for each.", valueName: "name"))
    var expected: [String] = []

    @Option(help: "text for a terminal, markdown for a report, csv for a spreadsheet, json for a CRM or warehouse.")
    var format: Format = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one export file.") }
        _ = try period(today: CalendarDay(containing: Date(), in: .current))
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: nil)
            var exports: [SellerExport] = []
            for path in files {
                let url = URL(fileURLWithPath: path)
                guard let data = try? Data(contentsOf: url) else {
                    throw Failure.missingInput("\(SafeReportText.clean(path)) cannot be read. Check the name of the export.")
                }
                do throws(SellerExportError) {
                    let name = url.deletingPathExtension().lastPathComponent
                    let export = try SellerExport.read(data, fallbackName: name)
                    if export.skipped > 0 {
                        Output.warning("\(SafeReportText.clean(path)): \(export.skipped) calls could not be read and are left out.")
                    }
                    exports.append(export)
                } catch {
                    throw Failure.badData("\(SafeReportText.clean(path)): \(error.description).")
                }
            }
            let settings = context.settings
            let report = TeamReport(
                exports: exports, period: try period(today: context.today), zone: context.zone,
                targets: settings.targets, types: settings.callTypes, expected: expected)
            try Output.write(format.team.render(report, types: settings.callTypes))
        }
    }

    private func period(today: CalendarDay) throws -> (from: CalendarDay, to: CalendarDay)? {
        guard from != nil || to != nil else { return nil }
        do {
            switch try ReviewPeriod.parse(date: nil, from: from, to: to, today: today) {
            case .range(let first, let last): return (first, last)
            case .day(let day): return (day, day)
            }
        } catch {
            throw ValidationError(error.description)
        }
    }
}
