import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardUseCases
import Foundation

/// `callboard import FILE.csv`: prospects from a CRM or spreadsheet export.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import prospects from a CSV export (HubSpot, Salesforce, LinkedIn Sales Navigator or plain).",
        discussion: """
            Columns are recognised by their header, ignoring case and spaces. A row with the \
            same email or phone as a prospect you have updates that prospect. By default the \
            import is all-or-nothing: one bad row and nothing is written.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv", "txt"]))
    var file: String

    @Flag(help: "Show what would happen without writing anything.")
    var dryRun = false

    @Flag(help: "Import the good rows and list the bad ones instead of importing nothing.")
    var skipInvalid = false

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Take FIELD from COLUMN, e.g. --map Naam=name. Repeatable.",
            discussion: "Fields: " + ImportField.mappableNames.joined(separator: ", ") + ".",
            valueName: "column=field"))
    var mappings: [String] = []

    @Option(
        help: ArgumentHelp(
            "The file's encoding: utf-8, utf-16le, utf-16be or windows-1252. Without it, callboard tells.",
            valueName: "name"))
    var encoding: String?

    /// Bad rows listed before the rest are only counted.
    static let listedProblems = 20

    func validate() throws {
        do {
            _ = try ColumnMapping.overrides(from: mappings)
        } catch {
            throw ValidationError(error.description)
        }
        if let encoding, ImportEncoding(name: encoding) == nil {
            throw ValidationError(
                "--encoding \(encoding) is not one callboard reads; use "
                    + ImportEncoding.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            // The file alone says whether it is refused: read and checked before any store
            // is opened, so a refused import takes no lock and touches no file of the store,
            // not even the lock's. The text goes once the sheet holds the cleaned rows.
            let (sheet, readAs) = try readSheet()
            reportProblems(sheet)
            if sheet.isRejected {
                throw Failure.badData(
                    "Nothing was imported. Fix the rows above, or use --skip-invalid to import the good rows.")
            }
            if sheet.rows == 0 {
                throw Failure.badData(
                    "\(file) has a header line but no rows of prospects; nothing \(dryRun ? "would be" : "was") imported.")
            }
            if sheet.goodRows == 0 {
                throw Failure.badData(
                    "Nothing \(dryRun ? "would be" : "was") imported: every row has a problem (listed above).")
            }
            // Merged once: against a read-only view for a dry run, under the lock otherwise.
            // The summary only once the prospects are saved: a locked store or a full disk
            // must not follow "Imported".
            let exists = FileManager.default.fileExists(atPath: context.storeDirectory.path)
            let result: ImportResult
            if !dryRun {
                // Handed over: the cleaned rows are let go once merged, before the writing.
                result = try context.desk(.readWrite).importProspects(consume sheet, at: Date())
            } else {
                result = exists ? try context.desk(.readOnly).checkImport(sheet, at: Date()) : Desk.checkImport(sheet, at: Date())
            }
            let verb = dryRun ? "Would import" : "Imported"
            // UTF-8 goes without saying; any other encoding is named, so a wrong guess shows.
            let read = readAs == .utf8 ? "" : " (read as \(readAs.displayName))"
            var counts = ["\(result.added) added", "\(result.updated) updated"]
            if result.unchanged > 0 { counts.append("\(result.unchanged) already there as they are") }
            counts.append("\(result.skipped) skipped")
            var summary = "\(verb) \(result.rows) \(result.rows == 1 ? "row" : "rows"): " + counts.joined(separator: ", ") + read
            if result.doNotCall > 0 {
                summary += "; \(result.doNotCall) on the do-not-call list, never queued"
            }
            try Output.write(summary + ".\n")
        }
    }

    /// The file read and checked, with the encoding it was read in.
    private func readSheet() throws -> (ImportSheet, ImportEncoding) {
        let (text, readAs) = try ImportEncoding.decode(try Self.read(file), as: encoding.flatMap(ImportEncoding.init(name:)))
        let importer = ProspectImport(overrides: try ColumnMapping.overrides(from: mappings), skipInvalid: skipInvalid)
        var bar = ProgressBar(enabled: Output.stderrIsTerminal)
        let sheet = try importer.read(csv: text) { done, total in bar.show(done: done, total: total) }
        bar.finish()
        return (sheet, readAs)
    }

    /// The file's bytes, or why it cannot be imported in words that fit the case.
    static func read(_ file: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw Failure.missingInput("\(file) does not exist.")
        }
        if isFolder.boolValue {
            throw Failure.missingInput("\(file) is a folder; give the CSV file inside it.")
        }
        var info = stat()
        if stat(file, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let kind = info.st_mode & S_IFMT == S_IFIFO ? "a pipe" : "a device"
            throw Failure.missingInput(
                "\(file) is \(kind), not a file. Save the export to a file and import that.")
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw Failure.missingInput("\(file) cannot be read: you have no permission to read it.")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw Failure.io("\(file) cannot be read: \(error.localizedDescription)")
        }
    }

    private func reportProblems(_ result: ImportSheet) {
        if !result.unmappedColumns.isEmpty {
            Output.note("Columns not imported: " + result.unmappedColumns.map { "\"\(ImportedText.line($0))\"" }.joined(separator: ", ")
                + ". Use --map COLUMN=FIELD to import one.")
        }
        guard !result.problems.isEmpty else { return }
        Output.note(result.isRejected ? "Problems:" : "Skipped rows:")
        for problem in result.problems.prefix(Self.listedProblems) {
            Output.note("  " + ImportedText.line(problem.description))
        }
        if result.problems.count > Self.listedProblems {
            Output.note("  … and \(result.problems.count - Self.listedProblems) more problems.")
        }
    }
}
