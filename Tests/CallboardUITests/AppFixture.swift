import CallboardCore
import Foundation

@testable import CallboardUI

/// A seller in Amsterdam on Monday 30 November 2026 at 09:00, a manual monotonic clock
/// starting at 1000 s, and a small store of prospects.
struct AppFixture {
    static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    /// 2026-11-30 09:00 in Amsterdam.
    static let start = CalendarDay(year: 2026, month: 11, day: 30).at(hour: 9, minute: 0, in: zone)
        ?? Date(timeIntervalSince1970: 1_796_025_600)

    /// The instant `t` seconds after the start, on both clocks.
    static func at(_ t: Double) -> Moment {
        Moment(monotonic: MonotonicInstant(seconds: 1000 + t), wall: start.addingTimeInterval(t))
    }

    static let anna = Prospect(
        id: "anna", name: "Anna de Vries", company: "Acme BV", title: "Head of Operations",
        phone: "+31 20 123 4567", email: "anna@acme.example", timeZone: "Europe/Amsterdam",
        attempts: 1, world: .init(organization: "40 people, two warehouses"),
        createdAt: start.addingTimeInterval(-86_400 * 10), lastOutcome: .voicemail,
        lastCalledAt: start.addingTimeInterval(-86_400 * 3), lastCallNotes: "Left a message about the pilot")
    static let bram = Prospect(
        id: "bram", name: "Bram Jansen", company: "Jansen Logistics", email: "bram@jansen.example",
        timeZone: "America/New_York", createdAt: start.addingTimeInterval(-86_400 * 5))
    static let chen = Prospect(
        id: "chen", name: "陈伟", company: "北京科技", timeZone: "Asia/Shanghai",
        createdAt: start.addingTimeInterval(-86_400 * 4))

    static var prospects: [Prospect] { [anna, bram, chen] }

    /// A loaded dashboard of the given size.
    static func state(width: Int = 100, height: Int = 30, prospects: [Prospect] = prospects, canSend: Bool = true) -> AppState {
        var state = AppState(settings: Settings(sellerName: "Sam Seller", sellerEmail: "sam@example.com"), zone: zone,
                             canSend: canSend, width: width, height: height)
        _ = update(&state, .loaded(StoreSnapshot(prospects: prospects, callsToday: 2), at(0)))
        return state
    }

    /// Sends keys one after another at the given instant; returns all effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState, at t: Double) -> [Effect] {
        keys.flatMap { update(&state, .key($0, at(t))) }
    }

    @discardableResult
    static func type(_ text: String, _ state: inout AppState, at t: Double) -> [Effect] {
        press(text.map { Key.char($0) }, &state, at: t)
    }

    static func screen(_ state: AppState, width: Int? = nil, height: Int? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: width ?? state.width, height: height ?? state.height)
        render(state, into: &buffer)
        return buffer
    }
}
