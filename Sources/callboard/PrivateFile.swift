import Foundation

/// Writes a file only its owner can read (0600): exports hold names and phone numbers.
/// The data goes to a temporary file beside the target and is renamed over it, so a
/// failed write never leaves half a file.
enum PrivateFile {
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder \(folder.path) does not exist.")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        guard created else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder is not writable.")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.io("\(url.path) cannot be written: \(reason).")
        }
    }
}
