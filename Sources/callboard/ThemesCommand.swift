import ArgumentParser
import CallboardUI
import Foundation

/// `callboard themes`: which themes exist and where each comes from.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes and where each comes from.",
        discussion: "Add your own as JSON files in $XDG_CONFIG_HOME/callboard/themes/; a file named like a built-in theme replaces it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var theme: ThemeOption

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let found = ThemeFiles.userThemes(environment: context.environment.variables)
            let user = found.themes
            for warning in found.warnings { Output.warning(warning) }
            let chosen = ThemeCatalog.choose(
                requested: theme.theme ?? context.configuration.theme, noColor: context.environment.noColor, userThemes: user)
            var lines: [String] = []
            for name in ThemeCatalog.builtInNames where !user.contains(where: { $0.name == name }) {
                lines.append(line(name: name, origin: "built in", inUse: chosen.theme.name == name))
            }
            for source in user {
                var origin = source.path
                if ThemeCatalog.builtInNames.contains(source.name) { origin += " (replaces the built-in one)" }
                do {
                    _ = try Theme.decode(source.data, file: source.path, fallbackName: source.name, base: ThemeCatalog.standard)
                } catch {
                    origin += " — broken: \(error)"
                }
                lines.append(line(name: source.name, origin: origin, inUse: chosen.theme.name == source.name))
            }
            try Output.write(lines.joined(separator: "\n") + "\n")
            for warning in chosen.warnings { Output.warning(warning) }
        }
    }

    private func line(name: String, origin: String, inUse: Bool) -> String {
        (inUse ? "* " : "  ") + name.padding(toLength: max(14, name.count), withPad: " ", startingAt: 0) + "  " + origin
    }
}
