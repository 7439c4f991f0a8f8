import CallboardCore
import Foundation
import SwiftCSV

/// What an import did, or would do.
public struct ImportResult: Sendable {
    /// Every prospect after the import: the existing ones (some updated) and the new ones.
    public var prospects: [Prospect]
    public var added: Int
    public var updated: Int
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

    /// - Parameters:
    ///   - newID: makes an id for each added prospect.
    ///   - progress: called now and then with (work done, work in total): reading the
    ///     lines is the first half, checking the rows the second.
    public func run(
        csv text: String, existing: [Prospect], now: Date, newID: () -> ProspectID,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(ImportFailure) -> ImportResult {
        var body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty }
        // Excel writes "sep=;" as a first line to say which separator the file uses.
        var delimiter: CSVDelimiter?
        var firstLine = 1
        if let end = body.firstIndex(where: \.isNewline), body[..<end].lowercased().hasPrefix("sep="),
            body[..<end].count == 5, let separator = body[..<end].last
        {
            delimiter = separator == "," ? .comma : separator == ";" ? .semicolon : separator == "\t" ? .tab : .character(separator)
            body = String(body[body.index(after: end)...])
            firstLine = 2
        }
        let rows: [(line: Int, cells: [String])]
        let chosen = delimiter ?? Self.sniffDelimiter(body)
        do {
            let lines = max(1, body.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
            rows = try Self.rows(of: body, delimiter: chosen, firstLine: firstLine) { line in
                progress?(min(line, lines), 2 * lines)
            }
        } catch {
            throw .malformed(Self.quoteProblem(in: body, delimiter: chosen.rawValue, firstLine: firstLine))
        }
        guard let header = rows.first else { throw .empty }
        var seen: Set<String> = []
        for name in header.cells where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            if !seen.insert(name.trimmingCharacters(in: .whitespaces).lowercased()).inserted {
                throw .duplicateHeader(name: name, line: header.line)
            }
        }
        // An unclosed quote swallows the rest of the file into one cell; say so instead
        // of reporting a row with a strange field.
        if let last = rows.last, let cell = last.cells.last, cell.contains(where: \.isNewline),
            !body.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\"")
        {
            throw .malformed("a quoted field on line \(last.line) is never closed")
        }
        let mapping = ColumnMapping(headers: header.cells, overrides: overrides)
        guard mapping.has(.name) || mapping.has(.firstName) || mapping.has(.lastName) else {
            throw .noNameColumn(headers: header.cells)
        }
        guard mapping.has(.phone) || mapping.has(.mobilePhone) || mapping.has(.email) else {
            throw .noContactColumn(headers: header.cells)
        }

        var book = ProspectBook(existing)
        var added = 0, updated = 0, dataRows = 0
        var problems: [ImportProblem] = []
        let totalLines = max(1, rows.last.map { $0.line } ?? 1)
        for (index, row) in rows.dropFirst().enumerated() {
            if index % 250 == 0 { progress?(totalLines + row.line, 2 * totalLines) }
            if row.cells.allSatisfy({ $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) { continue }
            dataRows += 1
            // More fields than the header names: a value with the separator in it and no
            // quotes, most likely. Dropping the extra ones would shift no data back.
            if row.cells.count > header.cells.count,
                row.cells[header.cells.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                problems.append(
                    ImportProblem(
                        line: row.line, field: "row",
                        message: "\(row.cells.count) fields, but the header line has \(header.cells.count) "
                            + "(a value holding the separator needs quotes)"))
                continue
            }
            switch ImportRow.read(row.cells, line: row.line, mapping: mapping) {
            case .invalid(let rowProblems):
                problems += rowProblems
            case .valid(let imported):
                if book.merge(imported, now: now, newID: newID) { updated += 1 } else { added += 1 }
            }
        }
        progress?(2 * totalLines, 2 * totalLines)
        let rejected = !problems.isEmpty && !skipInvalid
        return ImportResult(
            prospects: book.prospects, added: added, updated: updated, problems: problems,
            unmappedColumns: mapping.unmapped, rows: dataRows, isRejected: rejected)
    }

    /// `;` when a European spreadsheet wrote the file, tab for TSV, else comma: whichever
    /// appears most often outside quotes on the header line.
    static func sniffDelimiter(_ text: String) -> CSVDelimiter {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted, character.isNewline { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let semicolons = counts[";"] ?? 0, tabs = counts["\t"] ?? 0, commas = counts[","] ?? 0
        if semicolons > commas, semicolons >= tabs { return .semicolon }
        if tabs > commas, tabs > semicolons { return .tab }
        return .comma
    }

    /// Every record with the line it starts on; quoted fields may span lines.
    static func rows(
        of text: String, delimiter: CSVDelimiter, firstLine: Int = 1, reading: ((Int) -> Void)? = nil
    ) throws -> [(line: Int, cells: [String])] {
        let csv = try CSV<Enumerated>(string: text, delimiter: delimiter, loadColumns: false, rowLimit: 0)
        var rows: [(line: Int, cells: [String])] = []
        var line = firstLine
        try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { cells in
            rows.append((line, cells))
            if rows.count % 250 == 0 { reading?(line) }
            line += 1
            for cell in cells where cell.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                line += cell.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
            }
        }
        return rows
    }

    /// What the CSV reader refused, in words: the first line where a quote is out of
    /// place (inside a value that did not start with one, or not followed by a separator).
    static func quoteProblem(in text: String, delimiter: Character, firstLine: Int) -> String {
        var line = firstLine
        var inQuotes = false, fieldStart = true, afterClosingQuote = false
        var quoteLine = firstLine
        for character in text {
            if inQuotes {
                if character == "\"" {
                    inQuotes = false
                    afterClosingQuote = true
                } else if character.isNewline {
                    line += 1
                }
                continue
            }
            if afterClosingQuote {
                afterClosingQuote = false
                if character == "\"" {
                    inQuotes = true  // a doubled quote inside a quoted value
                    continue
                }
                if character != delimiter, !character.isNewline {
                    return "on line \(line), a quoted value goes on after its closing quote; "
                        + "a quote inside a value is written twice (\"\")"
                }
            }
            if character == "\"" {
                if fieldStart {
                    inQuotes = true
                    quoteLine = line
                } else {
                    return "on line \(line), a quote appears in the middle of a value; "
                        + "put the whole value in quotes and write the quote twice (\"\")"
                }
            }
            fieldStart = character == delimiter || character.isNewline
            if character.isNewline { line += 1 }
        }
        if inQuotes { return "a quoted value that starts on line \(quoteLine) is never closed" }
        return "a quote is out of place; check the quotes around values"
    }
}
