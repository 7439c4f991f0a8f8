// swift-tools-version: 6.0
// libFuzzer targets, a package of their own so the main build never pays for them.
// Build and run with scripts/fuzz.sh (swift build -c release --sanitize=fuzzer).
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where it was cloned.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "callboard-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // Store decoding: prospects, a day of calls, summaries and the live-call checkpoint.
        .executableTarget(
            name: "fuzz-store",
            dependencies: [
                .product(name: "CallboardCore", package: main), .product(name: "CallboardStore", package: main),
            ]),
        // CSV import of CRM exports, from the raw bytes to checked prospects.
        .executableTarget(
            name: "fuzz-import",
            dependencies: [
                .product(name: "CallboardCore", package: main), .product(name: "CallboardExchange", package: main),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
