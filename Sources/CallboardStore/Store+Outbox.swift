import CallboardCore
import Foundation

/// Follow-up emails written as `.eml` files in `outbox/`, for the seller's mail program
/// or send command to pick up.
extension Store {
    /// Writes (or replaces) `outbox/<name>` atomically and returns its location. `name`
    /// must be a plain file name such as `2026-11-29-anna-de-vries.eml`.
    @discardableResult
    public func writeOutboxMessage(_ data: Data, name: String) throws(StoreError) -> URL {
        try requireWritable()
        try Self.checkMessageName(name)
        try AtomicFile.makeDirectory(outboxDirectory)
        let url = outboxDirectory.appendingPathComponent(name)
        try AtomicFile.write(data, to: url)
        return url
    }

    /// The names of the `.eml` files in the outbox, sorted.
    public func outboxMessages() throws(StoreError) -> [String] {
        try names(in: outboxDirectory).filter { $0.hasSuffix(".eml") }
    }

    /// The bytes of one outbox message.
    public func readOutboxMessage(name: String) throws(StoreError) -> Data {
        try Self.checkMessageName(name)
        let url = outboxDirectory.appendingPathComponent(name)
        guard let data = try AtomicFile.read(url) else { throw .missingMessage(path: url.path) }
        return data
    }

    /// Removes a message, e.g. once it was sent; a message already gone is fine.
    public func removeOutboxMessage(name: String) throws(StoreError) {
        try requireWritable()
        try Self.checkMessageName(name)
        try AtomicFile.remove(outboxDirectory.appendingPathComponent(name))
    }

    /// A usable outbox file name for a call's follow-up: the call id with every character
    /// outside letters, digits, `-` and `_` replaced by `-`, plus `.eml`.
    public static func messageName(for call: CallID) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let stem = String(call.rawValue.prefix(190).map { allowed.contains($0) ? $0 : "-" })
        return (stem.isEmpty ? "message" : stem) + ".eml"
    }

    /// Names come from prospect names, which come from other people's CSV files: refuse
    /// anything that could leave the outbox or hide as a temporary file.
    static func checkMessageName(_ name: String) throws(StoreError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, name.count <= 200, !name.hasPrefix("."),
            name.allSatisfy({ allowed.contains($0) })
        else { throw .invalidMessageName(name) }
    }
}
