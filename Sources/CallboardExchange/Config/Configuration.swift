import CallboardCore
import Foundation

/// The seller's configuration: defaults, overlaid by `config.json` (JSON with comments).
/// Where each effective value came from is kept for `callboard config`.
public struct Configuration: Sendable {
    public var settings = Settings()
    public var sendCommand: String?
    /// Seconds the send command may run before it is stopped and the send reported failed.
    public var commandTimeout = Configuration.defaultCommandTimeout
    /// The theme asked for; nil lets the dashboard pick (dark, or monochrome under NO_COLOR).
    public var theme: String?
    /// As written in the file; resolve it with ``templateURL(relativeTo:)``.
    public var followUpTemplatePath: String?
    /// The PulseAudio source of the microphone for hands-free; nil is the default source.
    public var handsFreeMic: String?
    /// The PulseAudio source of the call audio; nil is the default sink's monitor, "off"
    /// the microphone alone.
    public var handsFreeLine: String?
    /// The program the `command` dialer runs, with the number added.
    public var dialCommand: String?
    /// Where baresip's ctrl_tcp listens, "127.0.0.1:4444".
    public var baresipControl = Configuration.defaultBaresipControl
    /// The program that takes each saved call as JSON on stdin.
    public var afterCallCommand: String?
    /// The file the values came from, or nil when there is none.
    public private(set) var file: String?
    /// Keys set by the file.
    public private(set) var fromFile: Set<String> = []
    /// Unknown keys and other things worth saying that do not stop the program.
    public private(set) var warnings: [String] = []

    public init() {}

    public static let defaultCommandTimeout = 30.0
    public static let defaultBaresipControl = "127.0.0.1:4444"

    /// Reads the configuration at `path`; a missing file means the defaults.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard FileManager.default.fileExists(atPath: path) else { return Configuration() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws(ConfigurationError) -> Configuration {
        var config = Configuration()
        config.file = file
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw .unreadable(file: file, reason: JSONProblem.describe(error, in: data))
        }
        guard case .object(let values) = root else {
            throw .unreadable(file: file, reason: "the file must hold one object, { \"key\": value, ... }")
        }
        let known = Dictionary(ConfigKey.all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in values.keys.sorted() {
            guard let value = values[name] else { continue }
            guard let key = known[name] else {
                let near = ConfigKey.all.first { $0.name.lowercased() == name.lowercased() }
                config.warnings.append(
                    "\(file): unknown key \"\(name)\" was ignored"
                        + (near.map { "; did you mean \"\($0.name)\"?" } ?? "."))
                continue
            }
            if case .null = value { continue }
            if let allowed = key.apply(value, &config) {
                throw .invalid(file: file, key: name, allowed: allowed)
            }
            config.fromFile.insert(name)
        }
        // The top-level talk keys speak for every call type that does not set its own.
        config.settings.callTypes = CallTypeConfig.overlay(
            config.settings.callTypes, with: config.settings.targets, keysInFile: config.fromFile,
            keysSetByType: values["callTypes"].map(CallTypeConfig.keysSet(in:)) ?? [:])
        // Keys that are fine alone can still disagree with each other.
        if let (keys, problem) = config.disagreement {
            throw .disagree(file: file, keys: keys.map { "\"\($0)\" (\(config.value(of: $0)))" }, problem: problem)
        }
        return config
    }

    /// Two keys each allowed alone that do not go together, and why.
    private var disagreement: (keys: [String], problem: String)? {
        let targets = settings.targets
        if targets.problem != nil, targets.warnShare < targets.targetShare {
            return (["targetShare", "warnShare"], "the warning share must not be below the target share")
        }
        if targets.problem != nil, targets.monologueStrong < targets.monologueNudge {
            return (["monologueNudgeSeconds", "monologueStrongSeconds"], "the strong nudge must not come before the gentle one")
        }
        if let problem = targets.problem { return (["targetShare", "warnShare", "monologueNudgeSeconds"], problem) }
        if let problem = settings.businessHours.problem { return (["businessHoursStart", "businessHoursEnd"], problem) }
        if settings.dialer == .command, dialCommand == nil {
            return (["dialer", "dialCommand"], "the command dialer needs a dialCommand to run")
        }
        return nil
    }

    /// The template file, relative paths taken from the configuration's folder and `~/`
    /// from `home`.
    public func templateURL(home: String?) -> URL? {
        guard let path = followUpTemplatePath else { return nil }
        if path.hasPrefix("~/"), let home {
            return URL(fileURLWithPath: home).appendingPathComponent(String(path.dropFirst(2)))
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        let folder = file.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return folder.appendingPathComponent(path)
    }

    /// The effective value of each key, as `callboard config` shows it.
    public func value(of key: String) -> String {
        let s = settings
        switch key {
        case "sellerName": return quote(s.sellerName)
        case "sellerEmail": return quote(s.sellerEmail)
        case "sendCommand": return quote(sendCommand ?? "")
        case "commandTimeout": return Self.format(commandTimeout)
        case "theme": return quote(theme ?? "")
        case "targetShare": return Self.format(s.targets.targetShare)
        case "warnShare": return Self.format(s.targets.warnShare)
        case "monologueNudgeSeconds": return Self.format(s.targets.monologueNudge)
        case "monologueStrongSeconds": return Self.format(s.targets.monologueStrong)
        case "businessHoursStart": return String(s.businessHours.start)
        case "businessHoursEnd": return String(s.businessHours.end)
        case "dailyCallGoal": return String(s.dailyCallGoal)
        case "retryBusinessDays": return String(s.retry.businessDays)
        case "retryMaxAttempts": return String(s.retry.maxAttempts)
        case "referralReminderMinutes": return Self.format(s.referralReminderMinutes)
        case "followUpTemplate": return quote(followUpTemplatePath ?? "")
        case "handsFree": return String(s.handsFree)
        case "handsFreeKeySeconds": return Self.format(s.handsFreeKeySeconds)
        case "handsFreeMic": return quote(handsFreeMic ?? "")
        case "handsFreeLine": return quote(handsFreeLine ?? "")
        case "callTypes": return CallTypeConfig.render(s.callTypes)
        case "dialer": return quote(s.dialer.rawValue)
        case "dialCommand": return quote(dialCommand ?? "")
        case "baresipControl": return quote(baresipControl)
        case "blockCountdownSeconds": return Self.format(s.callingBlock.countdown)
        case "blockCallsOutsideHours": return s.callingBlock.callsOutsideHours ? "true" : "false"
        case "afterCallCommand": return quote(afterCallCommand ?? "")
        case "outcomes": return OutcomeConfig.render(s.outcomes)
        default: return ""
        }
    }

    /// Where a key's value came from: the file, or the built-in default.
    public func origin(of key: String) -> String {
        fromFile.contains(key) ? (file ?? "file") : "default"
    }

    /// The effective configuration as a commented JSON document, ready to copy into a
    /// file: every key, its value, where it came from and what it means.
    public func report() -> String {
        var lines = ["{"]
        for (index, key) in ConfigKey.all.enumerated() {
            let comma = index == ConfigKey.all.count - 1 ? "" : ","
            lines.append("  // \(key.help). Default \(key.defaultText); from \(origin(of: key.name)).")
            lines.append("  \"\(key.name)\": \(value(of: key.name))\(comma)")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func quote(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(ImportedText.line(escaped))\""
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e9 ? String(Int(number)) : String(number)
    }
}

/// A configuration file that cannot be used.
public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalid(file: String, key: String, allowed: String)
    /// Keys each fine alone that contradict each other; `keys` as shown to the seller.
    case disagree(file: String, keys: [String], problem: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file) cannot be read: \(reason). Fix the file or move it aside to use the defaults."
        case .invalid(let file, let key, let allowed):
            return "\(file): the value of \"\(key)\" is not allowed; it must be \(allowed)."
        case .disagree(let file, let keys, let problem):
            let named = keys.count == 2 ? keys.joined(separator: " and ") : keys.dropLast().joined(separator: ", ") + " and " + (keys.last ?? "")
            return "\(file): \(named) do not go together: \(problem). Change one of them."
        }
    }
}
