import CallboardCore
import Foundation

/// The PulseAudio (or PipeWire) sources this machine offers: microphones, and the
/// monitors of its sinks, which carry what plays on them (the call audio).
public struct AudioDevice: Hashable, Sendable {
    public var name: String
    public var isMonitor: Bool
    /// The default source, or the monitor of the default sink.
    public var isDefault: Bool

    public init(name: String, isMonitor: Bool, isDefault: Bool) {
        self.name = name
        self.isMonitor = isMonitor
        self.isDefault = isDefault
    }
}

public enum AudioDevices {
    /// Why the devices could not be listed, in a sentence.
    public struct Unavailable: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The sources from `pactl list short sources` (one a line: index, name, driver,
    /// format, state, tab-separated) and the defaults from `pactl info`. Names come from
    /// outside: control characters are dropped.
    public static func parse(shortSources: String, info: String) -> [AudioDevice] {
        var defaultSource: String?
        var defaultSink: String?
        for line in info.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "Default Source" { defaultSource = clean(parts[1]) }
            if parts[0] == "Default Sink" { defaultSink = clean(parts[1]) }
        }
        return shortSources.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { return nil }
            let name = clean(String(fields[1]))
            guard !name.isEmpty else { return nil }
            let isMonitor = name.hasSuffix(".monitor")
            let isDefault = isMonitor ? defaultSink.map { name == $0 + ".monitor" } ?? false : name == defaultSource
            return AudioDevice(name: name, isMonitor: isMonitor, isDefault: isDefault)
        }
    }

    /// A line for the terminal with no control character in it (device names come from
    /// the configuration and the sound server).
    public static func cleanForTerminal(_ text: String) -> String { clean(text) }

    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !ControlCharacters.isDropped($0) && !ControlCharacters.isSpacing($0) }))
            .trimmingCharacters(in: .whitespaces)
    }

    /// Lists the devices through `pactl` (run directly, never through a shell), found on
    /// `searchPath`.
    public static func list(searchPath: String, environment: [String: String]) throws(Unavailable) -> [AudioDevice] {
        guard let pactl = find("pactl", in: searchPath) else {
            throw Unavailable(
                description: "Listing audio devices needs pactl, which this machine lacks. On Debian or Ubuntu: "
                    + "sudo apt-get install pulseaudio-utils. Without it, leave handsFreeMic and handsFreeLine "
                    + "empty to use the default devices.")
        }
        var env = environment
        // pactl translates its labels; the parser reads the English ones.
        env["LC_ALL"] = "C"
        let sources = try run(pactl, ["list", "short", "sources"], environment: env)
        let info = try run(pactl, ["info"], environment: env)
        return parse(shortSources: sources, info: info)
    }

    static func find(_ program: String, in searchPath: String) -> URL? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs the program and returns what it printed; a sound server that is not running
    /// makes pactl fail, which is said in a sentence.
    static func run(_ program: URL, _ arguments: [String], environment: [String: String]) throws(Unavailable) -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Unavailable(description: "\(program.path) could not be started: \(error.localizedDescription).")
        }
        // Read before waiting, so a long list cannot fill the pipe and stall pactl.
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = clean(String(decoding: problem, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "")
            throw Unavailable(
                description: "pactl \(arguments.joined(separator: " ")) failed"
                    + (why.isEmpty ? "" : " (\(why))") + ": is PulseAudio or PipeWire running?")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
