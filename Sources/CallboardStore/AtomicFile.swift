import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the store needs, done so that a crash at any instant
/// leaves either the old file or the new one, never a mix, and nothing readable by others.
enum AtomicFile {
    /// Files hold people's names and phone numbers: owner only.
    static let fileMode: mode_t = 0o600
    static let directoryMode: mode_t = 0o700

    /// The whole file, or nil when it does not exist.
    static func read(_ url: URL) throws(StoreError) -> Data? {
        guard let (fd, data) = try readKeepingOpen(url) else { return nil }
        close(fd)
        return data
    }

    /// The whole file and its descriptor, still open for `readPart`: what was read stays
    /// readable there even when the file is replaced meanwhile. Nil when there is no file.
    static func readKeepingOpen(_ url: URL) throws(StoreError) -> (descriptor: Int32, data: Data)? {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            // ENOTDIR: a file stands where a folder on the path should be, so no such file.
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .io(path: path, operation: "Opening", reason: reason())
        }
        do throws(StoreError) {
            return (fd, try readAll(fd, path: path))
        } catch {
            close(fd)
            throw error
        }
    }

    /// `range` of the open file `fd` (from `readKeepingOpen`).
    static func readPart(_ fd: Int32, _ range: Range<Int>, path: String) throws(StoreError) -> Data {
        var data = Data(count: range.count)
        var done = 0
        while done < range.count {
            let count = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + done }, range.count - done, off_t(range.lowerBound + done)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "Reading", reason: reason())
            }
            if count == 0 { throw .io(path: path, operation: "Reading", reason: "the file is shorter than it was") }
            done += count
        }
        return data
    }

    private static func readAll(_ fd: Int32, path: String) throws(StoreError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "Reading", reason: reason())
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// When the file was last written; nil when it does not exist (or cannot be read).
    static func modified(_ url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
    }

    /// When the file was last written, in nanoseconds since 1970, and its size in bytes;
    /// nil when it does not exist (or cannot be read).
    static func stamp(_ url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), size: Int(info.st_size))
    }

    /// Replaces `url` with `data`: a temporary file in the same folder is written, synced
    /// to disk, renamed over the target, and the folder is synced so the rename survives
    /// a power cut.
    ///
    /// Without `durable` the file is neither synced nor its rename: for the derived files
    /// (the working set, `contacts.json`), which are rebuilt when a crash leaves them
    /// missing or broken, so the many of an import do not each wait for the disk.
    static func write(_ data: Data, to url: URL, durable: Bool = true) throws(StoreError) {
        try replace(url, durable: durable) { (fd: Int32) throws(StoreError) in
            try writeAll(data, to: fd, path: url.path)
        }
    }

    /// The steps of every replacement: `fill` writes the temporary file's bytes.
    private static func replace(_ url: URL, durable: Bool, fill: (Int32) throws(StoreError) -> Void) throws(StoreError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent)).path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw .cannotCreate(path: url.path, reason: reason()) }
        var finished = false
        defer { if !finished { unlink(temporary) } }
        do throws(StoreError) {
            // The mode given to open() is masked by umask; set it outright.
            guard fchmod(fd, fileMode) == 0 else {
                throw .io(path: url.path, operation: "Protecting", reason: reason())
            }
            try fill(fd)
            guard !durable || fsync(fd) == 0 else {
                throw .io(path: url.path, operation: "Syncing", reason: reason())
            }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw .io(path: url.path, operation: "Closing", reason: reason()) }
        guard rename(temporary, url.path) == 0 else {
            throw .io(path: url.path, operation: "Replacing", reason: reason())
        }
        finished = true
        if durable { try syncDirectory(folder) }
    }

    /// Where ``write(to:_:)`` sends a file's bytes: gathered into 256 KB writes.
    struct Sink {
        fileprivate let fd: Int32
        fileprivate let path: String
        fileprivate var buffer: [UInt8] = []
        static let chunk = 256 * 1024

        mutating func write(_ bytes: some Sequence<UInt8>) throws(StoreError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.chunk { try flush() }
        }

        fileprivate mutating func flush() throws(StoreError) {
            guard !buffer.isEmpty else { return }
            try AtomicFile.writeAll(buffer, to: fd, path: path)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Replaces `url` with what `produce` writes, as ``write(_:to:)`` does with one buffer:
    /// for a file too large to hold whole in memory first.
    static func write(to url: URL, durable: Bool = true, _ produce: (inout Sink) throws(StoreError) -> Void) throws(StoreError) {
        try replace(url, durable: durable) { (fd: Int32) throws(StoreError) in
            var sink = Sink(fd: fd, path: url.path)
            sink.buffer.reserveCapacity(Sink.chunk + 64 * 1024)
            try produce(&sink)
            try sink.flush()
        }
    }

    /// Removes `url` durably; a file that is already gone is fine.
    static func remove(_ url: URL) throws(StoreError) {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw .io(path: url.path, operation: "Removing", reason: reason())
        }
        try syncDirectory(url.deletingLastPathComponent())
    }

    /// Renames `source` to `target` (same folder) durably.
    static func move(_ source: URL, to target: URL) throws(StoreError) {
        guard rename(source.path, target.path) == 0 else {
            throw .io(path: target.path, operation: "Replacing", reason: reason())
        }
        try syncDirectory(target.deletingLastPathComponent())
    }

    /// Removes a folder and everything in it; a folder already gone is fine.
    static func removeTree(_ url: URL) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw .io(path: url.path, operation: "Removing", reason: error.localizedDescription)
        }
    }

    /// Creates a private (0700) directory, and any missing parents with the usual mode.
    /// An existing directory is left as the owner set it.
    static func makeDirectory(_ url: URL) throws(StoreError) {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotCreate(path: path, reason: "a file of that name is in the way")
            }
            return
        }
        let parent = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: parent.path) {
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: parent.path, reason: error.localizedDescription)
            }
        }
        guard mkdir(path, directoryMode) == 0 || errno == EEXIST else {
            throw .cannotCreate(path: path, reason: reason())
        }
        guard chmod(path, directoryMode) == 0 else {
            throw .cannotCreate(path: path, reason: reason())
        }
        try syncDirectory(parent)
    }

    /// Deletes temporary files a killed writer left behind. Call only with the lock held,
    /// or a live writer's half-written file could vanish under it.
    /// Reads the folder with readdir and makes a String only of hidden names: a year of
    /// calls is hundreds of files, and this runs on every start.
    static func removeLeftovers(in folder: URL) {
        guard let stream = opendir(folder.path) else { return }
        var leftovers: [String] = []
        while let entry = readdir(stream) {
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                guard bytes.first == UInt8(ascii: ".") else { return nil }
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes.prefix(length), as: UTF8.self)
            }
            if let name, isTemporary(name) { leftovers.append(name) }
        }
        closedir(stream)
        for name in leftovers { unlink(folder.appendingPathComponent(name).path) }
    }

    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    private static func temporaryName(for name: String) -> String {
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(name).\(suffix).tmp"
    }

    fileprivate static func writeAll(_ bytes: some ContiguousBytes, to fd: Int32, path: String) throws(StoreError) {
        let failure: StoreError? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .io(path: path, operation: "Writing", reason: reason())
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    private static func syncDirectory(_ folder: URL) throws(StoreError) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: folder.path, operation: "Opening", reason: reason()) }
        defer { close(fd) }
        // Some file systems cannot sync a directory and say so with EINVAL; the rename is
        // then as durable as that file system makes it.
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw .io(path: folder.path, operation: "Syncing", reason: reason())
        }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}

/// `read(2)`, reachable from inside `AtomicFile` where `read` names the whole-file read.
private func posixRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, bytes, count)
}

/// `write(2)`, reachable from inside `AtomicFile` where `write` names the atomic write.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// A file's modification time (nanoseconds since 1970) and size: a copy made from the file
/// is trusted only while both are what they were when it was made. Neither alone will do:
/// a file put back with its old time (`cp -p`, rsync) or a clock set back leaves an older
/// time, and a file can change and keep its size.
struct FileStamp: Codable, Hashable, Sendable {
    var modified: Int
    var size: Int
}
