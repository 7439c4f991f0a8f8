// swift-tools-version: 6.0
// The benchmark harness: a package of its own so the main build and `swift test` never
// pay for it. Run from the repository root:
//     swift build -c release --static-swift-stdlib --package-path Benchmarks
//     Benchmarks/.build/release/callboard-bench
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where it was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let main = root.lastPathComponent

let package = Package(
    name: "callboard-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "callboard-bench",
            dependencies: [
                .product(name: "CallboardCore", package: main),
                .product(name: "CallboardStore", package: main),
                .product(name: "CallboardUI", package: main),
                .product(name: "CallboardTerminal", package: main),
                .product(name: "CallboardExchange", package: main),
                .product(name: "CallboardAudio", package: main),
                // Built beside the harness so it can start the real binary in a pty.
                .product(name: "callboard", package: main),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
