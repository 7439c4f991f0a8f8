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
