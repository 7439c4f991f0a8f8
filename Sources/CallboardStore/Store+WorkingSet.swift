import CallboardCore
import Foundation

/// The working set: derived files kept beside the buckets so that opening the dashboard
/// reads a few hundred prospects, not the whole history. `queue.json` holds who the queue
/// can show; `recent.json` whoever else was called lately, read only to find the
/// prospects of follow-ups still owed.
///
/// They are only ever a copy of what the buckets say. When missing, broken, from another
/// version, or opened on a day past `coversThrough`, they are rebuilt from the buckets
/// (and written, on a read-write store) rather than reported as an error. Every prospect
/// write removes both before touching a bucket and writes them again after, `recent.json`
/// first, so neither is ever older than the buckets.
extension Store {
    public var queueFile: URL { directory.appendingPathComponent("queue.json") }
    public var recentFile: URL { directory.appendingPathComponent("recent.json") }

    /// The prospects today's queue can need. Reads `queue.json` when it covers `today`;
    /// otherwise reads every bucket once and rewrites the working set.
    public func workingSet(today: CalendarDay) throws(StoreError) -> WorkingSet {
        try requireProspectsFolder()
        if !hasLegacyProspects, let stored = storedQueue(), today <= stored.coversThrough {
            return Self.workingSet(from: stored)
        }
        guard access == .readWrite, !hasLegacyProspects else {
            return Self.workingSet(from: queuePart(of: buildWorkingSet(from: try prospects(), on: today)))
        }
        // Built and written under the lock, so no save slips in between.
        let document = try locked { () throws(StoreError) -> WorkingSetDocument in
            let document = buildWorkingSet(from: try prospects(), on: today)
            try writeWorkingSetDocument(document)
            return document
        }
        return Self.workingSet(from: queuePart(of: document))
    }

    /// The prospects today's queue can need, without waiting for the disk: `queue.json`
    /// when it covers `today`, else the working set rebuilt from the buckets in memory and
    /// not written (`isStored` false); ``workingSet(today:)`` writes it later.
    public func workingSetInMemory(today: CalendarDay) throws(StoreError) -> (workingSet: WorkingSet, isStored: Bool) {
        try requireProspectsFolder()
        if !hasLegacyProspects, let stored = storedQueue(), today <= stored.coversThrough {
            return (Self.workingSet(from: stored), true)
        }
        return (Self.workingSet(from: queuePart(of: buildWorkingSet(from: try prospects(), on: today))), false)
    }

    /// Prospects called in the two weeks before the working set was built whom the queue
    /// cannot show (closed, or due later): where a follow-up still owed finds its
    /// prospect without a look into the buckets. Empty when there is no `recent.json`;
    /// anyone not found here is in the buckets.
    public func recentlyCalled() -> [Prospect] {
        storedRecent()?.prospects ?? []
    }

    /// The stored working set, both files, or nil when there is none this version can use.
    func storedWorkingSet() -> WorkingSetDocument? {
        guard var queue = storedQueue(), let recent = storedRecent(),
            recent.builtOn == queue.builtOn, recent.coversThrough == queue.coversThrough
        else { return nil }
        queue.prospects = (queue.prospects + recent.prospects).sorted { $0.id < $1.id }
        return queue
    }

    func storedRecent() -> RecentCalleesDocument? {
        try? VersionedFile.read(RecentCalleesDocument.self, from: recentFile, migration: .workingSet)
    }

    /// Writes `recent.json`, then `queue.json`: a crash between leaves no queue, which
    /// the next read rebuilds.
    /// Neither waits for the disk: copies, rebuilt when a crash leaves them missing,
    /// broken or not of one build (see docs/storage.md).
    func writeWorkingSetDocument(_ document: WorkingSetDocument) throws(StoreError) {
        try writeWorkingSet(document, members: document.prospects)
    }

    /// ``writeWorkingSetDocument(_:)`` of `frame` with `members` for its prospects.
    private func writeWorkingSet(
        _ frame: WorkingSetDocument, members: some RandomAccessCollection<Prospect>, encoded: EncodedProspects? = nil
    ) throws(StoreError) {
        let last = frame.coversThrough
        // A prospect at a time, never copied: the queue of an import can hold a hundred thousand.
        try VersionedFile.write(
            RecentCalleesDocument(
                schemaVersion: SchemaMigration.workingSet.current, builtOn: frame.builtOn,
                coversThrough: last, prospects: []),
            list: "prospects", elements: members.lazy.filter { !$0.isDue(on: last, in: self.zone) },
            to: recentFile, durable: false)
        try writeQueue(frame, members: members, encoded: encoded, onDisk: frame.pagesOnDisk ?? [])
    }

    func removeWorkingSet() throws(StoreError) {
        try AtomicFile.remove(queueFile)
        try AtomicFile.remove(recentFile)
    }

    func queuePart(of document: WorkingSetDocument) -> WorkingSetDocument {
        var queue = document
        queue.prospects = document.prospects.filter { $0.isDue(on: document.coversThrough, in: zone) }
        return queue
    }

    /// Writes the working set of `all`, which is every prospect in the store, from
    /// positions in `all` rather than a copy of its members.
    /// `onDisk`: the hashes of the pages as they were read before, every one checked.
    func writeWorkingSet(
        built all: [Prospect], on day: CalendarDay, encoded: EncodedProspects? = nil, onDisk: [String]? = nil
    ) throws(StoreError) {
        var (frame, members) = workingSetFrame(of: all, on: day)
        frame.pagesOnDisk = onDisk
        try writeWorkingSet(frame, members: members.lazy.map { all[$0] }, encoded: encoded)
    }

    func buildWorkingSet(from all: [Prospect], on day: CalendarDay) -> WorkingSetDocument {
        var (document, members) = workingSetFrame(of: all, on: day)
        document.prospects = members.map { all[$0] }
        return document
    }

    /// The working set of `all` without its prospects, and the positions in `all` of
    /// those it holds, in the order of their ids.
    private func workingSetFrame(of all: [Prospect], on day: CalendarDay) -> (WorkingSetDocument, [Int]) {
        let last = day.adding(days: WorkingSet.reach)
        let members = all.indices.filter { isWorking(all[$0], builtOn: day, through: last) }.sorted { all[$0].id < all[$1].id }
        // Referrers' names, the first prospect with the id winning as before.
        let wanted = Set(members.compactMap { all[$0].referredBy?.rawValue })
        var referrers: [String: String] = [:]
        if !wanted.isEmpty {
            for prospect in all where wanted.contains(prospect.id.rawValue) && referrers[prospect.id.rawValue] == nil {
                referrers[prospect.id.rawValue] = prospect.name
            }
        }
        let document = WorkingSetDocument(
            schemaVersion: SchemaMigration.workingSet.current, builtOn: day, coversThrough: last,
            prospectCount: all.count, prospects: [], referrers: referrers, zoneReach: ZoneReach.sums(of: all))
        return (document, members)
    }

    /// `queue` after `written` were saved in place of `old` (`added` of them new to the
    /// store): the written ones leave, those that qualify come back, and referrer names
    /// and the zones' counts follow.
    func updated(_ queue: WorkingSetDocument, written: [Prospect], replacing old: [Prospect], added: Int)
        throws(StoreError) -> WorkingSetDocument
    {
        var document = queue
        if var sums = document.zoneReach {
            ZoneReach.update(&sums, replacing: old, with: written)
            document.zoneReach = sums
        }
        let ids = Set(written.map(\.id))
        document.prospects.removeAll { ids.contains($0.id) }
        document.prospects += written.filter { isWorking($0, builtOn: queue.builtOn, through: queue.coversThrough) }
        document.prospects.sort { $0.id < $1.id }
        document.prospectCount += added

        var known = queue.referrers
        for prospect in document.prospects { known[prospect.id.rawValue] = prospect.name }
        // A renamed referrer is renamed here too.
        for prospect in written { known[prospect.id.rawValue] = prospect.name }
        let needed = Set(document.prospects.compactMap(\.referredBy))
        let missing = needed.filter { known[$0.rawValue] == nil }
        for prospect in try prospects(ids: missing) { known[prospect.id.rawValue] = prospect.name }
        document.referrers = [:]
        for id in needed { document.referrers[id.rawValue] = known[id.rawValue] }
        return document
    }

    /// Whether the dashboard can need a prospect on any day up to `last`: active, and due
    /// by then (or with no day set), or with a callback by then; or called in the two
    /// weeks before `builtOn`, so a follow-up still owed finds its prospect without a
    /// look into the buckets.
    func isWorking(_ prospect: Prospect, builtOn: CalendarDay, through last: CalendarDay) -> Bool {
        if let called = prospect.lastCalledAt,
            CalendarDay(containing: called, in: zone) >= builtOn.adding(days: -WorkingSet.reach)
        {
            return true
        }
        return prospect.isDue(on: last, in: zone)
    }

    static func workingSet(from document: WorkingSetDocument) -> WorkingSet {
        var names: [ProspectID: String] = [:]
        for (id, name) in document.referrers { names[ProspectID(id)] = name }
        return WorkingSet(
            prospects: document.prospects, referrerNames: names, isStoreEmpty: document.prospectCount == 0,
            coversThrough: document.coversThrough, zoneReach: document.zoneReach ?? [:])
    }
}
