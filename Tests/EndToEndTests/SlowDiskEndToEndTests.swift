import CallboardCore
import Foundation
import Testing

/// The real binary on a disk whose every fsync stalls (Tests/Tools/StallingDisk, loaded
/// with LD_PRELOAD; the program is not changed for it): a live call with its checkpoints,
/// saving the call and adding a prospect all work, and not one fsync is made by the loop's
/// thread, so no frame ever waits for the disk.
@Suite(.serialized) struct SlowDiskEndToEndTests {
    static let anna = Prospect(id: "p-anna", name: "Anna Berg", phone: "+49 30 1234567", createdAt: Date())
    static let bram = Prospect(id: "p-bram", name: "Bram Bakker", phone: "+31 20 555 0199", createdAt: Date())

    /// The stalling library, built with the system's C compiler into `folder`.
    static func stallingDisk(in folder: URL) throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tools/StallingDisk/stalling-disk.c")
        let library = folder.appendingPathComponent("libstallingdisk.so")
        let built = try Spawn.run("/usr/bin/env", ["cc", "-shared", "-fPIC", "-O2", "-o", library.path, source.path, "-ldl"])
        guard built.status == 0 else { throw Spawn.Failure(description: "the stalling disk did not compile: \(built.output)") }
        return library
    }

    @Test func noFsyncIsMadeOnTheLoopDuringACallItsSaveAndAnAdd() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna, Self.bram])
        let library = try Self.stallingDisk(in: fixture.root)
        let log = fixture.root.appendingPathComponent("fsync.log")
        let session = try fixture.start(extra: [
            "LD_PRELOAD": library.path, "CALLBOARD_STALL_FSYNC_MS": "200", "CALLBOARD_STALL_FSYNC_LOG": log.path,
        ])
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        // Every mark is a checkpoint, each held 200 ms by the disk.
        for key in ["p", "m", "p", "m"] { try session.send(key) }
        try session.waitFor(text: "I am talking")
        try session.waitFor(text: "Anna Berg · cold call · 0:02")
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        try session.waitFor(text: "How did the call end?")
        try session.send("1")
        try session.waitFor(text: "Enter saves this")
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Anna Berg")
        try session.send("a")
        try session.waitFor(text: "Enter on an empty line")
        try session.type("Cara Chen, Chen AG, +49 30 7654321")
        try session.send("Enter")
        try session.waitFor(text: "Added Cara Chen")
        try session.send("Enter")
        try session.send("q")
        try session.waitFor(text: "EXIT=0")

        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        // Checkpoints, the saved call and the new prospect all went to the disk...
        #expect(lines.count >= 8, "only \(lines.count) fsyncs were seen: is the library loaded?")
        // ...and none of them from the loop.
        #expect(!lines.contains("main"), "\(lines.filter { $0 == "main" }.count) of \(lines.count) fsyncs ran on the loop")
    }
}
