import CallboardCore
import Foundation

/// `queue.json`, the working set: a derived file kept beside the buckets so that opening
/// the dashboard reads a few hundred prospects, not the whole history.
///
/// It is only ever a copy of what the buckets say. When it is missing, broken, from
/// another version, or opened on a day past `coversThrough`, it is rebuilt from the
/// buckets (and written, on a read-write store) rather than reported as an error.
extension Store {
    public var queueFile: URL { directory.appendingPathComponent("queue.json") }

    /// The prospects today's queue can need. Reads `queue.json` when it covers `today`;
    /// otherwise reads every bucket once and rewrites it.
    public func workingSet(today: CalendarDay) throws(StoreError) -> WorkingSet {
        if !hasLegacyProspects, let stored = storedWorkingSet(), today <= stored.coversThrough {
            return Self.workingSet(from: stored)
        }
        guard access == .readWrite, !hasLegacyProspects else {
            return Self.workingSet(from: buildWorkingSet(from: try prospects(), on: today))
        }
        // Built and written under the lock, so no save slips in between.
        let document = try locked { () throws(StoreError) -> WorkingSetDocument in
            let document = buildWorkingSet(from: try prospects(), on: today)
            try writeWorkingSetDocument(document)
            return document
        }
        return Self.workingSet(from: document)
    }

    /// The stored working set, or nil when there is none this version can use.
    func storedWorkingSet() -> WorkingSetDocument? {
        try? VersionedFile.read(WorkingSetDocument.self, from: queueFile, migration: .workingSet)
    }

    func writeWorkingSetDocument(_ document: WorkingSetDocument) throws(StoreError) {
        try VersionedFile.write(document, to: queueFile)
    }

    /// Writes the working set of `all`, which is every prospect in the store.
    func writeWorkingSet(built all: [Prospect], on day: CalendarDay) throws(StoreError) {
        try writeWorkingSetDocument(buildWorkingSet(from: all, on: day))
    }

    func buildWorkingSet(from all: [Prospect], on day: CalendarDay) -> WorkingSetDocument {
        let last = day.adding(days: WorkingSet.reach)
        let members = all.filter { isWorking($0, builtOn: day, through: last) }.sorted { $0.id < $1.id }
        let names = Dictionary(all.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        var referrers: [String: String] = [:]
        for id in members.compactMap(\.referredBy) { referrers[id.rawValue] = names[id.rawValue] }
        return WorkingSetDocument(
            schemaVersion: SchemaMigration.workingSet.current, builtOn: day, coversThrough: last,
            prospectCount: all.count, prospects: members, referrers: referrers)
    }

    /// `queue` after `written` were saved (`added` of them new to the store): the written
    /// ones leave, those that qualify come back, and referrer names follow.
    func updated(_ queue: WorkingSetDocument, written: [Prospect], added: Int) throws(StoreError)
        -> WorkingSetDocument
    {
        var document = queue
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
        guard prospect.status.isCallable else { return false }
        if let callback = prospect.callbackAt, CalendarDay(containing: callback, in: zone) <= last {
            return true
        }
        guard let next = prospect.nextCallDay else { return true }
        return next <= last
    }

    static func workingSet(from document: WorkingSetDocument) -> WorkingSet {
        var names: [ProspectID: String] = [:]
        for (id, name) in document.referrers { names[ProspectID(id)] = name }
        return WorkingSet(
            prospects: document.prospects, referrerNames: names, isStoreEmpty: document.prospectCount == 0,
            coversThrough: document.coversThrough)
    }
}
