import CallboardCore
import Foundation

/// Calls, one file per day, and the per-day summaries kept beside them.
extension Store {
    /// The calls that started on `day` in the seller's zone, earliest first.
    public func calls(on day: CalendarDay) throws(StoreError) -> [Call] {
        let file = dayFile(for: day)
        guard let document = try VersionedFile.read(DayDocument.self, from: file, migration: .day)
        else { return [] }
        guard document.day == day else {
            throw .badData(
                file: file.path,
                problem: "the file says it holds \(document.day) but is named for \(day)")
        }
        // Saves keep the order; a hand-edited file may not have.
        return document.calls.sorted(by: Self.earliestFirst)
    }

    static func earliestFirst(_ a: Call, _ b: Call) -> Bool {
        (a.startedAt, a.id) < (b.startedAt, b.id)
    }

    /// Saves a call, replacing the one with the same id on its day, and brings that day's
    /// summary up to date. `types` judge typed calls, `targets` the rest: they decide which
    /// calls count as inside the target band.
    /// Returns the day's new summary.
    ///
    /// The day file is written first: it is the record, the summary can be rebuilt from it
    /// (`rebuildSummaries`). A call whose start moved to another day is not looked for in
    /// its old day.
    @discardableResult
    public func save(call: Call, targets: TalkTargets, types: CallTypes = .standard) throws(StoreError)
        -> DaySummary
    {
        try requireWritable()
        return try locked { () throws(StoreError) -> DaySummary in
            try saveLocked([call], targets: targets, types: types).first
                ?? DaySummary(day: day(of: call), calls: [call], targets: targets, types: types)
        }
    }

    /// Saves many calls at once (an import, a generated workload): one write per day
    /// file and one of the summaries, rather than one of each per call.
    public func save(calls: [Call], targets: TalkTargets, types: CallTypes = .standard) throws(StoreError) {
        try requireWritable()
        try locked { () throws(StoreError) in _ = try saveLocked(calls, targets: targets, types: types) }
    }

    /// Merges `incoming` into their day files and updates those days' summaries;
    /// returns the new summaries of the days touched, oldest first.
    private func saveLocked(_ incoming: [Call], targets: TalkTargets, types: CallTypes) throws(StoreError)
        -> [DaySummary]
    {
        try migrateLegacySummaries()
        let byDay = Dictionary(grouping: incoming, by: { day(of: $0) })
        // Read the months' totals before writing anything, so a summaries file this
        // version refuses stops the save before any day file changes.
        var months: [String: MonthSummaries] = [:]
        for month in Set(byDay.keys.map(Self.month(of:))) {
            let days = try monthTotals(month)?.days ?? []
            months[month] = MonthSummaries(days: days, rows: keptRows(month, days: days.map(\.day)))
        }
        // The rows of the months' other days, where none are kept or a day file changed
        // since: the month's rows are written whole, so they are written up to date. A day
        // file that cannot be read leaves its day without rows (a report reads the file
        // itself, and says what is wrong with it): it must not stop today's save.
        for (month, stored) in months {
            for summary in stored.days where byDay[summary.day] == nil && stored.rows[summary.day] == nil {
                months[month]?.rows[summary.day] = (try? calls(on: summary.day)).map {
                    CallRow.rows(of: $0, types: types, targets: targets)
                }
            }
        }
        var touched: [DaySummary] = []
        for day in byDay.keys.sorted() {
            // The last of several calls with one id wins, as if saved one after another.
            var arriving: [Call] = []
            for call in byDay[day, default: []].reversed()
            where !arriving.contains(where: { $0.id == call.id }) {
                arriving.append(call)
            }
            let replaced = Set(arriving.map(\.id))
            var calls = try calls(on: day)
            calls.removeAll { replaced.contains($0.id) }
            calls += arriving
            calls.sort(by: Self.earliestFirst)
            let file = dayFile(for: day)
            try AtomicFile.makeDirectory(callsDirectory)
            try AtomicFile.makeDirectory(file.deletingLastPathComponent())
            // Opening sweeps only the newest years; a save into an older one sweeps it.
            AtomicFile.removeLeftovers(in: file.deletingLastPathComponent())
            try VersionedFile.write(
                DayDocument(schemaVersion: SchemaMigration.day.current, day: day, calls: calls),
                to: file)
            let rows = CallRow.rows(of: calls, types: types, targets: targets)
            let summary = DaySummary(day: day, summaries: rows.map(\.figures))
            let month = Self.month(of: day)
            months[month, default: MonthSummaries(days: [], rows: [:])].days.removeAll { $0.day == day }
            months[month]?.days.append(summary)
            months[month]?.rows[day] = rows
            touched.append(summary)
        }
        for (month, summaries) in months.sorted(by: { $0.key < $1.key }) { try writeMonth(month, summaries) }
        return touched
    }

    /// The days that have a day file, oldest first. Lists folders only; reads no calls.
    public func callDays() throws(StoreError) -> [CalendarDay] {
        var days: [CalendarDay] = []
        for year in try names(in: callsDirectory) where year.count == 4 && Int(year) != nil {
            let folder = callsDirectory.appendingPathComponent(year, isDirectory: true)
            for name in try names(in: folder) where name.hasSuffix(".json") {
                guard let day = CalendarDay(String(name.dropLast(5))),
                    String(format: "%04d", day.year) == year
                else { continue }
                days.append(day)
            }
        }
        return days.sorted()
    }

    /// Every call between `first` and `last` (either may be open), oldest first, for
    /// export. Reads one file per day: never use it for something shown on every start.
    public func allCalls(from first: CalendarDay? = nil, to last: CalendarDay? = nil)
        throws(StoreError) -> [Call]
    {
        var calls: [Call] = []
        for day in try callDays() {
            if let first, day < first { continue }
            if let last, day > last { continue }
            calls += try self.calls(on: day)
        }
        return calls
    }

    /// Visible entries of a folder; none when it does not exist yet.
    func names(in folder: URL) throws(StoreError) -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw .io(path: folder.path, operation: "Listing", reason: error.localizedDescription)
        }
    }
}
