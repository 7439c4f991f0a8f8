import CallboardCore
import Foundation

/// Everything in one JSON document: `{"prospects": [...], "calls": [...]}`, in the same
/// field names the store uses, so a script that reads one reads the other. `seller`,
/// `version` and, for a period, `from` and `to` say whose calls they are, so a coach's
/// `callboard team` can put several sellers side by side.
public enum JSONExport {
    struct Document: Encodable {
        var exportedAt: Date
        var seller: String?
        var version: String?
        var from: String?
        var to: String?
        var prospects: [Prospect]
        var calls: [Call]
    }

    /// - Parameters:
    ///   - period: when given, only the calls of those days (in `zone`) are exported.
    public static func document(
        prospects: [Prospect], calls: [Call], exportedAt: Date, seller: String? = nil, version: String? = nil,
        period: (from: CalendarDay, to: CalendarDay)? = nil, zone: TimeZone = .current
    ) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let inPeriod = calls.filter { call in
            guard let period else { return true }
            let day = CalendarDay(containing: call.startedAt, in: zone)
            return day >= period.from && day <= period.to
        }
        let sortedCalls = inPeriod.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        var data = try encoder.encode(
            Document(
                exportedAt: exportedAt, seller: seller.flatMap { $0.isEmpty ? nil : $0 }, version: version,
                from: period?.from.description, to: period?.to.description, prospects: prospects,
                calls: sortedCalls))
        data.append(0x0A)
        return JSONText.escapingInvisibles(data)
    }
}
