import ArgumentParser
import CallboardCore
import Foundation

/// `callboard demo`: the dashboard on a fresh sample store in a temporary folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the dashboard on a sample store in a temporary folder; your own data is never touched.",
        discussion: """
            The demo always builds its store in a new folder under $TMPDIR (else /tmp) and \
            removes it when the dashboard closes, unless you pass --keep. Your own store \
            ($CALLBOARD_HOME or the default) is never opened.
            """)

    /// Only to refuse `--store`, which `callboard` itself would otherwise take and ignore.
    @OptionGroup(visibility: .hidden) var store: StoreOptions

    @Flag(help: "Keep the sample store after the dashboard closes, and say where it is.")
    var keep = false

    /// Builds the store and prints its folder without opening the dashboard (for tests).
    @Flag(help: .hidden)
    var prepareOnly = false

    /// The same `--theme` as the dashboard's, before or after `demo`.
    @OptionGroup var theme: ThemeOption

    func validate() throws {
        if store.store != nil {
            throw ValidationError("The demo always uses a new temporary folder; leave out --store.")
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: nil)
            let folder = try Self.makeTemporaryFolder(in: context.environment.temporaryDirectory)
            // More names than three days of calls reach, so some are still new and the queue is full.
            _ = try GenerateCommand.fill(context: context, directory: folder, prospects: 80, calls: 120, seed: 7)
            if prepareOnly {
                try Output.write(folder.path + "\n")
                return
            }
            defer {
                if keep {
                    Output.note("The sample store is in \(folder.path).")
                } else {
                    try? FileManager.default.removeItem(at: folder)
                }
            }
            try openDashboard(context.launch(storeDirectory: folder, theme: theme.theme))
        }
    }

    /// A new private folder, e.g. /tmp/callboard-demo-Ab12Cd.
    static func makeTemporaryFolder(in base: String) throws -> URL {
        var template = Array((base + "/callboard-demo-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let pointer = buffer.baseAddress else { return false }
            return mkdtemp(pointer) != nil
        }
        guard made else {
            throw Failure.cannotCreate("A temporary folder could not be made in \(base): \(String(cString: strerror(errno))).")
        }
        let path = template.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? base }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
