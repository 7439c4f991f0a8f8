import CallboardCore
import CallboardStore
import CallboardUseCases
import Foundation

/// A desk over a fresh store in a temporary folder, removed when the fixture goes.
final class DeskFixture {
    let directory: URL
    private(set) var desk: Desk
    let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt

    init(settings: Settings = Settings()) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-desk-\(UUID().uuidString)", isDirectory: true)
        desk = Desk(store: try Store(directory: directory, zone: zone), settings: settings)
    }

    /// Closes the writer (a read-only desk stands in), as when no dashboard is running.
    func releaseWriter() throws {
        desk = Desk(store: try Store(directory: directory, zone: zone, access: .readOnly), settings: desk.settings)
    }

    func reopenWriter() throws {
        desk = Desk(store: try Store(directory: directory, zone: zone), settings: desk.settings)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var store: Store { desk.store }

    /// 2026-11-30 10:00 in Amsterdam, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_764_493_200)
}
