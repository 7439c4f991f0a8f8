import CallboardCore
import Foundation

/// Calls waiting to be handed to the seller's after-call command, one JSON document each
/// in `handoffs/`, and the calling blocks kept for the review in `blocks/`. A hand-off
/// stays until the command took it, so a failure is retried, never lost.
extension Store {
    public var handOffsDirectory: URL { directory.appendingPathComponent("handoffs", isDirectory: true) }
    public var blocksDirectory: URL { directory.appendingPathComponent("blocks", isDirectory: true) }

    /// Queues `document` for the call `id` (replacing one already queued for it).
    public func queueHandOff(_ document: Data, for id: CallID) throws(StoreError) {
        try requireWritable()
        let name = Self.handOffName(id)
        try Self.checkMessageName(name)
        try AtomicFile.makeDirectory(handOffsDirectory)
        try AtomicFile.write(document, to: handOffsDirectory.appendingPathComponent(name))
    }

    /// The hand-offs still waiting, oldest call first: the file name and its document.
    public func pendingHandOffs() throws(StoreError) -> [(name: String, document: Data)] {
        var pending: [(String, Data)] = []
        for name in try names(in: handOffsDirectory) where name.hasSuffix(".json") && !AtomicFile.isTemporary(name) {
            if let data = try AtomicFile.read(handOffsDirectory.appendingPathComponent(name)) { pending.append((name, data)) }
        }
        return pending
    }

    /// The command took the hand-off `name`; it goes.
    public func removeHandOff(name: String) throws(StoreError) {
        try requireWritable()
        try Self.checkMessageName(name)
        try AtomicFile.remove(handOffsDirectory.appendingPathComponent(name))
    }

    static func handOffName(_ id: CallID) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        return String(id.rawValue.map { allowed.contains($0) ? $0 : "-" }.prefix(180)) + ".json"
    }

    /// Adds a finished calling block to its day's file, `blocks/YYYY-MM-DD.json`.
    public func saveBlock(_ block: CallingBlockSummary) throws(StoreError) {
        try requireWritable()
        let day = CalendarDay(containing: block.startedAt, in: zone)
        var blocks = try self.blocks(on: day)
        blocks.append(block)
        try AtomicFile.makeDirectory(blocksDirectory)
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(blocks)
        } catch {
            throw .badData(file: blockFile(day).path, problem: error.localizedDescription)
        }
        try AtomicFile.write(data, to: blockFile(day))
    }

    /// The calling blocks of a day, in the order they were worked.
    public func blocks(on day: CalendarDay) throws(StoreError) -> [CallingBlockSummary] {
        guard let data = try AtomicFile.read(blockFile(day)) else { return [] }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([CallingBlockSummary].self, from: data)
        } catch {
            throw .badData(file: blockFile(day).path, problem: error.localizedDescription)
        }
    }

    private func blockFile(_ day: CalendarDay) -> URL {
        blocksDirectory.appendingPathComponent("\(day.description).json")
    }
}
