import CallboardUI
import Foundation

/// Finds the seller's own themes on disk; choosing among them is ``ThemeCatalog``'s job.
enum ThemeFiles {
    /// The user's themes for the environment's configuration folder.
    static func userThemes(environment: [String: String]) -> (themes: [ThemeSource], warnings: [String]) {
        userThemes(in: RuntimeEnvironment(environment).userThemesDirectory)
    }

    /// Every `*.json` in the user's theme folder (`$XDG_CONFIG_HOME/callboard/themes`). An
    /// unreadable file becomes a warning.
    static func userThemes(in folder: URL?) -> (themes: [ThemeSource], warnings: [String]) {
        guard let folder,
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
    static func choose(requested: String?, environment: RuntimeEnvironment) -> ThemeChoice {
        let found = userThemes(in: environment.userThemesDirectory)
        var choice = ThemeCatalog.choose(requested: requested, noColor: environment.noColor, userThemes: found.themes)
        choice.warnings = found.warnings + choice.warnings
        return choice
    }
}
