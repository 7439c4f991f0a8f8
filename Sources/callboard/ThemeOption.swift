import ArgumentParser

/// `--theme NAME`, shared by the dashboard and `callboard themes`, so
/// `callboard --theme light themes` marks the theme that run would use.
struct ThemeOption: ParsableArguments {
    /// Theme for this run, overriding the configuration file.
    @Option(help: "Theme for this run: dark, light, high-contrast, monochrome or one of your own.")
    var theme: String?
}
