import Foundation

/// The tmux the end-to-end and hardening tests drive the real binary in. Without it
/// those tests fail with one message that says what to do, rather than passing unseen.
///
/// Shared by the end-to-end and hardening tests (the hardening copy is a symlink).
enum TmuxInstalled {
    static let missing = """
        tmux is not installed: these end-to-end tests drive the real binary in tmux; \
        install it (apt-get install tmux) or run scripts/fast-tests.sh
        """

    /// The tmux executable on PATH.
    static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Spawn.Failure(description: missing)
    }
}
