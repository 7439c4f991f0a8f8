import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation

/// What every command starts from: the environment, the configuration and the store's
/// place, each resolved once.
struct CommandContext {
    var environment: RuntimeEnvironment
    var configuration: Configuration
    /// The core's settings: the configuration with the follow-up template read in.
    var settings: Settings
    var storeDirectory: URL
    /// The seller's zone: the day a call belongs to and the queue's "today".
    var zone: TimeZone

    static func load(storeFlag: String?, environment: RuntimeEnvironment = RuntimeEnvironment()) throws -> CommandContext {
        let configuration = try environment.configFile.map { try Configuration.load(path: $0.path) } ?? Configuration()
        for warning in configuration.warnings { Output.warning(warning) }
        let directory = try StoreLocation.resolve(flag: storeFlag, environment: environment.variables)
        return CommandContext(
            environment: environment, configuration: configuration,
            settings: try settings(from: configuration, environment: environment),
            storeDirectory: directory, zone: TimeZone.current)
    }

    /// A template that is named but missing or broken is an error now, not a surprise at
    /// the end of a call.
    private static func settings(from configuration: Configuration, environment: RuntimeEnvironment) throws -> Settings {
        var settings = configuration.settings
        guard let url = configuration.templateURL(home: environment.home) else { return settings }
        let place = "\(configuration.file ?? "the configuration"), key \"followUpTemplate\""
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure.config("\(place): \(url.path) cannot be read. Fix the path or remove the key to use the built-in template.")
        }
        if case .failure(let problem) = FollowUpTemplate.parse(text) {
            throw Failure.config("\(place): \(url.path) is not a usable template: \(problem).")
        }
        settings.followUpTemplate = text
        return settings
    }

    func openStore(_ access: Store.Access) throws -> Store {
        try requireFolder(access)
        let store = try Store(directory: storeDirectory, zone: zone, access: access)
        if store.tightenedPermissions { Output.warning(StoreLocation.madePrivate(store.directory)) }
        return store
    }

    /// The workflows over the store, opened for `access`.
    func desk(_ access: Store.Access) throws -> Desk {
        Desk(store: try openStore(access), settings: settings)
    }

    /// The store would call a file "missing" or fail to make a folder over it; say what it is.
    func requireFolder(_ access: Store.Access) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: storeDirectory.path, isDirectory: &isFolder), !isFolder.boolValue
        else { return }
        let message = "\(storeDirectory.path) is a file, not a folder. Point --store or $CALLBOARD_HOME "
            + "at the folder that holds callboard's data (or a new one)."
        throw access == .readOnly ? Failure.missingInput(message) : Failure.cannotCreate(message)
    }

    func launch(storeDirectory: URL, theme: String?) -> DashboardLaunch {
        DashboardLaunch(
            storeDirectory: storeDirectory, zone: zone, configuration: configuration,
            settings: settings, environment: environment, theme: theme ?? configuration.theme)
    }

    /// The seller's calendar day now.
    var today: CalendarDay { CalendarDay(containing: Date(), in: zone) }
}
