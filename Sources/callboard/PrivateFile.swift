import CallboardExchange
import Foundation

/// Writes an export where the seller asked: a file only its owner can read (0600, as
/// exports hold names and phone numbers), or a pipe or terminal.
///
/// A regular file (or none yet) is replaced atomically: the document is written a piece at
/// a time into a temporary file beside it, which is renamed over it only once complete, so
/// a failed write never leaves half a file. A FIFO or a character device (`/dev/stdout`,
/// a named pipe) is written straight into: renaming over it would replace the device with
/// a file. Anything else is refused.
enum PrivateFile {
    static func write(_ data: Data, to url: URL) throws {
        try stream(to: url) { sink in try sink.write(data) }
    }

    /// `body` writes the document into the sink as it is made.
    static func stream(to url: URL, _ body: (any ExportSink) throws -> Void) throws {
        var info = stat()
        if stat(url.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // Through a symlink, the file it points to is replaced, not the link.
                try streamAtomically(to: url.resolvingSymlinksInPath(), body)
            case S_IFIFO, S_IFCHR:
                try streamStraight(to: url, body)
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
            try streamAtomically(to: url, body)
        } else {
            throw Failure.cannotCreate("\(url.path) cannot be written: \(String(cString: strerror(errno))).")
        }
    }

    private static func streamAtomically(to url: URL, _ body: (any ExportSink) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder \(folder.path) does not exist.")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw Failure.cannotCreate("\(url.path) cannot be written: the folder is not writable.")
        }
        do {
            let sink = DescriptorSink(fd, naming: url.path)
            try body(sink)
            try sink.flush()
            close(fd)
        } catch {
            close(fd)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.io("\(url.path) cannot be written: \(reason).")
        }
    }

    private static func streamStraight(to url: URL, _ body: (any ExportSink) throws -> Void) throws {
        let fd = open(url.path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw Failure.cannotCreate("\(url.path) cannot be opened: \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        let sink = DescriptorSink(fd, naming: url.path)
        try body(sink)
        try sink.flush()
    }
}

/// An export's bytes to a file descriptor, in chunks, with a failed write said in one
/// sentence that names where: a full disk or a closed pipe is never a trap.
final class DescriptorSink: ExportSink {
    private let descriptor: Int32
    private let place: String
    private var pending = Data()
    private static let chunk = 256 * 1024

    init(_ descriptor: Int32, naming place: String) {
        self.descriptor = descriptor
        self.place = place
    }

    /// Standard output.
    static func standardOutput() -> DescriptorSink { DescriptorSink(1, naming: "standard output") }

    func write(_ bytes: Data) throws {
        pending.append(bytes)
        if pending.count >= Self.chunk { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if let problem = Output.writeAll(pending, to: descriptor) {
            throw Failure.io("The output could not be written to \(place): \(problem).")
        }
    }
}
