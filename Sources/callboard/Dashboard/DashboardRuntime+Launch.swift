import CallboardExchange
import ArgumentParser
import CallboardStore
import CallboardTerminal

extension DashboardRuntime {
    /// Opens the store and runs the dashboard as the root command asks. Returns after `q`;
    /// any other ending (a signal, a terminal that cannot be used) becomes the exit status.
    static func open(_ launch: DashboardLaunch) throws {
        let store = try Store(directory: launch.storeDirectory, zone: launch.zone)
        let runtime = DashboardRuntime(
            store: store, settings: launch.settings,
            theme: ThemeFiles.choose(requested: launch.theme ?? launch.configuration.theme, environment: launch.environment),
            zone: launch.zone, sendCommand: launch.configuration.sendCommand,
            commandTimeout: launch.configuration.commandTimeout, dialCommand: launch.configuration.dialCommand,
            baresipControl: BaresipAddress(launch.configuration.baresipControl),
            afterCallCommand: launch.configuration.afterCallCommand, environment: launch.environment.variables,
            configuration: launch.configuration)
        let status: Int32
        do {
            status = try runtime.run()
        } catch let error as TerminalError {
            throw Failure.unavailable(error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
