import CallboardCore
import Foundation

/// Prospects as a spreadsheet, one row each with their latest outcome and what is known of
/// their world, in the plain column names the importer reads back (the notes of their
/// world and of the last call are for reading; the importer passes over them).
public enum CSVExport {
    public static let header = [
        "id", "name", "company", "title", "phone", "email", "timezone", "status", "source",
        "referred_by", "priority", "next_call_day", "callback_at", "meeting_at", "attempts",
        "last_outcome", "last_called_at", "notes", "organization_notes", "challenges", "requirements",
        "last_call_notes", "last_outcome_crm",
    ]

    /// - Parameter outcomes: the CRM label of each outcome, for `last_outcome_crm`.
    public static func document(prospects: [Prospect], outcomes: Outcomes = .standard) -> String {
        let sink = DataSink()
        // A DataSink never fails.
        try? write(prospects: prospects, outcomes: outcomes, to: sink)
        return String(decoding: sink.data, as: UTF8.self)
    }

    /// The header, then one row per prospect as it is made: the whole document is never
    /// held at once.
    public static func write(prospects: [Prospect], outcomes: Outcomes = .standard, to sink: any ExportSink) throws {
        let names = Dictionary(prospects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var writer = Writer(names: names, outcomes: outcomes, to: sink)
        for prospect in prospects { try writer.append(prospect) }
        try writer.finish()
    }

    /// The document a row at a time, for prospects that arrive one by one.
    public struct Writer {
        private let names: [ProspectID: String]
        private let outcomes: Outcomes
        private let sink: any ExportSink
        private let stamp = ISO8601DateFormatter()
        private var chunk: String

        /// - Parameter names: every prospect's name by id, for the referrer's column.
        public init(names: [ProspectID: String], outcomes: Outcomes = .standard, to sink: any ExportSink) {
            self.names = names
            self.outcomes = outcomes
            self.sink = sink
            chunk = header.map(quoted).joined(separator: ",") + "\r\n"
        }

        public mutating func append(_ p: Prospect) throws {
            let cells = [
                p.id.rawValue, p.name, p.company, p.title, p.phone, p.email, p.timeZone ?? "",
                p.status.rawValue, p.source.rawValue, p.referredBy.map { names[$0] ?? $0.rawValue } ?? "",
                String(p.priority), p.nextCallDay?.description ?? "",
                p.callbackAt.map(stamp.string(from:)) ?? "", p.meetingAt.map(stamp.string(from:)) ?? "",
                String(p.attempts), p.lastOutcome?.reportName ?? "",
                p.lastCalledAt.map(stamp.string(from:)) ?? "", p.notes, p.world.organization, p.world.challenges,
                p.world.requirements, p.lastCallNotes, p.lastOutcome.map { outcomes.rule(for: $0).crmLabel } ?? "",
            ]
            chunk += cells.map(quoted).joined(separator: ",") + "\r\n"
            if chunk.utf8.count >= 64 * 1024 {
                try sink.write(chunk)
                chunk = ""
            }
        }

        /// Writes what is left; the writer is done.
        public mutating func finish() throws {
            try sink.write(chunk)
            chunk = ""
        }
    }

    /// RFC 4180 quoting: a cell with a comma, quote or line break goes in quotes, quotes
    /// doubled. A cell a spreadsheet would run as a formula gets a leading apostrophe.
    public static func quoted(_ raw: String) -> String {
        // A NUL or DEL from an older store would make the file unreadable, even to import.
        let cell = SpreadsheetFormula.defused(StoredText.body(raw))
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
