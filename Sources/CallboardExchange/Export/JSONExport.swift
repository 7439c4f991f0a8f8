import CallboardCore
import Foundation

/// Everything in one JSON document: `{"prospects": [...], "calls": [...]}`, in the same
/// field names the store uses, so a script that reads one reads the other.
public enum JSONExport {
    struct Document: Encodable {
        var exportedAt: Date
        var prospects: [Prospect]
        var calls: [Call]
    }

    public static func document(prospects: [Prospect], calls: [Call], exportedAt: Date) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let sortedCalls = calls.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        var data = try encoder.encode(
            Document(exportedAt: exportedAt, prospects: prospects, calls: sortedCalls))
        data.append(0x0A)
        return JSONText.escapingInvisibles(data)
    }
}
