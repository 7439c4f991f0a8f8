import CallboardCore
import CallboardStore
import Foundation

/// A private folder for one test, the built binaries, and the environment the real
/// program runs with.
final class Scratch {
    let root: URL
    var store: URL { root.appendingPathComponent("store", isDirectory: true) }
    var home: URL { root.appendingPathComponent("home", isDirectory: true) }

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-hardening-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Fills the store through its own API; the lock is let go before the binary starts.
    func seed(_ prospects: [Prospect]) throws {
        let store = try Store(directory: store, zone: .current)
        try store.save(prospects: prospects)
    }

    func environment(term: String = "xterm-256color", locale: String = "C.UTF-8") -> [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "LC_ALL": locale, "TERM": term, "NCURSES_NO_UTF8_ACS": "1", "SWIFT_BACKTRACE": "enable=no",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    /// The dashboard on this store in a pty.
    func dashboard(width: Int = 100, height: Int = 30, environment: [String: String]? = nil) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try Binaries.callboard(), arguments: ["--store", store.path],
            environment: environment ?? self.environment(), width: width, height: height)
    }

    static func prospects(_ count: Int) -> [Prospect] {
        (0..<count).map {
            Prospect(id: ProspectID("p\($0)"), name: "Person \($0)", company: "Company \($0)", phone: "+1 555 01\($0)",
                     createdAt: Date(timeIntervalSince1970: 1_790_000_000))
        }
    }
}

/// The executables SwiftPM builds beside the test bundle (dependencies of this target).
enum Binaries {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func callboard() throws -> URL { try find("callboard") }
    static func storeTorture() throws -> URL { try find("store-torture") }

    private static func find(_ name: String) throws -> URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folders = [me.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(description: "\(name) was not built beside the tests (looked in \(folders.map(\.path)))")
    }
}

/// The terminal sequences that would let text from a CSV act on the user's terminal.
enum Sequences {
    static let osc: [UInt8] = [0x1b, 0x5d]  // ESC ]
    static let dcs: [UInt8] = [0x1b, 0x50]  // ESC P
    static let apc: [UInt8] = [0x1b, 0x5f]  // ESC _
    /// ncurses leaves the alternate screen with this when it gives the terminal back.
    static let leaveAlternateScreen = Array("\u{1b}[?1049l".utf8)
}

/// The suites run one test at a time: they start many processes and mount file systems,
/// and running them side by side made store files vanish between a write and the read.
final class OneAtATime: @unchecked Sendable {
    private static let lock = NSLock()

    static func take() -> OneAtATime {
        lock.lock()
        return OneAtATime()
    }

    func release() { Self.lock.unlock() }
}
