import Foundation
import Testing

/// What the commands do when the world around them fails: a full disk, a damaged store,
/// an output that is not a plain file.
@Suite(.serialized) struct TrustCommandLineTests {
    let home: URL
    init() throws {
        home = try Fixture.temporaryFolder()
        try FileManager.default.createDirectory(at: home.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }

    var store: String { home.appendingPathComponent("store").path }

    private func importSample() throws {
        let csv = try Fixture.write("hubspot-contacts.csv", to: home)
        let imported = try Program.run(["import", "--store", store, csv], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test(arguments: [["today"], ["review"], ["export"], ["export", "--format", "csv"]])
    func aFullDiskOnStandardOutputIsOneSentenceAndExit74(command: [String]) throws {
        try importSample()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let result = try Program.run(command + ["--store", store], home: home, stdout: full)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr == "callboard: The output could not be written to standard output: No space left on device.\n")
    }
}

extension TrustCommandLineTests {
    @Test func aStoreWithCallsButNoProspectsFolderIsDamagedForReaders() throws {
        let generated = try Program.run(["generate", "--store", store, "--prospects", "20", "--calls", "30", "--seed", "1"], home: home)
        #expect(generated.status == 0, "\(generated.stderr)")
        try FileManager.default.removeItem(atPath: store + "/prospects")
        try? FileManager.default.removeItem(atPath: store + "/queue.json")
        for command in [["export"], ["today"], ["export", "--format", "csv"]] {
            let result = try Program.run(command + ["--store", store], home: home)
            #expect(result.status == 65, "\(command) \(result.stderr)")
            #expect(result.stderr.contains("The store is damaged at \(store)/prospects"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}

extension TrustCommandLineTests {
    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func exportOutputWritesIntoAPipeAndKeepsItAPipe() throws {
        try importSample()
        let fifo = home.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var chunk = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 {
                let count = read(fd, &chunk, chunk.count)
                if count <= 0 { break }
                received.data.append(contentsOf: chunk[0..<count])
            }
            close(fd)
            received.done.signal()
        }
        reader.start()
        let result = try Program.run(["export", "--format", "csv", "--store", store, "--output", fifo], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(received.done.wait(timeout: .now() + 10) == .success)
        #expect(String(decoding: received.data, as: UTF8.self).hasPrefix("id,name,"))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func exportOutputThroughALinkReplacesTheFileNotTheLink() throws {
        try importSample()
        let target = home.appendingPathComponent("real.csv").path
        let link = home.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink(target, link) == 0)
        let result = try Program.run(["export", "--format", "csv", "--store", store, "--output", link], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("id,name,"))
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    }

    @Test func exportOutputRefusesAFolderAndDashIsStandardOutput() throws {
        try importSample()
        let folder = try Program.run(["export", "--store", store, "--output", home.path], home: home)
        #expect(folder.status == 73)
        #expect(folder.stderr.contains("is a folder"), "\(folder.stderr)")
        let dash = try Program.run(["export", "--format", "csv", "--store", store, "--output", "-"], home: home)
        #expect(dash.status == 0)
        #expect(dash.stdout.hasPrefix("id,name,"))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
        let device = try Program.run(["export", "--store", store, "--output", "/dev/null"], home: home)
        #expect(device.status == 0, "\(device.stderr)")
        #expect(fileType("/dev/null") == S_IFCHR)
    }
}

/// What a reader thread got from a pipe.
final class Received: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

extension TrustCommandLineTests {
    @Test func aStoreOpenToOthersIsMadePrivateAndSaidOnce() throws {
        try importSample()
        #expect(chmod(store, 0o777) == 0)
        let first = try Program.run(["today", "--store", store], home: home)
        #expect(first.status == 0)
        #expect(first.stderr.contains("was open to other users; it is private now (folders 0700, files 0600)"), "\(first.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int == 0o700)
        let second = try Program.run(["today", "--store", store], home: home)
        #expect(second.stderr.isEmpty, "\(second.stderr)")
    }
}

extension TrustCommandLineTests {
    @Test func theImportSummaryNamesAnEncodingOtherThanUTF8() throws {
        let file = home.appendingPathComponent("latin.csv")
        try (Data("name,email\nJ".utf8) + Data([0xFC]) + Data("rgen,j@example.de\n".utf8)).write(to: file)
        let result = try Program.run(["import", "--store", store, file.path], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 1 row: 1 added, 0 updated, 0 skipped (read as Windows-1252).\n")
        let wrong = try Program.run(["import", "--store", store, "--encoding", "ebcdic", file.path], home: home)
        #expect(wrong.status == 64)
    }

    @Test func aPipeAsInputGetsAClearMessage() throws {
        let fifo = home.appendingPathComponent("in.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Program.run(["import", "--store", store, fifo], home: home)
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a pipe, not a file. Save the export to a file and import that."), "\(result.stderr)")
    }
}
