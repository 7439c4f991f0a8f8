import CallboardCore
import Foundation

/// callboard's data on disk: human-readable JSON files in one private directory.
///
/// Layout of the data directory (created 0700; every file 0600):
///
///     prospects/00.json … 63.json {"schemaVersion": 1, "prospects": [Prospect]}
///                                 a prospect lives in the bucket its id's FNV-1a hash
///                                 picks, so saving one rewrites one small file
///     queue.json                  {"schemaVersion": 2, "builtOn", "coversThrough",
///                                  "prospectCount", "referrers": {id: name}, "zoneReach",
///                                  "kinds", "places", "callbackTimes", "pageSize",
///                                  "pageStarts", "pageHashes", "zone"}
///     queue/0000.json …           {"schemaVersion": 2, "prospects": [Prospect]}
///                                 the working set: every prospect a queue up to
///                                 `coversThrough` (built + 14 days) can show, indexed in
///                                 `queue.json` and paged below it (Store+QueuePages).
///                                 Derived from the buckets, kept up to date on every
///                                 prospect write, rebuilt when missing, broken or out of date
///     recent.json                 {"schemaVersion": 1, "builtOn", "coversThrough",
///                                  "prospects"}
///                                 the rest of the working set: those called in the 14
///                                 days before it was built whom the queue cannot show,
///                                 for the follow-ups still owed; derived the same way
///     calls/2026/2026-11-29.json  {"schemaVersion": 1, "day": "2026-11-29", "calls": [Call]}
///                                 one file per day of calls; a call belongs to the day
///                                 of its start in the seller's time zone
///     summaries/2026-11.json      {"schemaVersion": 1, "days": [DaySummary]}
///                                 a file per month: one small record per day with
///                                 calls, so a trend over months never reads the calls;
///                                 version 2 (one earlier build, rows inside) reads as 1
///     summaries/2026-11.calls.json {"schemaVersion": 1, "days": [{"day", "calls": [CallRow], "dayFile"}]}
///                                 the month's calls as report rows, on one line, so a
///                                 review listing every call of a range never opens a day
///                                 file; derived: days without fresh rows (the day file's
///                                 time and size as "dayFile" records them) are read from
///                                 their day files (`callRows`)
///     live-call.json              {"schemaVersion": 1, "call", "elapsed", "savedAt",
///                                  "answers" once the end-of-call dialogs began,
///                                  "noteDraft" while a note is half typed}
///                                 the call in progress, on one compact line; the only
///                                 file written while a call is live, removed once the
///                                 call is saved
///     outbox/*.eml                follow-up emails written for sending
///     .lock                       held by the one writer; holds its pid
///
/// Earlier versions kept all prospects in `prospects.json` and all summaries in
/// `summaries.json`; the first read-write open splits them (the old file is removed only
/// after the new ones are written), and a read-only open reads them as they are.
///
/// JSON is pretty printed with sorted keys (but the checkpoint and the call rows, on one
/// line); dates are ISO-8601 in UTC
/// ("2026-11-29T14:05:00Z", with milliseconds when there are any). Every write replaces
/// its file atomically (temporary file in the same folder, fsync, rename, fsync of the
/// folder), so a crash leaves the old file or the new one; a wholesale prospect save
/// (an import) writes a whole new `prospects/` beside the old and swaps it in, so the
/// buckets are never half old, half new. A file from a newer callboard
/// is refused and never rewritten; a broken file is reported with its path and the line
/// and column, or key, at fault, and left as it is. The exceptions are `queue.json` and
/// `recent.json`, which are only copies: they are rebuilt instead.
///
/// Cost grows with what is shown, not with history: opening takes the lock and reads no
/// file; the dashboard's first frame reads `queue.json`, the pages of the rows it shows
/// and a month of summaries, then the
/// follow-ups owed read `recent.json` and the days that owe one; a saved call rewrites its day,
/// its month's totals and rows and the buckets of the prospects it changed; a trend reads
/// its months' totals; a checkpoint writes only `live-call.json`. Only export and import (every
/// prospect, `allCalls`), a working set past its reach, and the explicit
/// `rebuildSummaries` read everything.
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
    /// Set when opening found the store readable or writable by others and made it private
    /// (folders 0700, files 0600): the caller says so once.
    public let tightenedPermissions: Bool

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
            tightenedPermissions = try Self.makePrivate(self.directory)
            lock = nil
        case .readWrite:
            tightenedPermissions = try Self.makePrivate(self.directory)
            try AtomicFile.makeDirectory(self.directory)
            lock = try StoreLock.acquire(
                file: self.directory.appendingPathComponent(".lock"), directory: self.directory)
            removeLeftovers()
            try recoverWholesaleSave()
            try migrateLegacyFiles()
            // Always there once a writer opened the store, so its absence is damage a reader
            // can name (`requireProspectsFolder`); a writer makes it again.
            if !hasLegacyProspects { try AtomicFile.makeDirectory(prospectsDirectory) }
        }
    }

    /// A store folder others can enter exposes every file in it, whatever the files' own
    /// modes; one behind a 0700 folder exposes none. So the folder's mode is checked on
    /// every open (one stat), and when it is loose everything inside is made private once:
    /// folders 0700, files 0600. A change that fails is refused rather than ignored.
    /// Returns whether anything changed.
    static func makePrivate(_ directory: URL) throws(StoreError) -> Bool {
        var info = stat()
        guard lstat(directory.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        guard info.st_mode & 0o077 != 0 else { return false }
        var changed: [(path: String, mode: mode_t)] = [(directory.path, 0o700)]
        if let walker = FileManager.default.enumerator(atPath: directory.path) {
            while let name = walker.nextObject() as? String {
                let path = directory.appendingPathComponent(name).path
                var entry = stat()
                guard lstat(path, &entry) == 0 else { continue }
                switch entry.st_mode & S_IFMT {
                case S_IFDIR: changed.append((path, 0o700))
                case S_IFREG: changed.append((path, 0o600))
                case S_IFLNK: walker.skipDescendants()  // never change what a link points to
                default: continue  // the control socket: not data
                }
            }
        }
        for (path, mode) in changed {
            var entry = stat()
            guard lstat(path, &entry) == 0, entry.st_mode & 0o077 != 0 else { continue }
            guard chmod(path, mode) == 0 else {
                let reason = String(cString: strerror(errno))
                throw .io(
                    path: path, operation: "Making private (it is open to other users)",
                    reason: "\(reason); run chmod -R go-rwx on the store folder")
            }
        }
        return true
    }

    /// Sweeps temporary files a killed writer left behind: in the store's own folders and
    /// the two newest years of calls, where calls are saved. An older year is swept when a
    /// call of that year is saved, so opening costs the same however long the history.
    private func removeLeftovers() {
        var folders = [directory, outboxDirectory, prospectsDirectory, summariesDirectory]
        let years = (try? FileManager.default.contentsOfDirectory(atPath: callsDirectory.path)) ?? []
        folders += years.sorted().suffix(2).map { callsDirectory.appendingPathComponent($0, isDirectory: true) }
        for folder in folders { AtomicFile.removeLeftovers(in: folder) }
    }

    /// Brings an earlier version's single-file prospects and summaries into the current
    /// layout. A file this version cannot read is left as it is; reading it reports the
    /// problem with its path.
    private func migrateLegacyFiles() throws(StoreError) {
        for migrate in [migrateLegacyProspects, migrateLegacySummaries] {
            do {
                try migrate()
            } catch {
                switch error {
                case .badData, .newerSchema: continue
                default: throw error
                }
            }
        }
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

    /// The single prospects file of earlier versions, migrated into `prospects/` on open.
    public var prospectsFile: URL { directory.appendingPathComponent("prospects.json") }
    /// The single summaries file of earlier versions, migrated into `summaries/` on open.
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

    // MARK: Live call

    /// Saves the live call so a crash loses at most the time since this checkpoint.
    /// Reads the old checkpoint's version first (a few KB) so a newer callboard's
    /// checkpoint is never overwritten.
    public func writeCheckpoint(_ checkpoint: LiveCallCheckpoint) throws(StoreError) {
        try requireWritable()
        try VersionedFile.checkReplaceable(checkpointFile, migration: .checkpoint)
        try VersionedFile.write(
            CheckpointDocument(schemaVersion: SchemaMigration.checkpoint.current, checkpoint: checkpoint),
            to: checkpointFile, compact: true)
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
