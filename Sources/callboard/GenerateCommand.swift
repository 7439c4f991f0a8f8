import ArgumentParser
import CallboardCore
import CallboardExchange
import Foundation

/// `callboard generate`: a seeded workload for benchmarks and trying things out.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Build a sample store of prospects and past calls, e.g. a workload for benchmarks.",
        discussion: """
            Fills an empty folder given with --store (never your own store by default) with a \
            seeded history: the same seed gives the same prospects and calls. Example: \
            callboard generate --store /tmp/big --prospects 10000 --calls 35000 --seed 1
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Prospects to create (referrals add a few more).")
    var prospects = 200

    @Option(help: "Calls to create, about 48 per past business day.")
    var calls = 500

    @Option(help: "The seed; the same seed gives the same workload.")
    var seed: UInt64 = 1

    func validate() throws {
        guard store.store != nil else { throw ValidationError("Pass --store DIR: generate never writes to your own store by default.") }
        guard (1...1_000_000).contains(prospects) else { throw ValidationError("--prospects must be from 1 to 1000000.") }
        guard (0...5_000_000).contains(calls) else { throw ValidationError("--calls must be from 0 to 5000000.") }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let summary = try Self.fill(context: context, directory: context.storeDirectory,
                                        prospects: prospects, calls: calls, seed: seed)
            try Output.write(summary + "\n")
        }
    }

    /// Writes a workload into an empty store at `directory`; refuses a store with prospects.
    static func fill(context: CommandContext, directory: URL, prospects: Int, calls: Int, seed: UInt64) throws -> String {
        var target = context
        target.storeDirectory = directory
        let store = try target.openStore(.readWrite)
        guard try store.prospects().isEmpty else {
            throw Failure.cannotCreate("\(directory.path) already holds prospects; generate only fills an empty store.")
        }
        let workload = SampleWorkload(
            seed: seed, prospectCount: prospects, callCount: calls, today: context.today, zone: context.zone,
            settings: context.settings)
        try store.save(calls: workload.calls, targets: context.settings.targets, types: context.settings.callTypes)
        try store.save(prospects: workload.prospects)
        // The working set now, so the first open is as quick as every other.
        _ = try store.queueIndex(today: context.today)
        return "\(directory.path): \(workload.prospects.count) prospects, \(workload.calls.count) calls."
    }
}
