import CallboardExchange
import Foundation

/// Writes a file only its owner can read (0600): exports hold names and phone numbers.
/// The data goes to a temporary file beside the target and is renamed over it, so a
/// failed write never leaves half a file.
enum PrivateFile {
    static func write(_ data: Data, to url: URL) throws {
        try stream(to: url) { sink in try sink.write(data) }
    }

    /// The same for a document written a piece at a time: `body` writes into the
    /// temporary file, which takes the target's place only once `body` finished.
    static func stream(to url: URL, _ body: (any ExportSink) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder \(folder.path) does not exist.")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard created, let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder is not writable.")
        }
        do {
            let sink = FileHandleSink(handle)
            try body(sink)
            try sink.flush()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.io("\(url.path) cannot be written: \(reason).")
        }
    }
}
