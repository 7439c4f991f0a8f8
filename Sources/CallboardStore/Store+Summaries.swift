import CallboardCore
import Foundation

/// Per-day summaries, one file per month (`summaries/YYYY-MM.json`), so a saved call
/// rewrites one month and a trend reads only the months it spans.
extension Store {
    public var summariesDirectory: URL { directory.appendingPathComponent("summaries", isDirectory: true) }

    /// `summaries/YYYY-MM.json`
    func summaryFile(year: Int, month: Int) -> URL {
        monthFile(Self.monthName(year: year, month: month))
    }

    static func monthName(year: Int, month: Int) -> String {
        String(format: "%04d-%02d", year, month)
    }

    static func month(of day: CalendarDay) -> String { monthName(year: day.year, month: day.month) }

    /// Whether the single `summaries.json` of earlier versions is still there.
    var hasLegacySummaries: Bool { FileManager.default.fileExists(atPath: summariesFile.path) }

    /// The per-day summaries from `first` to `last`, both included, oldest first. Days
    /// without calls have no summary. Reads only the months in range, and of them only
    /// the totals.
    public func summaries(from first: CalendarDay, to last: CalendarDay) throws(StoreError)
        -> [DaySummary]
    {
        guard first <= last else { return [] }
        if hasLegacySummaries {
            return try legacySummaries().filter { $0.day >= first && $0.day <= last }.sorted { $0.day < $1.day }
        }
        var days: [DaySummary] = []
        for month in try months(from: first, to: last) {
            days += try VersionedFile.read(SummaryTotalsDocument.self, from: monthFile(month), migration: .summaries)?
                .days.filter { $0.day >= first && $0.day <= last } ?? []
        }
        return days.sorted { $0.day < $1.day }
    }

    /// The months from `first` to `last` that have a summaries file, oldest first.
    private func months(from first: CalendarDay, to last: CalendarDay) throws(StoreError) -> [String] {
        let low = Self.month(of: first)
        let high = Self.month(of: last)
        // Listing the folder costs less than probing every month of a long range.
        return try names(in: summariesDirectory).compactMap { name in
            guard name.hasSuffix(".json") else { return nil }
            let month = String(name.dropLast(5))
            return month.count == 7 && month >= low && month <= high ? month : nil
        }
    }

    private func monthFile(_ month: String) -> URL { summariesDirectory.appendingPathComponent(month + ".json") }

    /// The per-day summaries from `first` to `last` (as ``summaries(from:to:)``) and the
    /// calls of each of those days, as report rows in the order they were made, judged by
    /// `types` and `targets`.
    ///
    /// They come from the months' summaries. A day whose rows are not there (a month an
    /// earlier version wrote) or older than its day file (a hand edit) is read from its
    /// day file instead, and its month is written with the rows when this store is the
    /// writer, or no writer holds the store: once, on the first report that needs them.
    public func callRows(
        from first: CalendarDay, to last: CalendarDay, types: CallTypes = .standard, targets: TalkTargets = .standard
    ) throws(StoreError) -> (summaries: [DaySummary], rows: [CalendarDay: [CallRow]]) {
        guard first <= last else { return ([], [:]) }
        if hasLegacySummaries {
            var rows: [CalendarDay: [CallRow]] = [:]
            let summaries = try summaries(from: first, to: last)
            for summary in summaries {
                rows[summary.day] = CallRow.rows(of: try calls(on: summary.day), types: types, targets: targets)
            }
            return (summaries, rows)
        }
        var summaries: [DaySummary] = []
        var rows: [CalendarDay: [CallRow]] = [:]
        var remade: [String: [CalendarDay: [CallRow]]] = [:]
        for month in try months(from: first, to: last) {
            let file = monthFile(month)
            let written = AtomicFile.modified(file)
            let stored = try monthSummaries(month)
            for summary in stored.days where summary.day >= first && summary.day <= last {
                summaries.append(summary)
                let day = summary.day
                if let kept = stored.rows[day], let written, let dayWritten = AtomicFile.modified(dayFile(for: day)),
                    dayWritten <= written
                {
                    rows[day] = kept.map { CallRow(judged: $0, types: types, targets: targets) }
                } else {
                    let made = CallRow.rows(of: try calls(on: day), types: types, targets: targets)
                    rows[day] = made
                    remade[month, default: [:]][day] = made
                }
            }
        }
        if !remade.isEmpty { keepRows(remade) }
        return (summaries.sorted { $0.day < $1.day }, rows)
    }

    /// Writes rows made from day files into their months, keeping the months' totals as
    /// they are. Only under the writer's lock: this store's own, or taken for the moment
    /// when nobody holds it. Best effort: a report never fails for it.
    private func keepRows(_ remade: [String: [CalendarDay: [CallRow]]]) {
        let write = { () throws(StoreError) in
            for (month, rows) in remade.sorted(by: { $0.key < $1.key }) {
                var stored = try self.monthSummaries(month)
                // A save since the rows were made wrote the month with its own rows.
                guard stored.version < SchemaMigration.summaries.current || rows.keys.contains(where: { stored.rows[$0] == nil })
                    || !self.fresh(month)
                else { continue }
                for (day, list) in rows where stored.days.contains(where: { $0.day == day }) { stored.rows[day] = list }
                try self.writeMonth(month, stored)
            }
        }
        switch access {
        case .readWrite:
            try? locked(write)
        case .readOnly:
            guard let lock = StoreLock.tryAcquire(file: directory.appendingPathComponent(".lock")) else { return }
            try? write()
            withExtendedLifetime(lock) {}
        }
    }

    /// Whether every day's rows in `month` are at least as new as the day's file.
    private func fresh(_ month: String) -> Bool {
        guard let written = AtomicFile.modified(monthFile(month)), let stored = try? monthSummaries(month) else { return false }
        return stored.days.allSatisfy { summary in
            AtomicFile.modified(dayFile(for: summary.day)).map { $0 <= written } ?? false
        }
    }

    /// One month's summaries and rows; empty when the month has no file.
    func monthSummaries(_ month: String) throws(StoreError) -> MonthSummaries {
        guard let document = try VersionedFile.read(SummariesDocument.self, from: monthFile(month), migration: .summaries)
        else { return MonthSummaries(version: SchemaMigration.summaries.current, days: [], rows: [:]) }
        var rows: [CalendarDay: [CallRow]] = [:]
        for day in document.calls ?? [] { rows[day.day] = day.calls }
        return MonthSummaries(version: document.calls == nil ? 1 : document.schemaVersion, days: document.days, rows: rows)
    }

    /// Writes a month: its days' totals and the rows of those days that have them.
    func writeMonth(_ month: String, _ summaries: MonthSummaries) throws(StoreError) {
        let file = monthFile(month)
        guard !summaries.days.isEmpty else {
            try AtomicFile.remove(file)
            return
        }
        let days = summaries.days.sorted { $0.day < $1.day }
        let rows = days.compactMap { summary in summaries.rows[summary.day].map { DayRows(day: summary.day, calls: $0) } }
        try AtomicFile.makeDirectory(summariesDirectory)
        try VersionedFile.write(
            SummariesDocument(schemaVersion: SchemaMigration.summaries.current, days: days, calls: rows), to: file)
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
            var rows: [CalendarDay: [CallRow]] = [:]
            for day in try callDays() {
                let calls = try calls(on: day)
                guard !calls.isEmpty else { continue }
                let made = CallRow.rows(of: calls, types: types, targets: targets)
                days.append(DaySummary(day: day, summaries: made.map(\.figures)))
                rows[day] = made
            }
            try writeAllMonths(days, rows: rows, replacing: existing)
            if hasLegacySummaries { try AtomicFile.remove(summariesFile) }
            return days
        }
    }

    /// Writes `days` month by month and removes month files (among `existing`) left empty.
    private func writeAllMonths(_ days: [DaySummary], rows: [CalendarDay: [CallRow]], replacing existing: [String])
        throws(StoreError)
    {
        let byMonth = Dictionary(grouping: days, by: { Self.month(of: $0.day) })
        for (month, list) in byMonth.sorted(by: { $0.key < $1.key }) {
            try writeMonth(month, MonthSummaries(days: list, rows: rows.filter { Self.month(of: $0.key) == month }))
        }
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
        // No rows: a report that needs them makes them from the day files.
        try writeAllMonths(days, rows: [:], replacing: existing)
        try AtomicFile.remove(summariesFile)
    }
}

/// A month of summaries as read: each day's totals, and the rows of the days that have them.
struct MonthSummaries {
    /// The version the file was written in (1: no rows at all).
    var version = SchemaMigration.summaries.current
    var days: [DaySummary]
    var rows: [CalendarDay: [CallRow]]
}

extension CallRow {
    /// A stored row judged by the reader's settings.
    init(judged row: CallRow, types: CallTypes, targets: TalkTargets) {
        self = row
        figures = row.figures.judged(types: types, untyped: targets)
    }
}
