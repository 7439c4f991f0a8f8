import Foundation

/// Writes an export where the seller asked: a file only its owner can read (0600, as
/// exports hold names and phone numbers), or a pipe or terminal.
///
/// A regular file (or none yet) is replaced atomically: the data goes to a temporary file
/// beside it and is renamed over it, so a failed write never leaves half a file. A FIFO
/// or a character device (`/dev/stdout`, a named pipe) is written straight into: renaming
/// over it would replace the device with a file. Anything else is refused.
enum PrivateFile {
    static func write(_ data: Data, to url: URL) throws {
        var info = stat()
        if stat(url.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // Through a symlink, the file it points to is replaced, not the link.
                try writeAtomically(data, to: url.resolvingSymlinksInPath())
            case S_IFIFO, S_IFCHR:
                try writeStraight(data, to: url)
            case S_IFDIR:
                throw Failure.cannotCreate("\(url.path) is a folder; give a file name inside it.")
            default:
                throw Failure.cannotCreate(
                    "\(url.path) is neither a file, a pipe nor a terminal; callboard writes only to those.")
            }
        } else if errno == ENOENT {
            var linked = stat()
            if lstat(url.path, &linked) == 0 {
                throw Failure.cannotCreate("\(url.path) is a link to something that does not exist; remove it or name another file.")
            }
            try writeAtomically(data, to: url)
        } else {
            throw Failure.cannotCreate("\(url.path) cannot be written: \(String(cString: strerror(errno))).")
        }
    }

    private static func writeAtomically(_ data: Data, to url: URL) throws {
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

    private static func writeStraight(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw Failure.cannotCreate("\(url.path) cannot be opened: \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        if let problem = Output.writeAll(data, to: fd) {
            throw Failure.io("\(url.path) could not be written: \(problem).")
        }
    }
}
