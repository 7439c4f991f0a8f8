import Foundation

/// Everything the program takes from its environment, read once at start and passed
/// down, so nothing deep inside reads variables of its own.
struct RuntimeEnvironment: Sendable {
    var variables: [String: String]

    init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    private func value(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    var home: String? { value("HOME") }

    /// `$XDG_CONFIG_HOME/callboard`, else `~/.config/callboard`.
    var configDirectory: URL? {
        if let xdg = value("XDG_CONFIG_HOME"), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("callboard", isDirectory: true)
        }
        return home.map { URL(fileURLWithPath: $0).appendingPathComponent(".config/callboard", isDirectory: true) }
    }

    var configFile: URL? { configDirectory?.appendingPathComponent("config.json") }
    /// The seller's own themes: `$XDG_CONFIG_HOME/callboard/themes`.
    var userThemesDirectory: URL? { configDirectory?.appendingPathComponent("themes", isDirectory: true) }

    var noColor: String? { value("NO_COLOR") }
    var temporaryDirectory: String { value("TMPDIR") ?? "/tmp" }
}
