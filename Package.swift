// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "callboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "callboard", targets: ["callboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The only C: ncursesw with the wide-character API switched on.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The plain-Swift model. Foundation only: no clock, no files, no printing.
        .target(name: "CallboardCore"),
        // JSON files on disk: layout, schema versions, atomic writes, lock, checkpoint.
        .target(name: "CallboardStore", dependencies: ["CallboardCore"]),
        // The app as values: state, events, update, effects, views into a cell buffer.
        .target(name: "CallboardUI", dependencies: ["CallboardCore"]),
        // The one ncurses backend: cell buffer to terminal, keys from terminal.
        .target(name: "CallboardTerminal", dependencies: ["CNcurses", "CallboardUI"]),
        // The thin executable: commands, wiring, effects.
        .executableTarget(
            name: "callboard",
            dependencies: [
                "CallboardCore", "CallboardStore", "CallboardUI", "CallboardTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .testTarget(name: "CallboardCoreTests", dependencies: ["CallboardCore"]),
        .testTarget(name: "CallboardStoreTests", dependencies: ["CallboardStore"]),
        .testTarget(name: "CallboardUITests", dependencies: ["CallboardUI"]),
        .testTarget(name: "CallboardTerminalTests", dependencies: ["CallboardTerminal"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CallboardCore", "CallboardStore"]),
    ],
    swiftLanguageModes: [.v6]
)
