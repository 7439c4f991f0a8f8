import CallboardCore
import Foundation

/// Builders for hand-made test data.
enum Fixture {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
    static let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? .gmt

    static func day(_ text: String) -> CalendarDay {
        CalendarDay(text) ?? CalendarDay(year: 1970, month: 1, day: 1)
    }

    /// An instant given as wall time in a zone: "2026-11-30 10:00".
    static func at(_ text: String, _ zone: TimeZone) -> Date {
        let parts = text.split(separator: " ")
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        return day(String(parts[0])).at(hour: clock[0], minute: clock[1], in: zone) ?? .distantPast
    }

    static func prospect(
        _ id: String, _ name: String, source: Prospect.Source = .list, referredBy: ProspectID? = nil,
        priority: Int = 3, status: Prospect.Status = .active, next: String? = nil,
        callback: Date? = nil, attempts: Int = 0, zone: String? = nil, created: String = "2026-11-01"
    ) -> Prospect {
        Prospect(
            id: ProspectID(id), name: name, company: "\(name) Ltd", phone: "+31 20 555 0100",
            email: "\(id)@example.com", timeZone: zone, source: source, referredBy: referredBy,
            priority: priority, status: status, nextCallDay: next.map(day), callbackAt: callback,
            attempts: attempts, createdAt: at("\(created) 09:00", .gmt))
    }
}
