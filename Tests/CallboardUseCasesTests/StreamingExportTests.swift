import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// The export is written as the day files are read; what comes out must be the very
/// bytes of the whole document encoded at once, so scripts reading earlier exports see
/// no difference.
@Suite struct StreamingExportTests {
    /// The whole document as Foundation encodes it in one go: the format's definition.
    struct WholeDocument: Encodable {
        var exportedAt: Date
        var seller: String?
        var version: String?
        var from: String?
        var to: String?
        var prospects: [Prospect]
        var calls: [Call]

        func encoded() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        }
    }

    static let today = CalendarDay("2026-11-30") ?? CalendarDay(containing: Date(timeIntervalSince1970: 0), in: .gmt)
    static let now = Date(timeIntervalSince1970: 1_764_493_200)

    /// A few weeks of calls on a real store, with referrals, notes and callbacks.
    static func fixture() throws -> (DeskFixture, SampleWorkload) {
        let fixture = try DeskFixture()
        let workload = SampleWorkload(
            seed: 7, prospectCount: 150, callCount: 600, today: today, zone: fixture.zone)
        try fixture.store.save(calls: workload.calls, targets: .standard)
        try fixture.store.save(prospects: workload.prospects)
        return (fixture, workload)
    }

    func streamed(_ desk: Desk, _ format: ExportFormat, period: (from: CalendarDay, to: CalendarDay)? = nil) throws
        -> Data
    {
        let sink = DataSink()
        try desk.export(format, to: sink, now: Self.now, seller: "Ria", version: "9.9", period: period)
        return sink.data
    }

    @Test func jsonIsTheWholeDocumentByteForByte() throws {
        let (fixture, workload) = try Self.fixture()
        let sorted = workload.calls.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let whole = try WholeDocument(
            exportedAt: Self.now, seller: "Ria", version: "9.9",
            prospects: try fixture.store.prospects(), calls: sorted
        ).encoded()
        let data = try streamed(fixture.desk, .json)
        #expect(sorted.count > 100)
        #expect(data == whole)
    }

    @Test func jsonOfAPeriodHoldsItsDaysOnlyByteForByte() throws {
        let (fixture, workload) = try Self.fixture()
        let first = Self.today.adding(days: -10)
        let last = Self.today.adding(days: -3)
        let inPeriod = workload.calls.filter {
            let day = CalendarDay(containing: $0.startedAt, in: fixture.zone)
            return day >= first && day <= last
        }.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let whole = try WholeDocument(
            exportedAt: Self.now, seller: "Ria", version: "9.9", from: first.description, to: last.description,
            prospects: try fixture.store.prospects(), calls: inPeriod
        ).encoded()
        #expect(!inPeriod.isEmpty)
        #expect(try streamed(fixture.desk, .json, period: (first, last)) == whole)
    }

    @Test func anEmptyStoreExportsEmptyListsAsFoundationWrites() throws {
        let fixture = try DeskFixture()
        let whole = try WholeDocument(exportedAt: Self.now, seller: "Ria", version: "9.9", prospects: [], calls: [])
            .encoded()
        #expect(try streamed(fixture.desk, .json) == whole)
    }

    @Test func csvAndCalendarAreTheWholeDocuments() throws {
        let (fixture, _) = try Self.fixture()
        let prospects = try fixture.store.prospects()
        #expect(try streamed(fixture.desk, .csv) == Data(CSVExport.document(prospects: prospects).utf8))
        let calendar = CalendarExport.document(prospects: prospects, createdAt: Self.now)
        #expect(calendar.contains("BEGIN:VEVENT"))
        #expect(try streamed(fixture.desk, .ics) == Data(calendar.utf8))
    }

    @Test func aPeriodNarrowsTheSpreadsheetToThoseCalledAndTheCalendarToItsDays() throws {
        let (fixture, workload) = try Self.fixture()
        let zone = fixture.zone
        let day = try #require(workload.calls.map { CalendarDay(containing: $0.startedAt, in: zone) }.max())
        let csv = String(decoding: try streamed(fixture.desk, .csv, period: (day, day)), as: UTF8.self)
        let called = try fixture.store.prospects().filter {
            $0.lastCalledAt.map { CalendarDay(containing: $0, in: zone) == day } ?? false
        }
        #expect(!called.isEmpty)
        #expect(csv.components(separatedBy: "\r\n").count - 2 == called.count)

        let appointments = CalendarExport.appointments(in: try fixture.store.prospects(), after: Self.now)
        let firstDay = try #require(appointments.first.map { CalendarDay(containing: $0.at, in: zone) })
        let onFirstDay = appointments.filter { CalendarDay(containing: $0.at, in: zone) == firstDay }
        let ics = String(decoding: try streamed(fixture.desk, .ics, period: (firstDay, firstDay)), as: UTF8.self)
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == onFirstDay.count)
    }
}
