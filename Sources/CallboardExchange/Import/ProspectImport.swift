import CallboardCore
import Foundation

/// What an import did, or would do.
public struct ImportResult: Sendable {
    /// Every prospect after the import: the existing ones (some updated) and the new ones.
    public var prospects: [Prospect]
    public var added: Int
    public var updated: Int
    /// Rows whose person was there already, exactly as the row has them.
    public var unchanged: Int = 0
    /// Rows that put their person on the do-not-call list (new or already there): they
    /// are filed, never queued.
    public var doNotCall: Int = 0
    /// Rows with something wrong. They were skipped, or, without `skipInvalid`, they
    /// rejected the whole import.
    public var problems: [ImportProblem]
    /// Headers no field matched; those columns were not imported.
    public var unmappedColumns: [String]
    /// Data rows read (blank lines not counted).
    public var rows: Int
    /// Whether nothing may be written: a bad row in an all-or-nothing import.
    public var isRejected: Bool
    /// Lines that held at least one bad row's problem, each counted once.
    public var skipped: Int { Set(problems.map(\.line)).count }
}

/// A CSV file read and checked, before it meets any store: the good rows, cleaned, and
/// every problem. Whether an import is refused depends on the file alone, so it is known
/// before a store is opened; what the rows add or update is worked out once, by
/// ``merge(into:now:newID:)``, against the prospects as they are when it is written.
public struct ImportSheet: Sendable {
    /// The good rows in file order.
    var valid: [ImportRow]
    public var problems: [ImportProblem]
    public var unmappedColumns: [String]
    /// Data rows read (blank lines not counted).
    public var rows: Int
    /// Whether nothing may be written: a bad row in an all-or-nothing import.
    public var isRejected: Bool
    /// Rows that would add or update someone.
    public var goodRows: Int { valid.count }

    /// What the rows do to `existing`: a row that is someone there (or an earlier row), by
    /// ``ContactCheck``'s rule, updates them (or leaves them as they are), any other adds
    /// a prospect.
    /// - Parameter newID: makes an id for each added prospect.
    public func merge(into existing: [Prospect], now: Date, newID: () -> ProspectID) -> ImportResult {
        var book = ProspectBook(existing, rows: isRejected ? 0 : valid.count)
        var added = 0, updated = 0, unchanged = 0, doNotCall = 0
        if !isRejected {
            for row in valid {
                switch book.merge(row, now: now, newID: newID) {
                case .added: added += 1
                case .updated: updated += 1
                case .unchanged: unchanged += 1
                }
                // Such a row leaves its person on the list, whatever they were before.
                if row.doNotCall { doNotCall += 1 }
            }
        }
        var merged = result(prospects: isRejected ? existing : book.prospects, added: added, updated: updated)
        merged.unchanged = unchanged
        merged.doNotCall = doNotCall
        return merged
    }

    /// The result with nothing merged: for a sheet that is refused, or has no good row.
    public var unmerged: ImportResult { result(prospects: [], added: 0, updated: 0) }

    private func result(prospects: [Prospect], added: Int, updated: Int) -> ImportResult {
        ImportResult(
            prospects: prospects, added: added, updated: updated, problems: problems,
            unmappedColumns: unmappedColumns, rows: rows, isRejected: isRejected)
    }
}

/// Turns a CRM or spreadsheet export into prospects. Pure: text and the existing
/// prospects in, the new list out; the caller decides whether to write it.
public struct ProspectImport: Sendable {
    public var overrides: [String: ImportField]
    public var skipInvalid: Bool

    public init(overrides: [String: ImportField] = [:], skipInvalid: Bool = false) {
        self.overrides = overrides
        self.skipInvalid = skipInvalid
    }

    /// The file's text, in the encoding ``ImportEncoding`` picks.
    public static func text(of data: Data) throws(ImportFailure) -> String {
        try ImportEncoding.decode(data).text
    }

    /// Reads and checks `text` and merges its rows into `existing`.
    /// - Parameters:
    ///   - newID: makes an id for each added prospect.
    ///   - progress: called now and then with (work done, work in total).
    public func run(
        csv text: String, existing: [Prospect], now: Date, newID: () -> ProspectID,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(ImportFailure) -> ImportResult {
        try read(csv: text, progress: progress).merge(into: existing, now: now, newID: newID)
    }

    /// Reads `text` a record at a time and checks each row as it comes: the sheet holds the
    /// cleaned good rows, never the file's cells.
    /// - Parameter progress: called now and then with (bytes read, bytes in total).
    public func read(csv text: String, progress: ((Int, Int) -> Void)? = nil) throws(ImportFailure) -> ImportSheet {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0.value != 0x200B }) else { throw .empty }
        // Excel writes "sep=;" as a first line to say which separator the file uses.
        var delimiter: Character?
        var firstLine = 1
        if let end = body.firstIndex(where: \.isNewline), body[..<end].lowercased().hasPrefix("sep="),
            body[..<end].count == 5, let separator = body[..<end].last
        {
            delimiter = separator
            body = body[body.index(after: end)...]
            firstLine = 2
        }
        let chosen = delimiter ?? Self.sniffDelimiter(body)
        var records = CSVRecords(body, delimiter: chosen.unicodeScalars.first ?? ",", firstLine: firstLine)
        func nextRecord() throws(ImportFailure) -> (line: Int, cells: [String])? {
            do {
                return try records.next()
            } catch {
                throw .malformed(error.explanation)
            }
        }
        guard let header = try nextRecord() else { throw .empty }
        var seen: Set<String> = []
        for name in header.cells where !name.trimmed().isEmpty {
            if !seen.insert(name.trimmed().lowercased()).inserted {
                throw .duplicateHeader(name: name, line: header.line)
            }
        }
        let mapping = ColumnMapping(headers: header.cells, overrides: overrides)
        guard mapping.has(.name) || mapping.has(.firstName) || mapping.has(.lastName) else {
            throw .noNameColumn(headers: header.cells)
        }
        guard mapping.has(.phone) || mapping.has(.mobilePhone) || mapping.has(.email) else {
            throw .noContactColumn(headers: header.cells)
        }

        var valid: [ImportRow] = []
        var dataRows = 0, index = 0
        var problems: [ImportProblem] = []
        while let row = try nextRecord() {
            if index % 250 == 0 { progress?(records.offset, records.count) }
            index += 1
            if row.cells.allSatisfy({ $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) { continue }
            dataRows += 1
            // More fields than the header names: a value with the separator in it and no
            // quotes, most likely. Dropping the extra ones would shift no data back.
            if row.cells.count > header.cells.count,
                row.cells[header.cells.count...].contains(where: { !$0.trimmed().isEmpty })
            {
                problems.append(
                    ImportProblem(
                        line: row.line, field: "row",
                        message: "\(row.cells.count) fields, but the header line has \(header.cells.count) "
                            + "(a value holding the separator needs quotes)"))
                continue
            }
            switch ImportRow.read(row.cells, line: row.line, mapping: mapping) {
            case .invalid(let rowProblems): problems += rowProblems
            case .valid(let imported): valid.append(imported)
            }
        }
        progress?(records.count, records.count)
        return ImportSheet(
            valid: valid, problems: problems, unmappedColumns: mapping.unmapped, rows: dataRows,
            isRejected: !problems.isEmpty && !skipInvalid)
    }

    /// `;` when a European spreadsheet wrote the file, tab for TSV, else comma: whichever
    /// appears most often outside quotes on the header line.
    static func sniffDelimiter(_ text: Substring) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted, character.isNewline { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let semicolons = counts[";"] ?? 0, tabs = counts["\t"] ?? 0, commas = counts[","] ?? 0
        if semicolons > commas, semicolons >= tabs { return ";" }
        if tabs > commas, tabs > semicolons { return "\t" }
        return ","
    }
}
