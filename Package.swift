// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "callboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "callboard", targets: ["callboard"]),
        // For the separate Benchmarks/ and Fuzz/ packages, which depend on this one by path.
        .library(name: "CallboardCore", targets: ["CallboardCore"]),
        .library(name: "CallboardStore", targets: ["CallboardStore"]),
        .library(name: "CallboardUI", targets: ["CallboardUI"]),
        .library(name: "CallboardExchange", targets: ["CallboardExchange"]),
        .library(name: "CallboardTerminal", targets: ["CallboardTerminal"]),
        .library(name: "CallboardUseCases", targets: ["CallboardUseCases"]),
        .library(name: "CallboardRuntime", targets: ["CallboardRuntime"]),
        .library(name: "CallboardAudio", targets: ["CallboardAudio"]),
    ],
    // CSV has no library here: SwiftCSV parses a whole file into memory before its first
    // row (a 100,000-row import held 500 MB), and CSV.swift streams but takes a stray quote
    // into the field without a word, dropping the character after it, and reads an unclosed
    // quote to the end of the file. An import must stream and name the line at fault, so
    // CallboardExchange reads CSV itself (Import/CSVRecords.swift, tested in CSVRecordsTests).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        // Files that cross the border: CSV import, JSON/CSV/iCalendar export, reports, email.
        .target(
            name: "CallboardExchange",
            dependencies: ["CallboardCore"]
        ),
        // The workflows, once: add, import, file a call, queue, review. Core + Store, no UI.
        .target(name: "CallboardUseCases", dependencies: ["CallboardCore", "CallboardStore", "CallboardExchange"]),
        // Who is talking, from headset audio: frames in, speaker changes out. No I/O.
        .target(name: "CallboardAudio", dependencies: ["CallboardCore"]),
        // Where audio comes from: WAV files, and PulseAudio loaded at run time.
        .target(name: "CallboardAudioSources", dependencies: ["CallboardAudio", "CallboardCore"]),
        // The one ncurses backend: cell buffer to terminal, keys from terminal.
        .target(name: "CallboardTerminal", dependencies: ["CNcurses", "CallboardUI"]),
        // The event loop as a library: one queue fed by keys, ticks, signals, effect results
        // and any other source; slow effects run on lanes beside it; the control socket.
        .target(name: "CallboardRuntime", dependencies: ["CallboardCore", "CallboardUI", "CallboardTerminal"]),
        // The thin executable: commands, wiring, effects.
        .executableTarget(
            name: "callboard",
            dependencies: [
                "CallboardCore", "CallboardStore", "CallboardUI", "CallboardTerminal",
                "CallboardExchange", "CallboardUseCases", "CallboardRuntime", "CallboardAudio",
                "CallboardAudioSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CallboardCoreTests", dependencies: ["CallboardCore"]),
        // A child process for the store's crash tests: writes in a loop until killed.
        .executableTarget(
            name: "store-torture", dependencies: ["CallboardStore"], path: "Tests/Tools/StoreTorture"),
        .testTarget(name: "CallboardStoreTests", dependencies: ["CallboardStore", "store-torture"]),
        .testTarget(name: "CallboardExchangeTests", dependencies: ["CallboardExchange"]),
        // Golden/ holds whole screens as text, read from the source tree by the golden tests.
        .testTarget(name: "CallboardUITests", dependencies: ["CallboardUI"], exclude: ["Golden"]),
        .testTarget(
            name: "CallboardUseCasesTests",
            dependencies: ["CallboardUseCases", "CallboardCore", "CallboardStore", "CallboardExchange"]),
        .testTarget(name: "CallboardAudioTests", dependencies: ["CallboardAudio", "CallboardAudioSources", "callboard"]),
        .testTarget(name: "CallboardTerminalTests", dependencies: ["CallboardTerminal"]),
        .testTarget(
            name: "CallboardRuntimeTests",
            dependencies: ["CallboardRuntime", "CallboardCore", "CallboardUI", "CallboardTerminal"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CallboardCore", "CallboardStore", "CallboardExchange", "CallboardRuntime", "CallboardAudio", "callboard"]),
        // Crashes, hostile text, terminal and store abuse against the real binary.
        .testTarget(
            name: "HardeningTests",
            dependencies: [
                "CallboardCore", "CallboardStore", "CallboardExchange", "callboard", "store-torture",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
