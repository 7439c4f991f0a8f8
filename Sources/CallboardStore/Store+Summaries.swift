import CallboardCore
import Foundation

/// Per-day summaries, one file per month (`summaries/YYYY-MM.json`), so a saved call
/// rewrites one month and a trend reads only the months it spans; beside each, the month's
/// calls as report rows (`summaries/YYYY-MM.calls.json`), which only a review that lists
/// every call reads.
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
            days += try monthTotals(month)?.days.filter { $0.day >= first && $0.day <= last } ?? []
        }
        return days.sorted { $0.day < $1.day }
    }

    /// The months from `first` to `last` that have a totals file, oldest first.
    private func months(from first: CalendarDay, to last: CalendarDay) throws(StoreError) -> [String] {
        let low = Self.month(of: first)
        let high = Self.month(of: last)
        // Listing the folder costs less than probing every month of a long range.
        return try monthNames().filter { $0 >= low && $0 <= high }
    }

    /// The months that have a totals file (`YYYY-MM.json`; a rows file is not one), oldest first.
    private func monthNames() throws(StoreError) -> [String] {
        try names(in: summariesDirectory).compactMap { name in
            guard name.hasSuffix(".json") else { return nil }
            let month = String(name.dropLast(5))
            return month.count == 7 ? month : nil
        }
    }

    private func monthFile(_ month: String) -> URL { summariesDirectory.appendingPathComponent(month + ".json") }

    /// `summaries/YYYY-MM.calls.json`
    func rowsFile(_ month: String) -> URL { summariesDirectory.appendingPathComponent(month + ".calls.json") }

    /// One month's totals, and whether its file is as this version writes it (not one
    /// with rows inside); nil when the month has no file. A file this version cannot read
    /// is reported.
    func monthTotals(_ month: String) throws(StoreError) -> (days: [DaySummary], asWritten: Bool)? {
        let file = monthFile(month)
        guard let data = try AtomicFile.read(file) else { return nil }
        let read = try VersionedFile.decode(SummariesDocument.self, from: data, of: file, migration: .summaries)
        return (read.document.days, read.asWritten)
    }

    /// The rows kept for `days` of `month` whose day files have the time and size they had
    /// when the rows were made. A day whose file changed since (a hand edit, a save by an
    /// earlier callboard, a file put back with an older time, a clock set back) has none,
    /// nor has a day whose rows an earlier build wrote without them, nor any day when the
    /// rows file is missing, broken or from a newer callboard: the rows are only a copy of
    /// the day files, made again rather than reported.
    func keptRows(_ month: String, days: some Sequence<CalendarDay>) -> [CalendarDay: [CallRow]] {
        let file = rowsFile(month)
        guard let data = try? AtomicFile.read(file),
            let document = try? VersionedFile.decode(CallRowsDocument.self, from: data, of: file, migration: .callRows)
                .document
        else { return [:] }
        let wanted = Set(days)
        var rows: [CalendarDay: [CallRow]] = [:]
        for day in document.days where wanted.contains(day.day) {
            guard let made = day.dayFile, AtomicFile.stamp(dayFile(for: day.day)) == made else { continue }
            rows[day.day] = day.calls
        }
        return rows
    }

    /// The per-day summaries from `first` to `last` (as ``summaries(from:to:)``) and the
    /// calls of each of those days, as report rows in the order they were made, judged by
    /// `types` and `targets`.
    ///
    /// They come from the months' rows files. A day whose rows are not there (a month an
    /// earlier version wrote) or were made from a day file that has changed since (its
    /// time or size is another) is read from its day file instead, and its rows are kept
    /// when this store is the writer, or no writer holds the store: once, on the first
    /// report that needs them.
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
        var remade: [String: [CalendarDay: RemadeRows]] = [:]
        for month in try months(from: first, to: last) {
            guard let totals = try monthTotals(month) else { continue }
            let inRange = totals.days.filter { $0.day >= first && $0.day <= last }
            let kept = keptRows(month, days: inRange.map(\.day))
            for summary in inRange {
                summaries.append(summary)
                let day = summary.day
                if let kept = kept[day] {
                    rows[day] = kept.map { CallRow(judged: $0, types: types, targets: targets) }
                } else {
                    let dayWritten = AtomicFile.stamp(dayFile(for: day))
                    let made = CallRow.rows(of: try calls(on: day), types: types, targets: targets)
                    rows[day] = made
                    remade[month, default: [:]][day] = RemadeRows(rows: made, dayWritten: dayWritten)
                }
            }
        }
        if !remade.isEmpty { keepRows(remade) }
        return (summaries.sorted { $0.day < $1.day }, rows)
    }

    /// Rows made from a day file, and that file's time and size before it was read.
    private struct RemadeRows {
        var rows: [CallRow]
        var dayWritten: FileStamp?
    }

    /// Adds rows made from day files to their months' rows files, and writes a month's
    /// totals without the rows an earlier build kept inside them. Only under the writer's
    /// lock: this store's own, or taken for the moment when nobody holds it. Best effort:
    /// a report never fails for it.
    private func keepRows(_ remade: [String: [CalendarDay: RemadeRows]]) {
        let write = { () throws(StoreError) in
            for (month, made) in remade.sorted(by: { $0.key < $1.key }) {
                guard let totals = try self.monthTotals(month) else { continue }
                let days = totals.days.map(\.day)
                var rows = self.keptRows(month, days: days)
                var added = false
                // A day file changed since its rows were made (a save meanwhile) is left for
                // the next report.
                for (day, remade) in made where rows[day] == nil && days.contains(day) {
                    guard let dayWritten = remade.dayWritten, AtomicFile.stamp(self.dayFile(for: day)) == dayWritten
                    else { continue }
                    rows[day] = remade.rows
                    added = true
                }
                if added { try self.writeRows(month, rows, days: totals.days) }
                if !totals.asWritten { try self.writeTotals(month, totals.days) }
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

    /// Writes a month: its days' totals, then the rows of those days that have them.
    func writeMonth(_ month: String, _ summaries: MonthSummaries) throws(StoreError) {
        try writeTotals(month, summaries.days)
        try writeRows(month, summaries.rows, days: summaries.days)
    }

    /// Writes a month's totals file, or removes it when no day has any.
    private func writeTotals(_ month: String, _ days: [DaySummary]) throws(StoreError) {
        let file = monthFile(month)
        guard !days.isEmpty else {
            try AtomicFile.remove(file)
            return
        }
        try AtomicFile.makeDirectory(summariesDirectory)
        try VersionedFile.write(
            SummariesDocument(schemaVersion: SchemaMigration.summaries.current, days: days.sorted { $0.day < $1.day }),
            to: file)
    }

    /// Writes the rows of `days` that have them into the month's rows file, each with its
    /// day file's time and size now, or removes it when none has. Only under the lock, with
    /// rows made from the day files as they are.
    private func writeRows(_ month: String, _ rows: [CalendarDay: [CallRow]], days: [DaySummary]) throws(StoreError) {
        let file = rowsFile(month)
        let kept = days.map(\.day).sorted().compactMap { day in
            rows[day].map { DayRows(day: day, calls: $0, dayFile: AtomicFile.stamp(dayFile(for: day))) }
        }
        guard !kept.isEmpty else {
            if AtomicFile.modified(file) != nil { try AtomicFile.remove(file) }
            return
        }
        try AtomicFile.makeDirectory(summariesDirectory)
        // On one line: only callboard reads it, and a save rewrites it whole.
        try VersionedFile.write(
            CallRowsDocument(schemaVersion: SchemaMigration.callRows.current, days: kept), to: file, compact: true)
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
            let existing = try monthNames()
            for month in existing { try VersionedFile.checkReplaceable(monthFile(month), migration: .summaries) }
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

    /// Writes `days` month by month and removes the months (among `existing`) left empty,
    /// totals and rows.
    private func writeAllMonths(_ days: [DaySummary], rows: [CalendarDay: [CallRow]], replacing existing: [String])
        throws(StoreError)
    {
        let byMonth = Dictionary(grouping: days, by: { Self.month(of: $0.day) })
        for (month, list) in byMonth.sorted(by: { $0.key < $1.key }) {
            try writeMonth(month, MonthSummaries(days: list, rows: rows.filter { Self.month(of: $0.key) == month }))
        }
        for month in existing where byMonth[month] == nil { try AtomicFile.remove(monthFile(month)) }
        // Rows go with their month, and rows left without one (a hand edit) go too.
        for name in try names(in: summariesDirectory) where name.hasSuffix(".calls.json") {
            if byMonth[String(name.dropLast(11))] == nil {
                try AtomicFile.remove(summariesDirectory.appendingPathComponent(name))
            }
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
        let existing = try monthNames()
        // No rows: a report that needs them makes them from the day files.
        try writeAllMonths(days, rows: [:], replacing: existing)
        try AtomicFile.remove(summariesFile)
    }
}

/// A month of summaries: each day's totals, and the rows of the days that have them.
struct MonthSummaries {
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
