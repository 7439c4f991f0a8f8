import CallboardUI
import Foundation

/// Finds the seller's own themes on disk; choosing among them is ``ThemeCatalog``'s job.
enum ThemeFiles {
    /// `$XDG_CONFIG_HOME/callboard/themes`, or `~/.config/callboard/themes`.
    static func folder(environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("callboard/themes", isDirectory: true)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/callboard/themes", isDirectory: true)
    }

    /// Every `*.json` in the user's theme folder. An unreadable file becomes a warning.
    static func userThemes(environment: [String: String]) -> (themes: [ThemeSource], warnings: [String]) {
        guard let folder = folder(environment: environment),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return ([], []) }
        var themes: [ThemeSource] = []
        var warnings: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = folder.appendingPathComponent(name)
            do {
                let data = try Data(contentsOf: url)
                themes.append(ThemeSource(name: String(name.dropLast(5)), path: url.path, data: data))
            } catch {
                warnings.append("theme file \(url.path) cannot be read: \(error.localizedDescription)")
            }
        }
        return (themes, warnings)
    }

    /// The theme for the dashboard: `requested` (the `--theme` flag or the configuration),
    /// `NO_COLOR`, the user's themes and the built-in ones.
    static func choose(requested: String?, environment: [String: String]) -> ThemeChoice {
        let found = userThemes(environment: environment)
        var choice = ThemeCatalog.choose(
            requested: requested, noColor: environment["NO_COLOR"], userThemes: found.themes)
        choice.warnings = found.warnings + choice.warnings
        return choice
    }
}
