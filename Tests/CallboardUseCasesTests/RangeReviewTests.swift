import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// A range review in json or csv lists every call. It reads them as the rows kept beside
/// the months' summaries (`summaries/YYYY-MM.calls.json`) instead of the day files; what it prints must be what reading the day
/// files printed, byte for byte, whichever version wrote the months.
@Suite struct RangeReviewTests {
    static let today = CalendarDay("2026-11-30") ?? CalendarDay(containing: Date(timeIntervalSince1970: 0), in: .gmt)
    static let first = today.adding(days: -75)
    static let last = today.adding(days: -1)

    /// Targets other than those the calls were saved with: a report judges by today's.
    static let settings: Settings = {
        var settings = Settings()
        settings.targets.targetShare = 0.55
        return settings
    }()

    /// Two and a half months of calls, some saved without their prospect's name (as older
    /// versions saved them), and a calling block.
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture(settings: settings)
        let workload = SampleWorkload(seed: 11, prospectCount: 200, callCount: 1500, today: today, zone: fixture.zone)
        var calls = workload.calls
        for i in stride(from: 0, to: calls.count, by: 7) {
            calls[i].prospectName = nil
            calls[i].prospectCompany = nil
        }
        try fixture.store.save(calls: calls, targets: .standard)
        try fixture.store.save(prospects: workload.prospects)
        let worked = try #require(calls.last?.startedAt)
        try fixture.store.saveBlock(
            CallingBlockSummary(startedAt: worked, seconds: 1800, dials: 20, connects: 6, wrapUpSeconds: 40, skipped: 1))
        return fixture
    }

    /// The range report as it was made before the rows: every worked day's file read.
    static func fromDayFiles(_ store: Store, settings: Settings, from first: CalendarDay, to last: CalendarDay) throws
        -> RangeReport
    {
        let days = ReviewPeriod.range(from: first, to: last).days
        let summaries = Dictionary(
            try store.summaries(from: first, to: last).map { ($0.day, $0) }, uniquingKeysWith: { _, later in later })
        var calls: [[Call]] = []
        var blocks: [[CallingBlockSummary]] = []
        for day in days {
            let worked = (summaries[day]?.dials ?? 0) > 0
            calls.append(worked ? try store.calls(on: day) : [])
            blocks.append(worked ? try store.blocks(on: day) : [])
        }
        let prospects = ProspectLabel.lookup(try store.prospects(ids: ProspectLabel.unnamed(in: calls.flatMap { $0 })))
        return RangeReport(
            from: first, to: last,
            days: days.indices.map { i in
                DayReport(
                    day: days[i], calls: calls[i], prospects: prospects, summary: summaries[days[i]] ?? DaySummary(day: days[i]),
                    targets: settings.targets, types: settings.callTypes, blocks: blocks[i])
            })
    }

    /// Every format of the range, as `callboard review` prints it.
    static func printed(_ report: RangeReport, zone: TimeZone) -> [String] {
        [
            ReviewJSON.range(report, zone: zone), ReviewCSV.range(report, zone: zone),
            ReviewText.range(report, targets: settings.targets), ReviewMarkdown.range(report),
        ]
    }

    func expectSameAsDayFiles(_ desk: Desk, _ fixture: DeskFixture, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let expected = try Self.fromDayFiles(fixture.store, settings: Self.settings, from: Self.first, to: Self.last)
        let report = try desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        let printed = Self.printed(report, zone: fixture.zone)
        let wanted = Self.printed(expected, zone: fixture.zone)
        for (got, want) in zip(printed, wanted) {
            #expect(got == want, sourceLocation: sourceLocation)
        }
    }

    /// The months' totals files (`YYYY-MM.json`), oldest first.
    func months(_ fixture: DeskFixture) throws -> [URL] {
        try summaryFiles(fixture).filter { !$0.lastPathComponent.hasSuffix(".calls.json") }
    }

    /// The months' rows files (`YYYY-MM.calls.json`), oldest first.
    func rowsFiles(_ fixture: DeskFixture) throws -> [URL] {
        try summaryFiles(fixture).filter { $0.lastPathComponent.hasSuffix(".calls.json") }
    }

    func summaryFiles(_ fixture: DeskFixture) throws -> [URL] {
        let folder = fixture.directory.appendingPathComponent("summaries")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    func rowsFile(of month: URL) -> URL {
        month.deletingPathExtension().appendingPathExtension("calls.json")
    }

    func object(_ file: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    /// How earlier versions kept a month.
    enum PreviousLayout: CaseIterable, CustomTestStringConvertible {
        /// Version 1: the totals only, no rows anywhere.
        case totalsOnly
        /// Version 2, written by the build before this one: the rows inside the totals file.
        case rowsInside

        var testDescription: String { self == .totalsOnly ? "version 1, no rows" : "version 2, rows inside" }
    }

    /// Rewrites the month files as an earlier version wrote them.
    func writeAsPreviousVersion(_ fixture: DeskFixture, _ layout: PreviousLayout = .totalsOnly) throws {
        for file in try months(fixture) {
            var totals = try object(file)
            let rows = rowsFile(of: file)
            switch layout {
            case .totalsOnly:
                totals["schemaVersion"] = 1
            case .rowsInside:
                totals["calls"] = try object(rows)["days"]
                totals["schemaVersion"] = 2
            }
            try FileManager.default.removeItem(at: rows)
            try JSONSerialization.data(withJSONObject: totals, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        }
        #expect(try rowsFiles(fixture).isEmpty)
    }

    func version(of file: URL) throws -> Int? {
        try object(file)["schemaVersion"] as? Int
    }

    /// Every month as this version writes it: totals only, in version 1 (which older
    /// callboards read too), and the rows of every day with calls in a file beside them.
    func expectCurrentLayout(_ fixture: DeskFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let months = try months(fixture)
        #expect(!months.isEmpty, sourceLocation: sourceLocation)
        for file in months {
            let totals = try object(file)
            #expect(Set(totals.keys) == ["schemaVersion", "days"], sourceLocation: sourceLocation)
            #expect(totals["schemaVersion"] as? Int == 1, sourceLocation: sourceLocation)
            let days = (totals["days"] as? [[String: Any]] ?? []).compactMap { $0["day"] as? String }
            let rows = try object(rowsFile(of: file))
            #expect(rows["schemaVersion"] as? Int == 1, sourceLocation: sourceLocation)
            let kept = (rows["days"] as? [[String: Any]] ?? []).compactMap { $0["day"] as? String }
            #expect(kept == days, sourceLocation: sourceLocation)
        }
    }

    @Test func everyFormatOfARangeIsWhatTheDayFilesGaveByteForByte() throws {
        let fixture = try Self.fixture()
        let report = try fixture.desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        #expect(report.days.map(\.calls.count).reduce(0, +) > 500)
        #expect(report.days.contains { $0.calls.contains { $0.prospect.name.isEmpty == false } })
        #expect(report.days.contains { !$0.blocks.isEmpty })
        try expectSameAsDayFiles(fixture.desk, fixture)
        // A read-only desk, as `callboard review` opens the store, reads the same.
        let reader = Desk(
            store: try Store(directory: fixture.directory, zone: fixture.zone, access: .readOnly), settings: Self.settings)
        try expectSameAsDayFiles(reader, fixture)
    }

    /// The rows are kept beside the months' summaries, so a report of the range opens no
    /// day file: with the day files' calls made unreadable, it still prints.
    @Test func aRangeReportOpensNoDayFile() throws {
        let fixture = try Self.fixture()
        let expected = Self.printed(
            try fixture.desk.rangeReport(from: Self.first, to: Self.last, withCalls: true), zone: fixture.zone)
        let calls = fixture.directory.appendingPathComponent("calls")
        let reader = Desk(
            store: try Store(directory: fixture.directory, zone: fixture.zone, access: .readOnly), settings: Self.settings)
        for year in try FileManager.default.contentsOfDirectory(atPath: calls.path) {
            let folder = calls.appendingPathComponent(year)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let file = folder.appendingPathComponent(name)
                let text = try String(contentsOf: file, encoding: .utf8)
                let time = try modified(file)
                // Broken, but of the size and time its rows were made from: a read would fail.
                try Data(text.replacingOccurrences(of: "\"calls\"", with: "\"cAlls\"").utf8).write(to: file)
                try setModified(file, to: time)
            }
        }
        let report = try reader.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        #expect(Self.printed(report, zone: fixture.zone) == expected)
    }

    /// Months written by earlier versions have no rows file: the report reads their day
    /// files, prints the same bytes, and keeps the rows for next time (no writer holds the
    /// store), never calling the files broken. Rows an earlier build kept inside the totals
    /// are dropped from them, so a read of the totals no longer scans them.
    @Test(arguments: PreviousLayout.allCases)
    func monthsAnEarlierVersionWroteAreFilledInOnTheFirstReportThatNeedsThem(layout: PreviousLayout) throws {
        let fixture = try Self.fixture()
        try writeAsPreviousVersion(fixture, layout)
        let before = try months(fixture).map { try Data(contentsOf: $0) }
        let totals = try fixture.store.summaries(from: Self.first, to: Self.last)

        // While the dashboard (a writer) holds the store, a reader leaves the files alone.
        let reader = Desk(
            store: try Store(directory: fixture.directory, zone: fixture.zone, access: .readOnly), settings: Self.settings)
        try expectSameAsDayFiles(reader, fixture)
        #expect(try months(fixture).map { try Data(contentsOf: $0) } == before)
        #expect(try rowsFiles(fixture).isEmpty)

        // Without a writer, the first report that needs the rows keeps them.
        let directory = fixture.directory
        let zone = fixture.zone
        let freeReader = try withoutWriter(fixture) {
            let desk = Desk(store: try Store(directory: directory, zone: zone, access: .readOnly), settings: Self.settings)
            let report = try desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
            return (desk, report)
        }
        try expectCurrentLayout(fixture)
        if layout == .totalsOnly {
            // The totals are the previous version's, untouched; only the rows came.
            #expect(try months(fixture).map { try Data(contentsOf: $0) } == before)
        }
        #expect(try fixture.store.summaries(from: Self.first, to: Self.last) == totals)
        #expect(Self.printed(freeReader.1, zone: zone)
            == Self.printed(try Self.fromDayFiles(fixture.store, settings: Self.settings, from: Self.first, to: Self.last), zone: zone))

        // Once kept, the rows are read again as they are: nothing is written.
        let kept = try summaryFiles(fixture).map { try Data(contentsOf: $0) }
        try expectSameAsDayFiles(fixture.desk, fixture)
        #expect(try summaryFiles(fixture).map { try Data(contentsOf: $0) } == kept)
    }

    /// Runs `body` with the fixture's writer closed, then the fixture reopened.
    func withoutWriter<T>(_ fixture: DeskFixture, _ body: () throws -> T) throws -> T {
        try fixture.releaseWriter()
        defer { try? fixture.reopenWriter() }
        return try body()
    }

    /// A save into a month an earlier version wrote writes that month's totals and its
    /// rows, with every day's rows; no other month's files.
    @Test(arguments: PreviousLayout.allCases)
    func aSaveIntoAMonthAnEarlierVersionWroteFillsInItsOtherDays(layout: PreviousLayout) throws {
        let fixture = try Self.fixture()
        try writeAsPreviousVersion(fixture, layout)
        let others = try months(fixture).dropLast()
        let othersBefore = try others.map { try Data(contentsOf: $0) }
        try saveLateCall(fixture, on: Self.last)
        #expect(try others.map { try Data(contentsOf: $0) } == othersBefore)
        let month = try #require(try months(fixture).last)
        #expect(try version(of: month) == 1)
        #expect(try Set(object(month).keys) == ["schemaVersion", "days"])
        #expect(try rowsFiles(fixture) == [rowsFile(of: month)])
        try expectSameAsDayFiles(fixture.desk, fixture)
    }

    /// A save writes its month's totals and rows files and no other.
    @Test func aSaveWritesItsMonthsTotalsAndRowsOnly() throws {
        let fixture = try Self.fixture()
        try expectCurrentLayout(fixture)
        let month = try #require(try months(fixture).last)
        let others = try summaryFiles(fixture).filter { $0 != month && $0 != rowsFile(of: month) }
        let othersBefore = try others.map { try Data(contentsOf: $0) }
        let rowsBefore = try Data(contentsOf: rowsFile(of: month))
        try saveLateCall(fixture, on: Self.last)
        #expect(try others.map { try Data(contentsOf: $0) } == othersBefore)
        #expect(try Data(contentsOf: rowsFile(of: month)) != rowsBefore)
        try expectCurrentLayout(fixture)
        try expectSameAsDayFiles(fixture.desk, fixture)
    }

    /// A broken day file elsewhere in the month never stops a save: its day is left
    /// without rows, and the review reads (and reports) that file itself.
    @Test func aBrokenDayFileElsewhereInTheMonthNeverStopsASave() throws {
        let fixture = try Self.fixture()
        try writeAsPreviousVersion(fixture)
        let days = try fixture.store.summaries(from: Self.last.adding(days: -20), to: Self.last).map(\.day)
            .filter { $0.month == Self.last.month && $0 != Self.last }
        let broken = try #require(days.first)
        try Data("not json".utf8).write(to: fixture.store.dayFile(for: broken))
        try saveLateCall(fixture, on: Self.last)
        let month = try #require(try months(fixture).last)
        let kept = (try object(rowsFile(of: month))["days"] as? [[String: Any]] ?? []).compactMap { $0["day"] as? String }
        #expect(!kept.contains(broken.description))
        #expect(kept.contains(Self.last.description))
        #expect(throws: StoreError.self) { try fixture.desk.rangeReport(from: broken, to: broken, withCalls: true) }
    }

    /// The rows are only a copy of the day files: a rows file that is broken or from a
    /// newer callboard is made again from them, never reported, and the totals beside it
    /// are read as ever.
    @Test(arguments: ["not json", "{\"schemaVersion\": 9, \"days\": []}"])
    func aRowsFileThatCannotBeReadIsMadeAgain(text: String) throws {
        let fixture = try Self.fixture()
        let month = try #require(try months(fixture).last)
        let totals = try fixture.store.summaries(from: Self.first, to: Self.last)
        try Data(text.utf8).write(to: rowsFile(of: month))
        #expect(try fixture.store.summaries(from: Self.first, to: Self.last) == totals)
        try expectSameAsDayFiles(fixture.desk, fixture)
        try expectCurrentLayout(fixture)
    }

    /// Saves a call at 16:55 on `day`.
    func saveLateCall(_ fixture: DeskFixture, on day: CalendarDay) throws {
        let prospect = try #require(try fixture.store.prospects().first)
        let at = try #require(day.at(hour: 16, minute: 55, in: fixture.zone))
        try fixture.store.save(
            call: Call(
                id: Call.makeID(prospect: prospect.id, startedAt: at), prospectID: prospect.id, prospectName: prospect.name,
                startedAt: at, segments: [TalkSegment(speaker: .prospect, start: 0, end: 30)], duration: 30),
            targets: .standard)
    }

    /// A file's modification time to the nanosecond.
    func modified(_ file: URL) throws -> timespec {
        var info = stat()
        try #require(stat(file.path, &info) == 0)
        return info.st_mtim
    }

    /// Sets a file's modification time to the nanosecond, as `cp -p` and rsync put it back.
    func setModified(_ file: URL, to time: timespec) throws {
        let times = [time, time]
        try #require(utimensat(AT_FDCWD, file.path, times, 0) == 0)
    }

    /// A day file put back with other calls and an older time than its month's rows (a
    /// copy restored with `cp -p` or rsync, a clock set back): the report shows the calls
    /// it holds now, whether its size changed or not.
    @Test(arguments: [false, true])
    func aDayFilePutBackWithAnOlderTimeIsReadItself(sameSize: Bool) throws {
        let fixture = try Self.fixture()
        try expectSameAsDayFiles(fixture.desk, fixture)
        let day = try #require(try fixture.store.summaries(from: Self.first, to: Self.last).last?.day)
        let file = fixture.store.dayFile(for: day)
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = try #require(try fixture.store.calls(on: day).compactMap(\.prospectName).first)
        let other = sameSize ? String(repeating: "Q", count: name.utf8.count) : "Put Back From A Copy"
        try Data(text.replacingOccurrences(of: name, with: other).utf8).write(to: file)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-30 * 86400)], ofItemAtPath: file.path)
        let report = try fixture.desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        #expect(ReviewCSV.range(report, zone: fixture.zone).contains(other))
        try expectSameAsDayFiles(fixture.desk, fixture)
    }

    /// A day file changed in size but put back to the very time its rows were made from:
    /// the size gives it away.
    @Test func aDayFileOfTheSameTimeButAnotherSizeIsReadItself() throws {
        let fixture = try Self.fixture()
        let day = try #require(try fixture.store.summaries(from: Self.first, to: Self.last).last?.day)
        let file = fixture.store.dayFile(for: day)
        let time = try modified(file)
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = try #require(try fixture.store.calls(on: day).compactMap(\.prospectName).first)
        try Data(text.replacingOccurrences(of: name, with: "Another Size Entirely").utf8).write(to: file)
        try setModified(file, to: time)
        let report = try fixture.desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        #expect(ReviewCSV.range(report, zone: fixture.zone).contains("Another Size Entirely"))
        try expectSameAsDayFiles(fixture.desk, fixture)
    }

    /// Rows an earlier build kept without their day files' time and size are not trusted:
    /// they are made again from the day files, never reported, and kept with them.
    @Test func rowsWithoutTheirDayFilesTimeAndSizeAreMadeAgain() throws {
        let fixture = try Self.fixture()
        let month = try #require(try months(fixture).last)
        var rows = try object(rowsFile(of: month))
        var days = try #require(rows["days"] as? [[String: Any]])
        #expect(days.allSatisfy { $0["dayFile"] != nil })
        // Rows of another day's calls, as an earlier build may have left before an edit.
        let stale = try #require(days.last?["calls"])
        for i in days.indices {
            days[i]["dayFile"] = nil
            days[i]["calls"] = stale
        }
        rows["days"] = days
        try JSONSerialization.data(withJSONObject: rows).write(to: rowsFile(of: month))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: rowsFile(of: month).path)
        try expectSameAsDayFiles(fixture.desk, fixture)
        let remade = try #require(try object(rowsFile(of: month))["days"] as? [[String: Any]])
        #expect(remade.count == days.count && remade.allSatisfy { $0["dayFile"] != nil })
        try expectCurrentLayout(fixture)
    }

    /// A day file edited by hand after its month was written: the report shows the edit,
    /// as it did when it read the day files.
    @Test func aDayFileNewerThanItsMonthIsReadItself() throws {
        let fixture = try Self.fixture()
        let day = try #require(try fixture.store.summaries(from: Self.first, to: Self.last).last?.day)
        let file = fixture.store.dayFile(for: day)
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = try #require(try fixture.store.calls(on: day).compactMap(\.prospectName).first)
        try Data(text.replacingOccurrences(of: name, with: "Edited By Hand").utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file.path)
        let report = try fixture.desk.rangeReport(from: Self.first, to: Self.last, withCalls: true)
        #expect(ReviewCSV.range(report, zone: fixture.zone).contains("Edited By Hand"))
        try expectSameAsDayFiles(fixture.desk, fixture)
    }
}
