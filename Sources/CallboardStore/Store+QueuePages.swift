import CallboardCore
import Foundation

/// The queue's part of the working set, paged: `queue.json` is the index (every member's
/// kind and due day in standing order, one example of each kind, each page's first
/// standing) and `queue/0000.json`… hold the members, sorted by kind then standing, a
/// page of ``queuePageSize`` each. The first frame reads the index and the few pages its
/// rows are on; whatever needs every member reads every page.
extension Store {
    /// Members per page: the rows on a screen, from the dozen kinds at the top of the
    /// queue, take a page or two each.
    static let queuePageSize = 256

    var queuePagesDirectory: URL { directory.appendingPathComponent("queue", isDirectory: true) }

    func queuePageFile(_ index: Int) -> URL {
        let digits = String(index)
        return queuePagesDirectory.appendingPathComponent(String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".json")
    }

    /// The index of the queue that answers for `today`, built (and written, on a
    /// read-write store, when `rebuild`) when the stored one is missing, broken or out of
    /// date; nil when no index can answer for it (a day before the stored one was built, a
    /// read-only store whose copy is out of date, or `rebuild` false): then
    /// `workingSet(today:)` does.
    public func queueIndex(today: CalendarDay, rebuildingIfStale rebuild: Bool = true) throws(StoreError) -> QueueIndex? {
        try requireProspectsFolder()
        if !hasLegacyProspects, let index = storedQueueIndex(), today <= index.coversThrough {
            return index.answers(for: today) ? index : nil
        }
        guard rebuild, access == .readWrite, !hasLegacyProspects else { return nil }
        _ = try workingSet(today: today)
        return storedQueueIndex().flatMap { $0.answers(for: today) ? $0 : nil }
    }

    /// The members at standing positions `positions` of `index`, in that order; nil when a
    /// page is missing or not of this index (then `workingSet(today:)` rebuilds them).
    public func members(_ positions: [Int], of index: QueueIndex) -> [Prospect]? {
        var pages: [Int: [Prospect]] = [:]
        var found: [Prospect] = []
        found.reserveCapacity(positions.count)
        for position in positions {
            guard index.slot.indices.contains(position) else { return nil }
            let slot = index.slot[position]
            let page = slot / index.pageSize
            if pages[page] == nil {
                guard let members = queuePage(page, of: index)
                else { return nil }
                pages[page] = members
            }
            guard let members = pages[page] else { return nil }
            found.append(members[slot % index.pageSize])
        }
        return found
    }

    /// Page `page` of `index`; nil when it is missing, broken or of another build.
    func queuePage(_ page: Int, of index: QueueIndex) -> [Prospect]? {
        guard let data = queuePageData(page, of: index),
            let document = try? StoreCoding.decoder().decode(QueuePageDocument.self, from: data),
            document.schemaVersion == SchemaMigration.queue.current,
            document.prospects.count == min(index.pageSize, index.slot.count - page * index.pageSize)
        else { return nil }
        return document.prospects
    }

    /// The bytes of page `page` of `index`; nil when the page is missing or its hash is not
    /// the one `index` holds for it (a page of another build, or one a crash cut short).
    private func queuePageData(_ page: Int, of index: QueueIndex) -> Data? {
        guard index.pageHashes.indices.contains(page), let data = try? AtomicFile.read(queuePageFile(page)),
            Self.pageHash(data) == index.pageHashes[page]
        else { return nil }
        return data
    }

    /// Whether every page of `index` is there as it was written for it: when one is not,
    /// every read of a whole queue rebuilds it from the buckets until it is written again.
    public func hasEveryPage(of index: QueueIndex) -> Bool {
        index.pageHashes.indices.allSatisfy { queuePageData($0, of: index) != nil }
    }

    static func pageHash(_ data: Data) -> String { String(FNV1a.hash64(data), radix: 16) }

    /// The stored index; nil when it is missing, broken, of another version, or built in
    /// another time zone than the store's (whose days its due days are counted in: a
    /// seller who travelled would miss a callback whose day moved earlier).
    func storedQueueIndexDocument() -> QueueIndexDocument? {
        guard let document = try? VersionedFile.read(QueueIndexDocument.self, from: queueFile, migration: .queue),
            document.zone == zone.identifier
        else { return nil }
        return document
    }

    func storedQueueIndex() -> QueueIndex? {
        guard let document = storedQueueIndexDocument() else { return nil }
        return Self.queueIndex(from: document)
    }

    static func queueIndex(from document: QueueIndexDocument) -> QueueIndex? {
        let kinds = document.kinds.count
        var perKind = [Int](repeating: 0, count: kinds)
        var places: [CallQueue.Place] = []
        places.reserveCapacity(document.places.count)
        for (at, code) in document.places.enumerated() {
            let kind = code / 16, days = code % 16
            guard code >= 0, kind < kinds else { return nil }
            perKind[kind] += 1
            places.append(
                CallQueue.Place(
                    kind: kind, dueDay: days == 0 ? nil : document.builtOn.adding(days: days),
                    time: at < document.callbackTimes.count ? document.callbackTimes[at] : 0))
        }
        let size = document.pageSize
        guard size > 0, document.pageStarts.count == (places.count + size - 1) / size,
            document.pageHashes.count == document.pageStarts.count
        else { return nil }
        var next = [Int](repeating: 0, count: kinds)
        var start = 0
        for kind in 0..<kinds {
            next[kind] = start
            start += perKind[kind]
        }
        var slot = [Int](repeating: 0, count: places.count)
        for (at, place) in places.enumerated() {
            slot[at] = next[place.kind]
            next[place.kind] += 1
        }
        var names: [ProspectID: String] = [:]
        for (id, name) in document.referrers { names[ProspectID(id)] = name }
        return QueueIndex(
            builtOn: document.builtOn, coversThrough: document.coversThrough, places: places, examples: document.kinds.map(\.example),
            referrerNames: names, zoneReach: document.zoneReach, isStoreEmpty: document.prospectCount == 0,
            pageHashes: document.pageHashes, pageSize: size, slot: slot, pageStarts: document.pageStarts.map(\.standing))
    }

    /// The queue's part of the working set, every page read: what a write updates.
    func storedQueue() -> WorkingSetDocument? {
        guard let document = storedQueueIndexDocument(), let index = Self.queueIndex(from: document) else { return nil }
        var members: [Prospect] = []
        members.reserveCapacity(index.places.count)
        for page in 0..<document.pageStarts.count {
            guard let list = queuePage(page, of: index) else { return nil }
            members += list
        }
        return WorkingSetDocument(
            schemaVersion: SchemaMigration.workingSet.current, builtOn: document.builtOn,
            coversThrough: document.coversThrough, prospectCount: document.prospectCount,
            prospects: members.sorted { $0.id < $1.id }, referrers: document.referrers, zoneReach: document.zoneReach,
            pagesOnDisk: document.pageHashes)
    }

    /// Writes the queue's part of `document` (of `prospects`, those due by `coversThrough`) as an
    /// index and its pages: the index goes first and comes back last, so a crash between
    /// leaves no index, which the next read rebuilds, and a page is only ever read with
    /// the index it was written for. Neither is synced: the index holds each page's hash,
    /// so a page a crash left behind, old or broken, is never read with it.
    ///
    /// A page whose bytes hash the same as `onDisk` (the hashes of the pages as they were
    /// just read, every one checked) says for it is left as it is: a saved call rewrites
    /// the page or two its prospects are on, not all of them.
    func writeQueue(
        _ document: WorkingSetDocument, members prospects: some RandomAccessCollection<Prospect>, encoded: EncodedProspects? = nil,
        onDisk: [String] = []
    ) throws(StoreError) {
        try AtomicFile.remove(queueFile)
        var kinds: [CallQueue.Kind: Int] = [:]
        var kindList: [CallQueue.Kind] = []
        // Positions in `prospects`, not copies: an import's queue can hold 100,000.
        var members: [(standing: CallQueue.Standing, kind: Int, at: Int)] = []
        for (at, prospect) in prospects.enumerated() where prospect.isDue(on: document.coversThrough, in: zone) {
            let kind = CallQueue.kind(of: prospect)
            let number: Int
            if let known = kinds[kind] {
                number = known
            } else {
                number = kindList.count
                kinds[kind] = number
                kindList.append(kind)
            }
            var standing = CallQueue.standing(of: prospect, zone: zone)
            // The time as it reads back from the file, so ties are those a reader sees.
            if let at = prospect.callbackAt, let stored = StoreCoding.isoDate(StoreCoding.isoText(at)) {
                standing.time = stored.timeIntervalSince1970
            }
            members.append((standing, number, at))
        }
        members.sort { $0.standing < $1.standing }
        let built = document.builtOn
        let places = members.map { member -> Int in
            let days = prospects[prospects.index(prospects.startIndex, offsetBy: member.at)].dueDay(in: zone).map { max(0, built.days(until: $0)) } ?? 0
            return member.kind * 16 + min(days, 15)
        }
        let times = members.prefix { $0.standing.isTimed }.map(\.standing.time)
        let byKind = members.sorted { a, b in a.kind != b.kind ? a.kind < b.kind : a.standing < b.standing }
        let size = Self.queuePageSize
        let encoder = StoreCoding.encoder()
        var hashes: [String] = []
        try AtomicFile.makeDirectory(queuePagesDirectory)
        var starts: [StandingRecord] = []
        var page = 0
        while page * size < byKind.count {
            let chunk = byKind[(page * size)..<min(byKind.count, (page + 1) * size)]
            starts.append(StandingRecord(chunk[chunk.startIndex].standing))
            let file = queuePageFile(page)
            var iterator = chunk.makeIterator()
            let data = Data(
                try VersionedFile.listedBytes(
                    QueuePageDocument(schemaVersion: SchemaMigration.queue.current, prospects: []), list: "prospects",
                    path: file.path
                ) { () throws(StoreError) -> ArraySlice<UInt8>? in
                    guard let member = iterator.next() else { return nil }
                    let prospect = prospects[prospects.index(prospects.startIndex, offsetBy: member.at)]
                    if let bytes = encoded?[prospect.id] { return bytes }
                    return try VersionedFile.encodedElement(prospect, with: encoder, for: file)
                })
            let hash = Self.pageHash(data)
            hashes.append(hash)
            if !onDisk.indices.contains(page) || onDisk[page] != hash {
                try AtomicFile.write(data, to: file, durable: false)
            }
            page += 1
        }
        removeQueuePages(from: page)
        try VersionedFile.write(
            QueueIndexDocument(
                schemaVersion: SchemaMigration.queue.current, builtOn: built, coversThrough: document.coversThrough,
                prospectCount: document.prospectCount, referrers: document.referrers, zoneReach: document.zoneReach ?? [:],
                pageHashes: hashes, kinds: kindList, places: places, callbackTimes: times, pageSize: size, pageStarts: starts,
                zone: zone.identifier),
            to: queueFile, durable: false)
    }

    /// Pages from `first` on, left by a larger queue.
    func removeQueuePages(from first: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: queuePagesDirectory.path) else { return }
        for name in names where name.hasSuffix(".json") {
            if let number = Int(name.dropLast(5)), number >= first { try? AtomicFile.remove(queuePagesDirectory.appendingPathComponent(name)) }
        }
    }
}
