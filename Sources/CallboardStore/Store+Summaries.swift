import CallboardCore
import Foundation

/// Per-day summaries, one file per month (`summaries/YYYY-MM.json`), so a saved call
/// rewrites one month and a trend reads only the months it spans.
extension Store {
    public var summariesDirectory: URL { directory.appendingPathComponent("summaries", isDirectory: true) }

    /// `summaries/YYYY-MM.json`
    func summaryFile(year: Int, month: Int) -> URL {
        summariesDirectory.appendingPathComponent(Self.monthName(year: year, month: month) + ".json")
    }

    static func monthName(year: Int, month: Int) -> String {
        String(format: "%04d-%02d", year, month)
    }

    static func month(of day: CalendarDay) -> String { monthName(year: day.year, month: day.month) }

    /// Whether the single `summaries.json` of earlier versions is still there.
    var hasLegacySummaries: Bool { FileManager.default.fileExists(atPath: summariesFile.path) }

    /// The per-day summaries from `first` to `last`, both included, oldest first. Days
    /// without calls have no summary. Reads only the months in range.
    public func summaries(from first: CalendarDay, to last: CalendarDay) throws(StoreError)
        -> [DaySummary]
    {
        guard first <= last else { return [] }
        if hasLegacySummaries {
            return try legacySummaries().filter { $0.day >= first && $0.day <= last }.sorted { $0.day < $1.day }
        }
        let low = Self.month(of: first)
        let high = Self.month(of: last)
        var days: [DaySummary] = []
        // Listing the folder costs less than probing every month of a long range.
        for name in try names(in: summariesDirectory) where name.hasSuffix(".json") {
            let month = String(name.dropLast(5))
            guard month.count == 7, month >= low, month <= high else { continue }
            days += try monthSummaries(month).filter { $0.day >= first && $0.day <= last }
        }
        return days.sorted { $0.day < $1.day }
    }

    /// One month's summaries; empty when the month has no file.
    func monthSummaries(_ month: String) throws(StoreError) -> [DaySummary] {
        try VersionedFile.read(
            SummariesDocument.self, from: summariesDirectory.appendingPathComponent(month + ".json"),
            migration: .summaries)?.days ?? []
    }

    func writeMonth(_ month: String, _ days: [DaySummary]) throws(StoreError) {
        let file = summariesDirectory.appendingPathComponent(month + ".json")
        guard !days.isEmpty else {
            try AtomicFile.remove(file)
            return
        }
        try AtomicFile.makeDirectory(summariesDirectory)
        try VersionedFile.write(
            SummariesDocument(
                schemaVersion: SchemaMigration.summaries.current, days: days.sorted { $0.day < $1.day }),
            to: file)
    }

    /// Recomputes every day's summary from the day files, e.g. after the targets changed
    /// or a day file was edited by hand. Reads all history, so it is an explicit command.
    @discardableResult
    public func rebuildSummaries(targets: TalkTargets, types: CallTypes = .standard) throws(StoreError)
        -> [DaySummary]
    {
        try requireWritable()
        return try locked { () throws(StoreError) -> [DaySummary] in
            if hasLegacySummaries { try VersionedFile.checkReplaceable(summariesFile, migration: .summaries) }
            let existing = try names(in: summariesDirectory).filter { $0.hasSuffix(".json") }
            for name in existing {
                try VersionedFile.checkReplaceable(
                    summariesDirectory.appendingPathComponent(name), migration: .summaries)
            }
            var days: [DaySummary] = []
            for day in try callDays() {
                let calls = try calls(on: day)
                if !calls.isEmpty { days.append(DaySummary(day: day, calls: calls, targets: targets, types: types)) }
            }
            try writeAllMonths(days, replacing: existing)
            if hasLegacySummaries { try AtomicFile.remove(summariesFile) }
            return days
        }
    }

    /// Writes `days` month by month and removes month files (among `existing`) left empty.
    private func writeAllMonths(_ days: [DaySummary], replacing existing: [String]) throws(StoreError) {
        let byMonth = Dictionary(grouping: days, by: { Self.month(of: $0.day) })
        for (month, list) in byMonth.sorted(by: { $0.key < $1.key }) { try writeMonth(month, list) }
        for name in existing where byMonth[String(name.dropLast(5))] == nil {
            try AtomicFile.remove(summariesDirectory.appendingPathComponent(name))
        }
    }

    func legacySummaries() throws(StoreError) -> [DaySummary] {
        try VersionedFile.read(SummariesDocument.self, from: summariesFile, migration: .summaries)?.days ?? []
    }

    /// Splits an earlier version's `summaries.json` into months, then removes it, in that
    /// order so a crash midway repeats the split on the next open.
    func migrateLegacySummaries() throws(StoreError) {
        guard hasLegacySummaries else { return }
        let days = try legacySummaries()
        let existing = try names(in: summariesDirectory).filter { $0.hasSuffix(".json") }
        try writeAllMonths(days, replacing: existing)
        try AtomicFile.remove(summariesFile)
    }
}
