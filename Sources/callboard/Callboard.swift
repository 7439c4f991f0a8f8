import ArgumentParser
import Foundation

/// The `callboard` command: with no subcommand it opens the dashboard.
struct Callboard: ParsableCommand {
    static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them. Add a command here.
    static let commands: [any ParsableCommand.Type] = [
        AddCommand.self, ImportCommand.self, TodayCommand.self, ReviewCommand.self, ExportCommand.self, TeamCommand.self,
        MarkCommand.self, DemoCommand.self, ThemesCommand.self, ConfigCommand.self, GenerateCommand.self,
        ListenCommand.self, AudioCommand.self,
    ]

    static let configuration = CommandConfiguration(
        commandName: "callboard",
        abstract: "A terminal call dashboard: today's queue, a live talk-ratio timer and the referral ask.",
        discussion: """
            Run without a subcommand to open the dashboard on your store. Try `callboard demo` \
            for a sample store that leaves your own data alone.
            """,
        version: version,
        subcommands: commands)

    @OptionGroup var store: StoreOptions

    @OptionGroup var theme: ThemeOption

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            try context.requireFolder(.readWrite)
            try openDashboard(context.launch(storeDirectory: context.storeDirectory, theme: theme.theme))
        }
    }
}
