import Foundation

/// A theme file found on disk; reading it is the runtime's job, choosing is done here.
public struct ThemeSource: Hashable, Sendable {
    /// The name the file gives the theme on the command line: its file name without `.json`.
    public var name: String
    /// The path, for error messages and `callboard themes`.
    public var path: String
    public var data: Data

    public init(name: String, path: String, data: Data) {
        self.name = name
        self.path = path
        self.data = data
    }
}

/// The theme the dashboard will use, and what the seller should be told about the choice.
public struct ThemeChoice: Hashable, Sendable {
    public var theme: Theme
    /// Problems met on the way (a broken file, an unknown name), one sentence each.
    public var warnings: [String]

    public init(theme: Theme, warnings: [String] = []) {
        self.theme = theme
        self.warnings = warnings
    }
}

/// The built-in themes and the rules for picking one.
public enum ThemeCatalog {
    public static let defaultName = "dark"
    public static let monochromeName = "monochrome"

    /// The built-in themes in the order `callboard themes` lists them.
    public static let builtInNames = ["dark", "light", "high-contrast", "monochrome"]

    /// The default theme, which every other theme falls back to key by key.
    public static let standard: Theme = {
        let data = Data((ThemeBuiltins.sources[defaultName] ?? "").utf8)
        return (try? Theme.decode(data, file: "built-in dark", fallbackName: defaultName, base: nil))
            ?? Theme(name: defaultName, usesColor: true, looks: [:])
    }()

    /// The text of a built-in theme, exactly as shipped in `themes/NAME.json`.
    public static func builtInSource(named name: String) -> String? { ThemeBuiltins.sources[name] }

    /// A built-in theme by name, or nil.
    public static func builtIn(named name: String) -> Theme? {
        if name == defaultName { return standard }
        guard let text = ThemeBuiltins.sources[name] else { return nil }
        return try? Theme.decode(Data(text.utf8), file: "built-in \(name)", fallbackName: name, base: standard)
    }

    /// Picks the theme. An explicitly requested theme wins (as no-color.org asks); else a
    /// non-empty `NO_COLOR` gives monochrome; else the default. User themes with a
    /// built-in's name replace it. A broken or unknown theme falls back to the default
    /// with a warning, so a typo never keeps the dashboard from opening.
    public static func choose(requested: String?, noColor: String?, userThemes: [ThemeSource]) -> ThemeChoice {
        let name: String
        // "default" is what the configuration says when the seller chose nothing.
        if let requested, !requested.isEmpty, requested != "default" {
            name = requested
        } else if let noColor, !noColor.isEmpty {
            name = monochromeName
        } else {
            name = defaultName
        }
        if let source = userThemes.first(where: { $0.name == name }) {
            do {
                let theme = try Theme.decode(source.data, file: source.path, fallbackName: name, base: standard)
                return ThemeChoice(theme: theme, warnings: [])
            } catch {
                return ThemeChoice(theme: standard, warnings: ["\(error); using the \(defaultName) theme."])
            }
        }
        if let theme = builtIn(named: name) { return ThemeChoice(theme: theme, warnings: []) }
        let known = (builtInNames + userThemes.map(\.name)).joined(separator: ", ")
        return ThemeChoice(
            theme: standard,
            warnings: ["There is no theme named \"\(name)\" (themes: \(known)); using the \(defaultName) theme."]
        )
    }
}
