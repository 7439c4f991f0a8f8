import CallboardCore
import Foundation

/// callboard's data on disk: human-readable JSON files in one private directory.
///
/// Layout of the data directory (created 0700; every file 0600):
///
///     prospects.json              {"schemaVersion": 1, "prospects": [Prospect]}
///     calls/2026/2026-11-29.json  {"schemaVersion": 1, "day": "2026-11-29", "calls": [Call]}
///                                 one file per day of calls; a call belongs to the day
///                                 of its start in the seller's time zone
///     summaries.json              {"schemaVersion": 1, "days": [DaySummary]}
///                                 one small record per day with calls, so a trend
///                                 over months never reads the calls themselves
///     live-call.json              {"schemaVersion": 1, "call", "elapsed", "savedAt"}
///                                 the call in progress; the only file written while
///                                 a call is live, removed once the call is saved
///     outbox/*.eml                follow-up emails written for sending
///     .lock                       held by the one writer; holds its pid
///
/// JSON is pretty printed with sorted keys; dates are ISO-8601 in UTC
/// ("2026-11-29T14:05:00Z", with milliseconds when there are any). Every write replaces
/// its file atomically (temporary file in the same folder, fsync, rename, fsync of the
/// folder), so a crash leaves the old file or the new one. A file from a newer callboard is refused and never rewritten; a
/// broken file is reported with its path and the line and column, or key, at fault, and
/// left as it is.
///
/// Cost does not grow with history: opening takes the lock and reads no file; the queue
/// reads `prospects.json`, today's screen one day file, a trend `summaries.json`, and a
/// checkpoint writes only `live-call.json`. Only export (`allCalls`) and the explicit
/// `rebuildSummaries` read every day.
///
/// One process writes at a time: a read-write store holds an exclusive lock until it is
/// released (the object goes away or the process ends); a second writer gets
/// `StoreError.locked` with the holder's pid. Read-only stores take no lock.
public final class Store: Sendable {
    public enum Access: Sendable {
        case readWrite
        /// For export and report commands: works while another callboard is writing.
        case readOnly
    }

    /// The data directory.
    public let directory: URL
    /// The seller's time zone, which decides the day a call belongs to.
    public let zone: TimeZone
    public let access: Access
    private let lock: StoreLock?
    /// Serialises read-modify-write of a file between threads of this process.
    let writing = NSLock()

    /// Opens the store in `directory`. Read-write creates the directory (0700) when it
    /// is missing and takes the writer's lock; read-only requires the directory to exist.
    public init(directory: URL, zone: TimeZone, access: Access = .readWrite) throws(StoreError) {
        self.directory = directory.standardizedFileURL
        self.zone = zone
        self.access = access
        switch access {
        case .readOnly:
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: self.directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { throw .missing(path: self.directory.path) }
            lock = nil
        case .readWrite:
            try AtomicFile.makeDirectory(self.directory)
            lock = try StoreLock.acquire(
                file: self.directory.appendingPathComponent(".lock"), directory: self.directory)
            removeLeftovers()
        }
    }

    /// Sweeps temporary files a killed writer left behind. Lists folders only (one per
    /// year of calls), so it stays cheap however long the history.
    private func removeLeftovers() {
        var folders = [directory, outboxDirectory]
        let years = (try? FileManager.default.contentsOfDirectory(atPath: callsDirectory.path)) ?? []
        folders += years.map { callsDirectory.appendingPathComponent($0, isDirectory: true) }
        for folder in folders { AtomicFile.removeLeftovers(in: folder) }
    }

    /// Opens the store where `StoreLocation.resolve(flag:environment:)` says it lives.
    public static func open(
        flag: String?, environment: [String: String], zone: TimeZone, access: Access = .readWrite
    ) throws(StoreError) -> Store {
        try Store(
            directory: StoreLocation.resolve(flag: flag, environment: environment), zone: zone,
            access: access)
    }

    // MARK: Paths

    public var prospectsFile: URL { directory.appendingPathComponent("prospects.json") }
    public var summariesFile: URL { directory.appendingPathComponent("summaries.json") }
    public var checkpointFile: URL { directory.appendingPathComponent("live-call.json") }
    public var callsDirectory: URL { directory.appendingPathComponent("calls", isDirectory: true) }
    public var outboxDirectory: URL { directory.appendingPathComponent("outbox", isDirectory: true) }

    /// `calls/YYYY/YYYY-MM-DD.json`
    public func dayFile(for day: CalendarDay) -> URL {
        callsDirectory
            .appendingPathComponent(String(format: "%04d", day.year), isDirectory: true)
            .appendingPathComponent("\(day).json")
    }

    /// The day a call belongs to: the calendar day of its start in the seller's zone.
    public func day(of call: Call) -> CalendarDay {
        CalendarDay(containing: call.startedAt, in: zone)
    }

    // MARK: Prospects

    /// Every prospect, in file order; empty for a new store.
    public func prospects() throws(StoreError) -> [Prospect] {
        guard
            let document = try VersionedFile.read(
                ProspectsDocument.self, from: prospectsFile, migration: .prospects)
        else { return [] }
        if let problem = Self.duplicateID(in: document.prospects) {
            throw .badData(file: prospectsFile.path, problem: problem)
        }
        return document.prospects
    }

    /// Replaces the whole prospect list.
    public func save(prospects: [Prospect]) throws(StoreError) {
        try requireWritable()
        try locked { () throws(StoreError) in try write(prospects: prospects) }
    }

    private func write(prospects: [Prospect]) throws(StoreError) {
        if let problem = Self.duplicateID(in: prospects) {
            throw .badData(file: prospectsFile.path, problem: "\(problem); nothing was saved")
        }
        try VersionedFile.checkReplaceable(prospectsFile, migration: .prospects)
        try VersionedFile.write(
            ProspectsDocument(schemaVersion: SchemaMigration.prospects.current, prospects: prospects),
            to: prospectsFile)
    }

    /// Replaces the prospect with the same id, or adds it at the end.
    public func upsert(prospect: Prospect) throws(StoreError) {
        try upsert(prospects: [prospect])
    }

    /// Replaces each prospect with the same id, or adds it at the end, in one write:
    /// after a call that changed the prospect and created referral leads, say.
    public func upsert(prospects changed: [Prospect]) throws(StoreError) {
        try requireWritable()
        try locked { () throws(StoreError) in
            var all = try prospects()
            var position = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for prospect in changed {
                if let index = position[prospect.id] {
                    all[index] = prospect
                } else {
                    position[prospect.id] = all.count
                    all.append(prospect)
                }
            }
            try write(prospects: all)
        }
    }

    private static func duplicateID(in prospects: [Prospect]) -> String? {
        var seen: [ProspectID: Int] = [:]
        for (index, prospect) in prospects.enumerated() {
            if let first = seen[prospect.id] {
                return "the prospect id \"\(prospect.id)\" appears twice "
                    + "(prospects[\(first)] and prospects[\(index)])"
            }
            seen[prospect.id] = index
        }
        return nil
    }

    // MARK: Live call

    /// Saves the live call so a crash loses at most the time since this checkpoint.
    /// Reads the old checkpoint's version first (a few KB) so a newer callboard's
    /// checkpoint is never overwritten.
    public func writeCheckpoint(_ checkpoint: LiveCallCheckpoint) throws(StoreError) {
        try requireWritable()
        try VersionedFile.checkReplaceable(checkpointFile, migration: .checkpoint)
        try VersionedFile.write(
            CheckpointDocument(schemaVersion: SchemaMigration.checkpoint.current, checkpoint: checkpoint),
            to: checkpointFile)
    }

    /// The checkpoint of a call that was live when callboard last stopped, if any.
    public func checkpoint() throws(StoreError) -> LiveCallCheckpoint? {
        try VersionedFile.read(CheckpointDocument.self, from: checkpointFile, migration: .checkpoint)?
            .checkpoint
    }

    /// Removes the checkpoint once its call is saved (or the seller discards it).
    public func clearCheckpoint() throws(StoreError) {
        try requireWritable()
        try VersionedFile.checkReplaceable(checkpointFile, migration: .checkpoint)
        try AtomicFile.remove(checkpointFile)
    }

    // MARK: Shared

    func requireWritable() throws(StoreError) {
        if access == .readOnly { throw .readOnly(directory: directory.path) }
    }

    func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        writing.lock()
        defer { writing.unlock() }
        return try body()
    }
}
