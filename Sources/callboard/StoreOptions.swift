import ArgumentParser

/// `--store DIR`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The data directory.",
            discussion: "Default: $CALLBOARD_HOME, else $XDG_DATA_HOME/callboard, else ~/.local/share/callboard.",
            valueName: "dir"))
    var store: String?
}
