import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Damaged files, files from the future, folders that cannot be written and a full disk:
/// a clear error naming the file, and nothing on disk overwritten.
@Suite("Store abuse", .timeLimit(.minutes(6)))
struct StoreAbuseTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 27)
    static let start = Date(timeIntervalSince1970: 1_795_776_000)

    /// A small store with every kind of file.
    static func sample(in directory: URL) throws {
        let store = try Store(directory: directory, zone: .gmt)
        try store.save(prospects: Scratch.prospects(4))
        var segments: [TalkSegment] = []
        for index in 0..<6 {
            let speaker: Speaker = index % 2 == 0 ? .me : .prospect
            segments.append(TalkSegment(speaker: speaker, start: Double(index * 10), end: Double(index * 10 + 10)))
        }
        for index in 0..<2 {
            let call = Call(
                id: CallID("c\(index)"), prospectID: ProspectID("p\(index)"), startedAt: start.addingTimeInterval(Double(index) * 600),
                segments: segments, duration: 60, outcome: .callback, referralAsk: .asked,
                notes: [CallNote(text: "Wants a pilot in März — 山田", at: 12)])
            _ = try store.save(call: call, targets: .standard)
        }
        try store.writeCheckpoint(
            LiveCallCheckpoint(call: Call(id: CallID("live"), prospectID: ProspectID("p2"), startedAt: start, segments: segments), elapsed: 60, savedAt: start))
    }

    /// Reads every file of the store; returns the error's text when one is refused.
    static func readAll(_ directory: URL) -> String? {
        do {
            let store = try Store(directory: directory, zone: .gmt, access: .readOnly)
            _ = try store.prospects()
            _ = try store.checkpoint()
            _ = try store.calls(on: day)
            _ = try store.summaries(from: day.adding(days: -3), to: day)
            return nil
        } catch {
            return error.description
        }
    }

    /// Every JSON file the store wrote, whatever its layout.
    static func files(of directory: URL) -> [URL] {
        let root = directory.standardizedFileURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "json" { found.append(url.standardizedFileURL) }
        }
        return found.sorted { $0.path < $1.path }
    }

    @Test func truncatedAtEveryByte() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try Self.sample(in: scratch.store)
        for file in Self.files(of: scratch.store) {
            let whole = try Data(contentsOf: file)
            #expect(whole.count > 100)
            var refused = 0
            for length in 0..<whole.count {
                let cut = whole.prefix(length)
                try cut.write(to: file)
                if let message = Self.readAll(scratch.store) {
                    refused += 1
                    #expect(message.contains(file.lastPathComponent), "\(message)")
                }
                #expect(try Data(contentsOf: file) == cut, "reading changed \(file.lastPathComponent)")
                // A writer meeting the broken file refuses to save over it.
                if length % 61 == 0, length > 0 {
                    try Self.expectWritesRefused(in: scratch.store, leave: file, as: cut)
                }
            }
            // Files the readers above open refuse nearly every cut.
            if Self.isRead(file) {
                #expect(refused >= whole.count - 2, "\(file.path): only \(refused) of \(whole.count) cuts refused")
            }
            try whole.write(to: file)
        }
        #expect(Self.readAll(scratch.store) == nil)
    }

    /// Whether `readAll` opens the file: prospects, the day, the checkpoint.
    static func isRead(_ file: URL) -> Bool {
        file.path.contains("/prospects") || file.path.contains("/calls/") || file.lastPathComponent == "live-call.json"
    }

    /// Saving anything that touches a broken file fails with an error and leaves it alone.
    static func expectWritesRefused(in directory: URL, leave file: URL, as bytes: Data) throws {
        let store = try Store(directory: directory, zone: .gmt)
        switch file.lastPathComponent {
        case "58.json":
            #expect(throws: StoreError.self) { try store.upsert(prospect: Scratch.prospects(4)[1]) }
        case "2026-11.json", "2026-11-27.json":
            #expect(throws: StoreError.self) {
                _ = try store.save(call: Call(id: CallID("c9"), prospectID: ProspectID("p1"), startedAt: start, duration: 5), targets: .standard)
            }
        default:
            _ = try? store.checkpoint()
        }
        #expect(try Data(contentsOf: file) == bytes, "\(file.lastPathComponent) was overwritten")
    }

    @Test func randomBitFlips() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try Self.sample(in: scratch.store)
        var random = SeededRandom(seed: TestSeed.pick("StoreAbuseTests.randomBitFlips", default: TestSeed.drawn))
        for file in Self.files(of: scratch.store) {
            let whole = try Data(contentsOf: file)
            for _ in 0..<600 {
                var flipped = whole
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let index = Int.random(in: 0..<flipped.count, using: &random)
                    flipped[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                }
                try flipped.write(to: file)
                if let message = Self.readAll(scratch.store) {
                    #expect(message.contains(file.lastPathComponent), "\(message)")
                }
                #expect(try Data(contentsOf: file) == flipped)
            }
            try whole.write(to: file)
        }
    }

    @Test func futureSchemaVersionIsRefusedAndKept() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        try Self.sample(in: scratch.store)
        for file in Self.files(of: scratch.store) {
            let whole = try String(contentsOf: file, encoding: .utf8)
            let future = whole.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99")
                .replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":99")
            try Data(future.utf8).write(to: file)
            guard future != whole else { continue }
            let message = Self.readAll(scratch.store)
            if Self.isRead(file) { #expect(message?.contains("newer") == true, "\(file.path): \(message ?? "read fine")") }
            try Self.expectWritesRefused(in: scratch.store, leave: file, as: Data(future.utf8))
            try Data(whole.utf8).write(to: file)
        }
    }

    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard shell("mount -t tmpfs -o size=64k tmpfs \(probe.path)") == 0 else { return false }
        _ = shell("umount \(probe.path)")
        return true
    }()

    @discardableResult
    static func shell(_ line: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line + " 2>/dev/null"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A data folder that cannot be written (a read-only mount: root ignores file modes).
    @Test(.enabled(if: canMount, "needs root and tmpfs mounts"))
    func readOnlyDataDirectory() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let mount = scratch.root.appendingPathComponent("ro", isDirectory: true)
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=1m tmpfs \(mount.path)") == 0)
        defer { Self.shell("umount \(mount.path)") }
        let data = mount.appendingPathComponent("store", isDirectory: true)
        try Self.sample(in: data)
        #expect(Self.shell("mount -o remount,ro \(mount.path)") == 0)
        let result = try runCallboard(["add", "Someone", "--phone", "+1 555 0199", "--store", data.path], environment: scratch.environment())
        #expect(result.status != 0 && result.status < 128, "status \(result.status)")
        #expect(result.output.contains(data.path) || result.output.lowercased().contains("read-only"), "\(result.output)")
        #expect(Self.readAll(data) == nil, "reading a read-only store failed")
    }

    /// A disk that fills up mid-save: the error says so, and the old file is whole.
    @Test(.enabled(if: canMount, "needs root and tmpfs mounts"))
    func fullDisk() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let mount = scratch.root.appendingPathComponent("small", isDirectory: true)
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=2m tmpfs \(mount.path)") == 0)
        defer { Self.shell("umount \(mount.path)") }
        let data = mount.appendingPathComponent("store", isDirectory: true)
        try Self.sample(in: data)
        let before = try Self.files(of: data).map { try Data(contentsOf: $0) }
        // Fill what is left, so the next save cannot be written whole.
        Self.shell("dd if=/dev/zero of=\(mount.path)/filler bs=4k count=100000")
        let many = (0..<2_000).map { Prospect(id: ProspectID("big\($0)"), name: "Person \($0)", phone: "+1 555 \($0)", createdAt: Self.start) }
        do {
            let store = try Store(directory: data, zone: .gmt)
            try store.save(prospects: many)
            Issue.record("saving onto a full disk reported success")
        } catch {
            #expect(error.description.contains("prospects") || error.description.contains(data.path), "\(error.description)")
        }
        let after = try Self.files(of: data).map { try Data(contentsOf: $0) }
        #expect(after == before, "a file of the store was changed by the failed save")
        #expect(Self.readAll(data) == nil)
        // With room again, the same save works.
        try FileManager.default.removeItem(atPath: "\(mount.path)/filler")
        let store = try Store(directory: data, zone: .gmt)
        try store.save(prospects: many)
        #expect(try store.prospects().count == 2_000)
    }
}
