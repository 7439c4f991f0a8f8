import CallboardCore
import Foundation

/// One seller's `callboard export --format json`, as a coach's `callboard team` reads it.
///
/// Exports of any version are read: fields a version did not write take their defaults,
/// fields a newer one added are ignored, and a call this version cannot read is skipped
/// and counted rather than failing the whole file.
public struct SellerExport: Hashable, Sendable {
    /// The seller's name from the export, or `fallbackName` (the file's) when it has none.
    public var seller: String
    /// The version of callboard that wrote it; nil for exports older than the field.
    public var version: String?
    /// The days the export covers when it was made with --from/--to.
    public var from: CalendarDay?
    public var to: CalendarDay?
    public var calls: [Call]
    /// Calls in the file that could not be read.
    public var skipped: Int

    struct Document: Decodable {
        var seller: String?
        var version: String?
        var from: String?
        var to: String?
        var calls: [Lenient]?
    }

    /// A call, or nil when this one cannot be read.
    struct Lenient: Decodable {
        var call: Call?
        init(from decoder: any Decoder) throws { call = try? Call(from: decoder) }
    }

    /// Reads an export; `fallbackName` names the seller when the export does not.
    public static func read(_ data: Data, fallbackName: String) throws(SellerExportError) -> SellerExport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch {
            throw .notAnExport
        }
        guard let entries = document.calls else { throw .notAnExport }
        let calls = entries.compactMap(\.call)
        let name = SafeReportText.clean(document.seller ?? "").trimmingCharacters(in: .whitespaces)
        return SellerExport(
            seller: name.isEmpty ? SafeReportText.clean(fallbackName) : name,
            version: document.version.map(SafeReportText.clean),
            from: document.from.flatMap(CalendarDay.init), to: document.to.flatMap(CalendarDay.init),
            calls: calls, skipped: entries.count - calls.count)
    }
}

/// Why a file is not a seller's export.
public enum SellerExportError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAnExport

    public var description: String {
        "it is not a callboard JSON export (make one with `callboard export --format json`)"
    }
}
