import CallboardCore
import Foundation

/// Prospects, spread over `prospects/NN.json` so that saving one prospect rewrites one
/// small file, and looking up a few reads only theirs.
extension Store {
    /// `prospects/`: the buckets.
    public var prospectsDirectory: URL { directory.appendingPathComponent("prospects", isDirectory: true) }

    /// `prospects/NN.json`
    func bucketFile(_ index: Int) -> URL {
        bucketsDirectory.appendingPathComponent(ProspectBucket.fileName(index))
    }

    /// Where the buckets are: `prospects/`, except for a reader that meets a wholesale save
    /// a crash cut short (no `prospects/`, the old buckets moved aside): it reads the ones
    /// the next writer will put in place (see `recoverWholesaleSave`).
    var bucketsDirectory: URL {
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        guard access == .readOnly, !exists(prospectsDirectory), exists(retiredDirectory) else { return prospectsDirectory }
        return exists(stagingDirectory) ? stagingDirectory : retiredDirectory
    }

    /// Whether the single `prospects.json` of earlier versions is still there: a read-only
    /// store reads it as it is, and it wins over the buckets until it is migrated.
    var hasLegacyProspects: Bool { FileManager.default.fileExists(atPath: prospectsFile.path) }

    // MARK: Reading

    /// Every prospect, oldest first (then by id); empty for a new store. Reads every
    /// bucket: for export and import, never for something shown on every start.
    public func prospects() throws(StoreError) -> [Prospect] {
        try requireProspectsFolder()
        var all: [Prospect]
        if hasLegacyProspects {
            all = try legacyProspects()
        } else {
            all = []
            for index in 0..<ProspectBucket.count { all += try bucket(index) }
        }
        return all.sorted(by: Self.filedFirst)
    }

    /// Every prospect's id, name, email and phone, in no particular order: what the
    /// same-person check needs, decoded without the rest (on 11,600 prospects about
    /// 130 ms instead of the 230 ms of `prospects()`; reading the files is the rest).
    public func contactCards() throws(StoreError) -> [ContactCard] {
        try requireProspectsFolder()
        if hasLegacyProspects { return try legacyProspects().map(\.card) }
        var cards: [ContactCard] = []
        for index in 0..<ProspectBucket.count {
            cards += try VersionedFile.read(ContactCardsDocument.self, from: bucketFile(index), migration: .prospects)?
                .prospects ?? []
        }
        return cards
    }

    /// The prospects with these ids that exist, oldest first; reads only their buckets.
    public func prospects(ids: some Sequence<ProspectID>) throws(StoreError) -> [Prospect] {
        let wanted = Set(ids)
        guard !wanted.isEmpty else { return [] }
        try requireProspectsFolder()
        if hasLegacyProspects {
            return try legacyProspects().filter { wanted.contains($0.id) }.sorted(by: Self.filedFirst)
        }
        var found: [Prospect] = []
        for index in Set(wanted.map(ProspectBucket.index(of:))).sorted() {
            found += try bucket(index).filter { wanted.contains($0.id) }
        }
        return found.sorted(by: Self.filedFirst)
    }

    /// A store with calls but no `prospects/` folder (or a file in its place) is damaged:
    /// read as empty, it would say nobody is due and export nobody. A reader says so; a
    /// writer carries on and makes the folder again on its next save.
    func requireProspectsFolder() throws(StoreError) {
        guard access == .readOnly, !hasLegacyProspects, bucketsDirectory == prospectsDirectory else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: prospectsDirectory.path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw .damaged(path: prospectsDirectory.path, problem: "it is a file, where the folder of prospects should be")
        }
        if try !callDays().isEmpty {
            throw .damaged(path: prospectsDirectory.path, problem: "the folder of prospects is missing, though the store has calls")
        }
    }

    static func filedFirst(_ a: Prospect, _ b: Prospect) -> Bool {
        (a.createdAt, a.id) < (b.createdAt, b.id)
    }

    /// One bucket's prospects, in file order; empty when the bucket does not exist yet.
    func bucket(_ index: Int) throws(StoreError) -> [Prospect] {
        let file = bucketFile(index)
        guard let document = try VersionedFile.read(ProspectsDocument.self, from: file, migration: .prospects)
        else { return [] }
        return try checked(document, in: index)
    }

    /// A bucket's prospects once nothing is wrong with them: no id twice, none misfiled.
    func checked(_ document: ProspectsDocument, in index: Int) throws(StoreError) -> [Prospect] {
        let file = bucketFile(index)
        if let problem = Self.duplicateID(in: document.prospects) {
            throw .badData(file: file.path, problem: problem)
        }
        if let stray = document.prospects.first(where: { ProspectBucket.index(of: $0.id) != index }) {
            throw misfiled(stray, in: index)
        }
        return document.prospects
    }

    /// A prospect found in a bucket its id does not pick (a hand-edited store): read as it
    /// is, it would be shown or exported twice, or its updates go elsewhere. Both files are
    /// named, and whether the right one holds the same id too.
    private func misfiled(_ prospect: Prospect, in index: Int) -> StoreError {
        let home = ProspectBucket.index(of: prospect.id)
        let homeFile = bucketFile(home).path
        let twin = (try? VersionedFile.read(ProspectsDocument.self, from: bucketFile(home), migration: .prospects))??
            .prospects.contains { $0.id == prospect.id } ?? false
        let problem = "the prospect \"\(prospect.id)\" belongs in \(homeFile)"
            + (twin ? ", which holds a prospect with the same id too; keep one of the two" : "; move it there")
        return .badData(file: bucketFile(index).path, problem: problem)
    }

    func legacyProspects() throws(StoreError) -> [Prospect] {
        guard
            let document = try VersionedFile.read(
                ProspectsDocument.self, from: prospectsFile, migration: .prospects)
        else { return [] }
        if let problem = Self.duplicateID(in: document.prospects) {
            throw .badData(file: prospectsFile.path, problem: problem)
        }
        return document.prospects
    }

    // MARK: Writing

    /// Replaces the whole prospect list (an import): every bucket is rewritten, and the
    /// working set with them, from `prospects` rather than from the buckets read back: for
    /// the day it was built on, or for `today` when there was none or it no longer
    /// covers `today`.
    public func save(prospects: [Prospect], today: CalendarDay? = nil) throws(StoreError) {
        try requireWritable()
        try locked { () throws(StoreError) in
            if let problem = Self.duplicateID(in: prospects) {
                throw .badData(file: prospectsDirectory.path, problem: "\(problem); nothing was saved")
            }
            // Refuse before anything changes when a file this version cannot read is in the way.
            if hasLegacyProspects { try VersionedFile.checkReplaceable(prospectsFile, migration: .prospects) }
            for index in 0..<ProspectBucket.count {
                try VersionedFile.checkReplaceable(bucketFile(index), migration: .prospects)
            }
            let queue = storedWorkingSet()
            // Each prospect encoded once, for its bucket and its page of the queue.
            let encoded = try EncodedProspects(prospects, for: prospectsDirectory)
            try writeAllBuckets(prospects, encoded: encoded)
            if hasLegacyProspects { try AtomicFile.remove(prospectsFile) }
            try writeContacts(prospects.lazy.map(\.card))
            // Rebuilt for the day it was built on: the store reads no clock. Without one,
            // and no `today`, the next `workingSet(today:)` builds it.
            if let queue, today.map({ $0 <= queue.coversThrough }) ?? true {
                try writeWorkingSet(built: prospects, on: queue.builtOn, encoded: encoded, onDisk: queue.pagesOnDisk)
            } else if let today {
                try writeWorkingSet(built: prospects, on: today, encoded: encoded)
            }
        }
    }

    /// Replaces the prospect with the same id, or adds it.
    public func upsert(prospect: Prospect) throws(StoreError) {
        try upsert(prospects: [prospect])
    }

    /// Replaces each prospect with the same id, or adds it, rewriting only the buckets
    /// they fall in: after a call that changed the prospect and created referral leads,
    /// say. The working set (`queue.json`, `recent.json`) follows.
    public func upsert(prospects changed: [Prospect]) throws(StoreError) {
        try requireWritable()
        try locked { () throws(StoreError) in
            try migrateLegacyProspects()
            // The last of several with one id wins, as if saved one after another.
            var order: [ProspectID] = []
            var latest: [ProspectID: Prospect] = [:]
            for prospect in changed where latest.updateValue(prospect, forKey: prospect.id) == nil {
                order.append(prospect.id)
            }
            let written = order.compactMap { latest[$0] }
            let touched = Dictionary(grouping: written, by: { ProspectBucket.index(of: $0.id) })
            // Read every touched bucket before writing any, so a bad one stops the save.
            var buckets: [Int: [Prospect]] = [:]
            for index in touched.keys { buckets[index] = try bucket(index) }
            var added = 0
            var replaced: [Prospect] = []
            for (index, arriving) in touched {
                var list = buckets[index] ?? []
                for prospect in arriving {
                    if let at = list.firstIndex(where: { $0.id == prospect.id }) {
                        replaced.append(list[at])
                        list[at] = prospect
                    } else {
                        list.append(prospect)
                        added += 1
                    }
                }
                buckets[index] = list
            }
            let queue = storedWorkingSet()
            let contacts = storedContacts()
            // A crash between the buckets and the derived files must not leave a stale
            // copy behind: they go first and are rebuilt if they stay missing.
            try removeWorkingSet()
            try removeContacts()
            try AtomicFile.makeDirectory(prospectsDirectory)
            for index in touched.keys.sorted() {
                try writeBucket(index, buckets[index] ?? [])
            }
            if let queue {
                try writeWorkingSetDocument(try updated(queue, written: written, replacing: replaced, added: added))
            }
            if let contacts { try writeContacts(updatedContacts(contacts, written: written)) }
        }
    }

    func writeBucket(
        _ index: Int, _ prospects: some Sequence<Prospect>, in folder: URL? = nil, encoded: EncodedProspects? = nil
    ) throws(StoreError) {
        let frame = ProspectsDocument(schemaVersion: SchemaMigration.prospects.current, prospects: [])
        let file = folder.map { $0.appendingPathComponent(ProspectBucket.fileName(index)) } ?? bucketFile(index)
        guard let encoded else {
            try VersionedFile.write(frame, list: "prospects", elements: prospects, to: file)
            return
        }
        let encoder = StoreCoding.encoder()
        var iterator = prospects.makeIterator()
        try VersionedFile.writeListed(frame, list: "prospects", to: file) { () throws(StoreError) -> ArraySlice<UInt8>? in
            guard let prospect = iterator.next() else { return nil }
            if let bytes = encoded[prospect.id] { return bytes }
            return try VersionedFile.encodedElement(prospect, with: encoder, for: file)
        }
    }

    /// Replaces every bucket at once: the new buckets are written into a folder of their
    /// own, which then takes the place of `prospects/`, so a failure (a full disk) or a
    /// crash midway leaves the old buckets whole rather than half old, half new.
    func writeAllBuckets(_ prospects: [Prospect], encoded: EncodedProspects? = nil) throws(StoreError) {
        // Positions, not copies: a hundred thousand prospects are held once.
        let grouped = Dictionary(grouping: prospects.indices, by: { ProspectBucket.index(of: prospects[$0].id) })
        try AtomicFile.removeTree(stagingDirectory)
        var finished = false
        defer { if !finished { try? AtomicFile.removeTree(stagingDirectory) } }
        try AtomicFile.makeDirectory(stagingDirectory)
        for (index, list) in grouped {
            try writeBucket(index, list.lazy.map { prospects[$0] }, in: stagingDirectory, encoded: encoded)
        }
        try removeWorkingSet()
        try removeContacts()
        if FileManager.default.fileExists(atPath: prospectsDirectory.path) {
            try AtomicFile.move(prospectsDirectory, to: retiredDirectory)
        }
        try AtomicFile.move(stagingDirectory, to: prospectsDirectory)
        finished = true
        try AtomicFile.removeTree(retiredDirectory)
    }

    /// New buckets being written by a wholesale save.
    var stagingDirectory: URL { directory.appendingPathComponent(".prospects.new", isDirectory: true) }
    /// The buckets a wholesale save replaced, until they are removed.
    var retiredDirectory: URL { directory.appendingPathComponent(".prospects.old", isDirectory: true) }

    /// Finishes or undoes a wholesale save a crash cut short: the new buckets are complete
    /// once the old ones were moved aside; before that, the old ones stay.
    func recoverWholesaleSave() throws(StoreError) {
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        if !exists(prospectsDirectory), exists(retiredDirectory) {
            try AtomicFile.move(exists(stagingDirectory) ? stagingDirectory : retiredDirectory, to: prospectsDirectory)
        }
        try AtomicFile.removeTree(stagingDirectory)
        try AtomicFile.removeTree(retiredDirectory)
    }

    /// Splits an earlier version's `prospects.json` into buckets, then removes it; the old
    /// file goes only once every bucket is safely written, so a crash midway repeats the
    /// split on the next open. A file this version cannot read is left for the seller and
    /// reported by the reads.
    func migrateLegacyProspects() throws(StoreError) {
        guard hasLegacyProspects else { return }
        let all = try legacyProspects()
        try writeAllBuckets(all)
        try AtomicFile.remove(prospectsFile)
    }

    static func duplicateID(in prospects: [Prospect]) -> String? {
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
}
