import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

/// Reports print every call's time and figures. They are worked out without a calendar
/// object or a format string per value, and must read exactly as those printed them.
@Suite struct ReportFormatTests {
    static let zones = ["Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]
        .compactMap(TimeZone.init(identifier:))

    /// What the calendar says: the definition.
    static func calendarTimestamp(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let minutes = abs(offset) / 60
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year ?? 1970, p.month ?? 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0,
            p.second ?? 0) + (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// Moments all over the years a store holds, on and around the changes of summer time,
    /// at whole seconds, milliseconds and just before a second turns.
    static func moments() -> [Date] {
        var random = SeededRandom(seed: 5)
        var seconds: [Double] = []
        for _ in 0..<3000 {
            let base = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &random))
            let millis = Double(Int.random(in: 0...999, using: &random)) / 1000
            seconds += [base, base + millis, base + 0.9995, base - 0.0004]
        }
        // Amsterdam's and New York's changes of 2026, a minute either side.
        let changes: [Double] = [1_774_746_000, 1_792_890_000, 1_773_558_000, 1_793_512_800]
        for change in changes {
            for offset in stride(from: -60.0, through: 60, by: 0.5) { seconds.append(change + offset) }
        }
        // Where the calendar decides: before 1600 and past 9999.
        seconds += [-12_000_000_000, 253_402_300_805]
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }

    @Test func timestampsAndClocksReadAsTheCalendarsDid() {
        for zone in Self.zones {
            for date in Self.moments() {
                let expected = Self.calendarTimestamp(date, zone: zone)
                #expect(ReportFormat.timestamp(date, zone: zone) == expected, "\(date.timeIntervalSince1970) in \(zone.identifier)")
                let clock = String(expected.dropFirst(expected.firstIndex(of: "T").map { expected.distance(from: expected.startIndex, to: $0) + 1 } ?? 0).prefix(5))
                #expect(ReportFormat.clock(date, zone: zone) == clock)
            }
        }
    }

    @Test func figuresReadAsTheFormatStringWroteThem() {
        var random = SeededRandom(seed: 9)
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 2.5, 0.0005, 0.4445, 1e300, -1e-300, 123_456.75, 0.1 + 0.2]
        for _ in 0..<20_000 {
            values.append(Double(Int.random(in: 0...100_000, using: &random)) / 20)
            values.append(Double.random(in: 0...1, using: &random))
            values.append(Double.random(in: 0...10_000, using: &random))
        }
        for value in values {
            for decimals in [0, 1, 3] {
                #expect(ReportFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
            }
        }
    }
}
