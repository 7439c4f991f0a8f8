import Foundation
import Testing

/// The seed of a test that draws random cases. Each such test prints the seed it ran
/// with; `CALLBOARD_TEST_SEED=<seed>` makes it run with that seed again.
///
/// Shared by every test target with random cases (the other copies are symlinks).
enum TestSeed {
    static let variable = "CALLBOARD_TEST_SEED"

    /// The seed from the environment, when one is set and reads as a whole number.
    static var override: UInt64? {
        ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The seed `test` runs with: the environment's, else `fallback` (a fixed seed keeps a
    /// test deterministic; a drawn one varies run to run). Printed, so a failure replays.
    static func pick(_ test: String, default fallback: @autoclosure () -> UInt64) -> UInt64 {
        let seed = override ?? fallback()
        announce(test, seed)
        return seed
    }

    /// The seeds of a test run once per seed: only the environment's when it is set.
    static func list(_ defaults: [UInt64]) -> [UInt64] {
        override.map { [$0] } ?? defaults
    }

    /// A seed drawn from the system's generator, for tests that should vary run to run.
    static var drawn: UInt64 { UInt64.random(in: 0...UInt64(UInt32.max)) }

    /// Prints the seed and how to replay it; a value that is not a number fails the test
    /// rather than silently running another seed.
    static func announce(_ test: String, _ seed: UInt64) {
        if let raw = ProcessInfo.processInfo.environment[variable], override == nil {
            Issue.record("\(variable)=\(raw) is not a whole number; give the seed a test printed.")
        }
        print("\(test) seed: \(seed) (replay with \(variable)=\(seed))")
    }
}
