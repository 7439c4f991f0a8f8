import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// The store's own reading and writing of timestamps must agree with Foundation's ISO-8601
/// format style on every date a file can hold; only the speed differs.
/// Dates come from a fixed seed, so a failure names a date that comes back every run.
@Suite struct ISOTimestampTests {
    @Test func writesWhatTheFormatStyleWritesAndReadsItBack() {
        var random = SeededRandom(seed: TestSeed.pick("ISOTimestampTests", default: 7))
        for index in 0..<5000 {
            // Years 1 to 9999: whole seconds, milliseconds, or finer (the monotonic clock's).
            var seconds = Double(Int64.random(in: -62_135_596_800..<253_402_300_800, using: &random))
            if index % 3 == 1 { seconds += Double(Int.random(in: 1...999, using: &random)) / 1000 }
            if index % 3 == 2 { seconds += Double.random(in: 0.000_001..<1, using: &random) }
            let date = Date(timeIntervalSince1970: seconds)
            let style = seconds == seconds.rounded()
                ? Date.ISO8601FormatStyle() : Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            let expected = date.formatted(style)
            #expect(ISOTimestamp.text(date) == expected, "\(seconds)")
            let back = ISOTimestamp.parse(expected)
            let byStyle = try? style.parse(expected)
            #expect(back == byStyle, "\(expected)")
        }
    }

    @Test func leapDaysAndTheEdgesOfMonthsAndYears() {
        for text in [
            "2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2026-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-29T14:05:00.25Z",
        ] {
            let parsed = ISOTimestamp.parse(text)
            #expect(parsed != nil, "\(text)")
            if !text.hasPrefix("0001") { #expect(parsed == ISOTimestamp.parseUTC(text), "the fast reading covers \(text)") }
            let style = text.contains(".") ? Date.ISO8601FormatStyle(includingFractionalSeconds: true) : Date.ISO8601FormatStyle()
            #expect(parsed == (try? style.parse(text)), "\(text)")
        }
    }

    @Test func whatTheFastReadingRefusesTheFormatStyleStillDecides() {
        // Out of range, or another shape: never read by hand.
        for text in ["2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T10:60:00Z",
                     "2026-11-29T10:00:00+01:00", "2026-11-29 10:00:00Z", "2026-11-29T10:00:00", "2026-11-29T10:00:00.Z",
                     "2026-11-29T10:00:00Zjunk", "２026-11-29T10:00:00Z", ""] {
            #expect(ISOTimestamp.parseUTC(text) == nil, "\(text)")
        }
        // An offset is still a valid timestamp.
        #expect(ISOTimestamp.parse("2026-11-29T10:00:00+01:00") == ISOTimestamp.parse("2026-11-29T09:00:00Z"))
        #expect(ISOTimestamp.parse("2026-11-29") == nil)
        #expect(ISOTimestamp.parse("yesterday") == nil)
    }
}
