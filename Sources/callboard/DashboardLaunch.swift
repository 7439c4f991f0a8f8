import CallboardCore
import CallboardExchange
import Foundation

/// What the dashboard needs to start.
struct DashboardLaunch {
    var storeDirectory: URL
    var zone: TimeZone
    var configuration: Configuration
    var settings: Settings
    var environment: RuntimeEnvironment
    /// From `--theme`, else the configuration; nil lets the dashboard choose.
    var theme: String?
}

/// Opens the full-screen dashboard and returns when the seller quits.
func openDashboard(_ launch: DashboardLaunch) throws {
    try DashboardRuntime.open(launch)
}
