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
    /// Writes the export to `sink` as it is read: calls one day file at a time, so
    /// memory stays flat whatever the history; the prospects are read once.
    ///
    /// - Parameters:
    ///   - period: only these days: for JSON the calls made on them, for CSV the prospects
    ///     last called on one, for the calendar the callbacks and meetings on them.
    ///   - now: the export's timestamp; the calendar leaves out what is already past.
    public func export(
        _ format: ExportFormat, to sink: any ExportSink, now: Date, seller: String? = nil, version: String? = nil,
        period: (from: CalendarDay, to: CalendarDay)? = nil
    ) throws {
        let prospects = try store.prospects()
        let days = period.map { $0.from...$0.to }
        switch format {
        case .json:
            var writer = JSONExportWriter(
                to: sink, header: .init(exportedAt: now, seller: seller, version: version, period: period))
            try writer.begin()
            for day in try store.callDays() {
                if let period, day < period.from || day > period.to { continue }
                try writer.append(calls: try store.calls(on: day))
            }
            try writer.append(prospects: prospects)
            try writer.finish()
        case .csv:
            let called = prospects.filter { prospect in
                guard let days else { return true }
                return prospect.lastCalledAt.map { days.contains(day(of: $0)) } ?? false
            }
            try CSVExport.write(prospects: called, outcomes: settings.outcomes, to: sink)
        case .ics:
            try CalendarExport.write(prospects: prospects, createdAt: now, days: days, zone: zone, to: sink)
        }
    }
}
