import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one-writer lock: an exclusive `flock` on `.lock` in the data directory, held for
/// as long as this object lives. The holder's pid is written into the file so a second
/// writer can say who is in the way. The kernel drops the lock when the process dies,
/// so a crash never leaves the store locked.
final class StoreLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    static func acquire(file: URL, directory: URL) throws(StoreError) -> StoreLock {
        let path = file.path
        // O_CLOEXEC: a child such as $EDITOR must not inherit, and so keep, the lock.
        // O_NOFOLLOW: the pid is written into this file, so never through a planted link.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, AtomicFile.fileMode)
        guard fd >= 0 else { throw .cannotCreate(path: path, reason: AtomicFile.reason()) }
        _ = fchmod(fd, AtomicFile.fileMode)
        var locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        // A child being spawned by another thread holds a copy of a just-closed lock's
        // descriptor until it execs; give such a moment ~200 ms to pass before calling
        // the store busy.
        var tries = 0
        while !locked && (errno == EINTR || (errno == EWOULDBLOCK && tries < 10)) {
            if errno == EWOULDBLOCK {
                tries += 1
                usleep(20_000)
            }
            locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        }
        guard locked else {
            let busy = errno == EWOULDBLOCK
            let why = AtomicFile.reason()
            let holder = busy ? holderPID(fd) : nil
            close(fd)
            if busy { throw .locked(directory: directory.path, holder: holder) }
            throw .io(path: path, operation: "Locking", reason: why)
        }
        let pid = Array("\(getpid())\n".utf8)
        let wrote = ftruncate(fd, 0) == 0
            && pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == pid.count
        guard wrote else {
            let why = AtomicFile.reason()
            close(fd)
            throw .io(path: path, operation: "Writing the pid into", reason: why)
        }
        return StoreLock(descriptor: fd)
    }

    /// The lock when nobody holds it, at once, without waiting or saying why not: for a
    /// reader that writes a derived file only when no writer is about.
    static func tryAcquire(file: URL) -> StoreLock? {
        let fd = open(file.path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return StoreLock(descriptor: fd)
    }

    /// The pid the current holder wrote; nil if it has not written it yet.
    private static func holderPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit { close(descriptor) }
}
