import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// What `callboard export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Prospects and calls.
    case json
    /// Prospects with their latest outcome.
    case csv
    /// Callbacks and meetings still to come.
    case ics
}

extension Desk {
    /// Writes the export to `sink` as it is read: calls one day file at a time, prospects
    /// one at a time in filing order (their buckets are read and checked before anything
    /// is written, holding one bucket at a time), so memory stays flat whatever the history.
    ///
    /// - Parameters:
    ///   - period: only these days: for JSON the calls made on them, for CSV the prospects
    ///     last called on one, for the calendar the callbacks and meetings on them.
    ///   - now: the export's timestamp; the calendar leaves out what is already past.
    public func export(
        _ format: ExportFormat, to sink: any ExportSink, now: Date, seller: String? = nil, version: String? = nil,
        period: (from: CalendarDay, to: CalendarDay)? = nil
    ) throws {
        let days = period.map { $0.from...$0.to }
        switch format {
        case .json:
            let prospects = try store.filedProspects()
            var writer = JSONExportWriter(
                to: sink, header: .init(exportedAt: now, seller: seller, version: version, period: period))
            try writer.begin()
            for day in try store.callDays() {
                if let period, day < period.from || day > period.to { continue }
                try writer.append(calls: try store.calls(on: day))
            }
            try prospects.forEach { try writer.append(prospects: [$0]) }
            try writer.finish()
        case .csv:
            // The referrer's column names them, wherever they come in the file.
            var names: [ProspectID: String] = [:]
            let prospects = try store.filedProspects { names[$0.id] = $0.name }
            var writer = CSVExport.Writer(names: names, outcomes: settings.outcomes, to: sink)
            try prospects.forEach { prospect in
                if let days {
                    guard let called = prospect.lastCalledAt, days.contains(day(of: called)) else { return }
                }
                try writer.append(prospect)
            }
            try writer.finish()
        case .ics:
            // Only those with a callback or meeting to come are kept.
            var booked: [Prospect] = []
            try store.eachProspect { prospect in
                if !CalendarExport.appointments(of: prospect, after: now).isEmpty { booked.append(prospect) }
            }
            try CalendarExport.write(prospects: booked, createdAt: now, days: days, zone: zone, to: sink)
        }
    }
}
