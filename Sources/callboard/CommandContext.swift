import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// What every command starts from: the environment, the configuration and the store's
/// place, each resolved once.
struct CommandContext {
    var environment: RuntimeEnvironment
    var configuration: Configuration
    var storeDirectory: URL
    /// The seller's zone: the day a call belongs to and the queue's "today".
    var zone: TimeZone

    static func load(storeFlag: String?, environment: RuntimeEnvironment = RuntimeEnvironment()) throws -> CommandContext {
        let configuration = try environment.configFile.map { try Configuration.load(path: $0.path) } ?? Configuration()
        for warning in configuration.warnings { Output.warning(warning) }
        let directory = try StoreLocation.resolve(flag: storeFlag, environment: environment.variables)
        return CommandContext(
            environment: environment, configuration: configuration, storeDirectory: directory,
            zone: TimeZone.current)
    }

    var settings: Settings {
        var settings = configuration.settings
        if let url = configuration.templateURL(home: environment.home) {
            settings.followUpTemplate = try? String(contentsOf: url, encoding: .utf8)
        }
        return settings
    }

    func openStore(_ access: Store.Access) throws -> Store {
        try Store(directory: storeDirectory, zone: zone, access: access)
    }

    /// The prospects, or none when the store does not exist yet (a read-only command on a
    /// fresh machine is not an error).
    func readProspects() throws -> [Prospect] {
        guard FileManager.default.fileExists(atPath: storeDirectory.path) else { return [] }
        return try openStore(.readOnly).prospects()
    }

    func launch(storeDirectory: URL, theme: String?) -> DashboardLaunch {
        DashboardLaunch(
            storeDirectory: storeDirectory, zone: zone, configuration: configuration,
            settings: settings, environment: environment, theme: theme ?? configuration.theme)
    }

    /// The seller's calendar day now.
    var today: CalendarDay { CalendarDay(containing: Date(), in: zone) }
}
