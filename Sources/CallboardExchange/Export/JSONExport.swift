import CallboardCore
import Foundation

/// Everything in one JSON document: `{"prospects": [...], "calls": [...]}`, in the same
/// field names the store uses, so a script that reads one reads the other. `seller`,
/// `version` and, for a period, `from` and `to` say whose calls they are, so a coach's
/// `callboard team` can put several sellers side by side.
public enum JSONExport {
    /// The whole document at once, for a handful of calls (tests, small tools); the
    /// export command streams with ``JSONExportWriter`` instead.
    /// - Parameters:
    ///   - period: when given, only the calls of those days (in `zone`) are exported.
    public static func document(
        prospects: [Prospect], calls: [Call], exportedAt: Date, seller: String? = nil, version: String? = nil,
        period: (from: CalendarDay, to: CalendarDay)? = nil, zone: TimeZone = .current
    ) throws -> Data {
        let inPeriod = calls.filter { call in
            guard let period else { return true }
            let day = CalendarDay(containing: call.startedAt, in: zone)
            return day >= period.from && day <= period.to
        }
        let sink = DataSink()
        var writer = JSONExportWriter(
            to: sink, header: .init(exportedAt: exportedAt, seller: seller, version: version, period: period))
        try writer.begin()
        try writer.append(calls: inPeriod.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) })
        try writer.append(prospects: prospects)
        try writer.finish()
        return sink.data
    }
}
