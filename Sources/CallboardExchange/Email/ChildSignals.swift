import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Spawn attributes for a child that starts with every signal unblocked and at its
/// default. A child inherits its parent's blocked signals and ignored ones; a program
/// started from a thread that blocks most of them (a test runner's, or ours while the
/// terminal is held) would never hear SIGCHLD, SIGINT or SIGTERM.
public enum ChildSignals {
    public static func withDefaultAttributes<T>(_ body: (inout posix_spawnattr_t) throws -> T) rethrows -> T {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }

    /// `spawn` (a `posix_spawn`), tried again for a moment while it answers ETXTBSY: a
    /// program file still open for writing somewhere (a script an editor is saving, or one
    /// whose descriptor a child started meanwhile inherited) cannot run until that closes.
    public static func retryingWhileBusy(_ spawn: () -> Int32) -> Int32 {
        var started = spawn()
        var tries = 1
        while started == ETXTBSY, tries < 25 {
            usleep(20_000)
            started = spawn()
            tries += 1
        }
        return started
    }
}
