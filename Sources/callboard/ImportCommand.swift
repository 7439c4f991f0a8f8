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
            let data = try Self.read(file)
            let (text, readAs) = try ImportEncoding.decode(data, as: encoding.flatMap(ImportEncoding.init(name:)))
            let importer = ProspectImport(overrides: try ColumnMapping.overrides(from: mappings), skipInvalid: skipInvalid)
            // Checked against a read-only view first: a rejected import takes no lock and
            // touches no file of the store, not even the lock's.
            var bar = ProgressBar(enabled: Output.stderrIsTerminal)
            let exists = FileManager.default.fileExists(atPath: context.storeDirectory.path)
            let show = { (done: Int, total: Int) in bar.show(done: done, total: total) }
            var result =
                exists
                ? try context.desk(.readOnly).checkImport(csv: text, with: importer, at: Date(), progress: show)
                : try Desk.checkImport(csv: text, with: importer, at: Date(), progress: show)
            bar.finish()
            reportProblems(result)
            if result.isRejected {
                throw Failure.badData(
                    "Nothing was imported. Fix the rows above, or use --skip-invalid to import the good rows.")
            }
            if result.rows == 0 {
                throw Failure.badData(
                    "\(file) has a header line but no rows of prospects; nothing \(dryRun ? "would be" : "was") imported.")
            }
            if result.added + result.updated == 0, result.skipped > 0 {
                throw Failure.badData(
                    "Nothing \(dryRun ? "would be" : "was") imported: every row has a problem (listed above).")
            }
            if !dryRun {
                // The summary only once the prospects are saved: a locked store or a full
                // disk must not follow "Imported".
                result = try context.desk(.readWrite).importProspects(csv: text, with: importer, at: Date())
            }
            let verb = dryRun ? "Would import" : "Imported"
            // UTF-8 goes without saying; any other encoding is named, so a wrong guess shows.
            let read = readAs == .utf8 ? "" : " (read as \(readAs.displayName))"
            try Output.write(
                "\(verb) \(result.rows) \(result.rows == 1 ? "row" : "rows"): \(result.added) added, \(result.updated) updated, \(result.skipped) skipped\(read).\n")
        }
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

    private func reportProblems(_ result: ImportResult) {
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
