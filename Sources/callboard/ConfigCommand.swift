import ArgumentParser
import CallboardExchange
import CallboardUI
import Foundation

/// `callboard config`: the effective settings and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration, with each value's default and origin.",
        discussion: """
            The file is $XDG_CONFIG_HOME/callboard/config.json (else ~/.config/callboard/config.json): \
            JSON that may hold // comments and trailing commas. The output is itself a valid \
            file to start from: `callboard config > ~/.config/callboard/config.json`.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print only the configuration file's path.")
    var path = false

    func run() throws {
        try Failure.reported {
            let environment = RuntimeEnvironment()
            guard let file = environment.configFile else {
                throw Failure.config("No place for the configuration: $HOME is not set. Set $XDG_CONFIG_HOME.")
            }
            if path {
                try Output.write(file.path + "\n")
                return
            }
            let context = try CommandContext.load(storeFlag: store.store, environment: environment)
            let exists = FileManager.default.fileExists(atPath: file.path)
            var text = "// Configuration file: \(file.path)" + (exists ? "\n" : " (not present; all defaults)\n")
            text += "// Data directory: \(context.storeDirectory.path)\n"
            text += context.configuration.report()
            try Output.write(text)
            // The dashboard would quietly fall back to the default; here the seller is
            // looking, so say it.
            if let theme = context.configuration.theme {
                let found = ThemeFiles.userThemes(environment: environment.variables)
                let choice = ThemeCatalog.choose(requested: theme, noColor: nil, userThemes: found.themes)
                for warning in found.warnings + choice.warnings { Output.warning("\(file.path), key \"theme\": \(warning)") }
            }
        }
    }
}
