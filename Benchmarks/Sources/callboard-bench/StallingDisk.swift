import Foundation

/// A disk whose every `fsync` and `fdatasync` stalls: a small library
/// (`Tests/Tools/StallingDisk/stalling-disk.c`), built with the system's C compiler and
/// loaded into the real binary with `LD_PRELOAD`, that sleeps for `CALLBOARD_STALL_FSYNC_MS`
/// milliseconds before each call goes through. The program is not changed for it. Each
/// call is logged to `CALLBOARD_STALL_FSYNC_LOG` as one line: "main" when the program's
/// first thread (the loop) made it, "lane" otherwise.
struct StallingDisk {
    static let delayVariable = "CALLBOARD_STALL_FSYNC_MS"
    static let logVariable = "CALLBOARD_STALL_FSYNC_LOG"

    let library: URL

    /// The library's source, in the main package beside the end-to-end tests that load it too.
    static let source = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Tools/StallingDisk/stalling-disk.c")

    /// Builds the library under `folder`.
    static func build(in folder: URL) throws -> StallingDisk {
        let library = folder.appendingPathComponent("libstallingdisk.so")
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-O2", "-o", library.path, source.path, "-ldl"]
        try compiler.run()
        compiler.waitUntilExit()
        guard compiler.terminationStatus == 0 else {
            throw PseudoTerminal.Failure(
                description: "\(source.path) did not compile (cc exited with \(compiler.terminationStatus))")
        }
        return StallingDisk(library: library)
    }

    /// `environment` with the library loaded, each fsync stalling `milliseconds`, logged to `log`.
    func environment(_ environment: [String: String], milliseconds: Int, log: URL) -> [String: String] {
        var changed = environment
        changed["LD_PRELOAD"] = library.path
        changed[Self.delayVariable] = "\(milliseconds)"
        changed[Self.logVariable] = log.path
        return changed
    }

    /// The fsyncs logged: on the loop's thread and on others.
    static func count(_ log: URL) -> (onLoop: Int, elsewhere: Int) {
        let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
        let onLoop = lines.filter { $0 == "main" }.count
        return (onLoop, lines.count - onLoop)
    }
}
