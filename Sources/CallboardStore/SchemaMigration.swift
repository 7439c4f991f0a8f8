import Foundation

/// How files of older schema versions are brought up to the current one.
///
/// Each step turns a version-`n` file's top-level JSON object into version `n + 1`. A file
/// is migrated in memory when read and written in the current version on the next save,
/// so an older file is never rewritten just by looking at it. A change of shape adds a
/// step here and bumps `current`.
struct SchemaMigration: Sendable {
    typealias Step = @Sendable ([String: Any]) throws -> [String: Any]

    /// The version this callboard writes and the newest it reads.
    let current: Int
    /// `steps[n]` upgrades version `n` to `n + 1`.
    let steps: [Int: Step]
    /// Versions above `current` that read as `current`: a shape an earlier callboard
    /// wrote with keys added that are no longer kept, which a reader ignores. Never written.
    let readAsCurrent: Set<Int>

    init(current: Int, steps: [Int: Step], readAsCurrent: Set<Int> = []) {
        self.current = current
        self.steps = steps
        self.readAsCurrent = readAsCurrent
    }

    /// The newest version this callboard reads.
    var newestRead: Int { max(current, readAsCurrent.max() ?? current) }

    /// Whether a file of `version` is read without any upgrade.
    func readsAsIs(_ version: Int?) -> Bool { version == current || version.map(readAsCurrent.contains) == true }

    static let currentVersion = 1

    /// The migrations for each of the store's files.
    static let prospects = SchemaMigration(current: currentVersion, steps: [:])
    static let day = SchemaMigration(current: currentVersion, steps: [:])
    /// `summaries/YYYY-MM.json`, the days' totals. Version 2 (one earlier build) kept the
    /// days' report rows inside as well; they now have a file of their own, so the totals
    /// are version 1 again, which every callboard reads, and a version-2 month reads as
    /// version 1 with its rows ignored (see `SummariesDocument`).
    static let summaries = SchemaMigration(current: 1, steps: [:], readAsCurrent: [2])
    /// `summaries/YYYY-MM.calls.json`, the month's calls as report rows: derived from the
    /// day files, so one that cannot be read is made again, never reported.
    static let callRows = SchemaMigration(current: currentVersion, steps: [:])
    static let checkpoint = SchemaMigration(current: currentVersion, steps: [:])
    static let workingSet = SchemaMigration(current: currentVersion, steps: [:])
    /// `contacts.json`. Version 1 had no companies; such a file cannot be upgraded and is
    /// rebuilt from the prospects, as any copy is.
    static let contacts = SchemaMigration(current: 2, steps: [:])
    /// `queue.json` and its pages. Version 1 held every member in `queue.json` itself; such
    /// a file cannot be upgraded and is rebuilt, as any copy is.
    static let queue = SchemaMigration(current: 2, steps: [:])

    /// `data` (a file of `version`) in the current version.
    func upgrade(_ data: Data, from version: Int, file: String) throws(StoreError) -> Data {
        guard version < current else { return data }
        do {
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw StoreError.badData(file: file, problem: "the top level must be an object")
            }
            for step in version..<current {
                guard let upgrade = steps[step] else {
                    throw StoreError.badData(
                        file: file,
                        problem: "schema version \(step) cannot be upgraded to \(step + 1)")
                }
                object = try upgrade(object)
            }
            object["schemaVersion"] = current
            return try JSONSerialization.data(withJSONObject: object)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .badData(file: file, problem: "upgrading from schema version \(version): \(error)")
        }
    }
}

/// Reading and writing one versioned JSON file.
enum VersionedFile {
    /// The decoded file, migrated to the current version; nil when the file is absent.
    /// Any problem is reported with the file's path and nothing is written.
    static func read<Document: Decodable>(
        _ type: Document.Type, from url: URL, migration: SchemaMigration
    ) throws(StoreError) -> Document? {
        guard let data = try AtomicFile.read(url) else { return nil }
        return try decode(type, from: data, of: url, migration: migration).document
    }

    /// The file's bytes decoded, migrated to the current version; `asWritten` says whether
    /// the bytes are already in the current version (nothing had to change).
    static func decode<Document: Decodable>(
        _ type: Document.Type, from data: Data, of url: URL, migration: SchemaMigration
    ) throws(StoreError) -> (document: Document, asWritten: Bool) {
        let file = url.path
        let decoder = StoreCoding.decoder()
        // The usual case, a file of the current version, takes one pass over the bytes;
        // anything else takes the careful path below, which says what is wrong.
        if let probed = try? decoder.decode(Probed<Document>.self, from: data), migration.readsAsIs(probed.version) {
            return (probed.document, probed.version == migration.current)
        }
        let version: Int
        do {
            guard let found = try decoder.decode(VersionProbe.self, from: data).schemaVersion else {
                throw StoreError.badData(
                    file: file, problem: "the top level is missing the key \"schemaVersion\"")
            }
            version = found
        } catch let error as StoreError {
            throw error
        } catch {
            throw .badData(file: file, problem: StoreCoding.explain(error, in: data, reading: VersionProbe.self))
        }
        if version > migration.current, !migration.readAsCurrent.contains(version) {
            throw .newerSchema(file: file, found: version, supported: migration.newestRead)
        }
        guard version >= 1 else {
            throw .badData(file: file, problem: "schemaVersion must be 1 or more, found \(version)")
        }
        let current = try migration.upgrade(data, from: version, file: file)
        do {
            return (try decoder.decode(Document.self, from: current), version == migration.current)
        } catch {
            throw .badData(file: file, problem: StoreCoding.explain(error, in: current, reading: Document.self))
        }
    }

    /// Checks that the file at `url`, if any, may be replaced or removed: a file this
    /// version cannot read (newer, or broken) is left for the seller, never overwritten.
    static func checkReplaceable(_ url: URL, migration: SchemaMigration) throws(StoreError) {
        guard let data = try AtomicFile.read(url) else { return }
        let found: Int?
        do {
            found = try StoreCoding.decoder().decode(VersionProbe.self, from: data).schemaVersion
        } catch {
            throw .badData(file: url.path, problem: StoreCoding.explain(error, in: data, reading: VersionProbe.self))
        }
        if let found, found > migration.newestRead {
            throw .newerSchema(file: url.path, found: found, supported: migration.newestRead)
        }
    }

    static func write<Document: Encodable>(_ document: Document, to url: URL, compact: Bool = false, durable: Bool = true) throws(StoreError) {
        var data: Data
        do {
            data = try StoreCoding.encoder(compact: compact).encode(document)
        } catch {
            throw .io(path: url.path, operation: "Encoding", reason: "\(error)")
        }
        data.append(0x0A)
        try AtomicFile.write(data, to: url, durable: durable)
    }
}

/// A document read together with the version it says it is.
private struct Probed<Document: Decodable>: Decodable {
    let version: Int?
    let document: Document

    private enum Key: String, CodingKey { case schemaVersion }

    init(from decoder: any Decoder) throws {
        version = try decoder.container(keyedBy: Key.self).decodeIfPresent(Int.self, forKey: .schemaVersion)
        document = try Document(from: decoder)
    }
}
