import CallboardCore
import CallboardStore
import Foundation
import Testing

/// A queue of thousands in the real binary: the first rows come at once, the end and the
/// start are a key away, and the rows are those `callboard today` lists, in its order.
@Suite(.serialized) struct LongQueueEndToEndTests {
    static let zones = ["Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Europe/London"]

    static func leads(_ count: Int) -> [Prospect] {
        (0..<count).map { n in
            let number = String(10_000 + n).dropFirst()
            return Prospect(
                id: ProspectID("p-\(number)"), name: "Lead \(number)", company: "Co \(n % 50)",
                phone: "+1 555 \(100_000 + n)", timeZone: zones[n % zones.count], priority: n % 3 + 1,
                createdAt: Date().addingTimeInterval(-Double(n % 40) * 86_400))
        }
    }

    /// The names of `callboard today`, in its order.
    static func todaysNames(_ fixture: DashboardFixture) throws -> [String] {
        let result = try QueueTimesEndToEndTests.callboard(["today"], fixture)
        return result.output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "Lead [0-9]{4}", options: .regularExpression) else { return nil }
            return String(line[range])
        }
    }

    @Test func theEndAndTheStartOfALongQueueAreAKeyAwayAndInTodaysOrder() throws {
        let fixture = try DashboardFixture(prospects: Self.leads(3000))
        let names = try Self.todaysNames(fixture)
        #expect(names.count == 3000)
        let session = try fixture.start(width: 120, height: 30)
        let first = try session.waitFor(text: "Today's queue (1 of 3000)")
        let rows = first.split(separator: "\n").compactMap { line in
            line.range(of: "Lead [0-9]{4}", options: .regularExpression).map { String(line[$0]) }
        }
        // The queue's rows on screen, and the brief beside them names the first again.
        #expect(Array(rows.prefix(10)) == Array(names.prefix(10)), "\(first)")

        try session.send("End")
        let last = try session.waitFor(text: "Today's queue (3000 of 3000)")
        #expect(last.contains(try #require(names.last)), "\(last)")
        try session.send("k")
        #expect(try session.waitFor(text: "(2999 of 3000)").contains(names[2997]))

        try session.send("g")
        let top = try session.waitFor(text: "Today's queue (1 of 3000)")
        #expect(top.contains(names[0]))
        try session.send("PageDown")
        let paged = try session.waitFor("a page down") { !$0.contains("(1 of 3000)") && $0.contains("of 3000)") }
        let place = try #require(paged.range(of: "\\(([0-9]+) of 3000\\)", options: .regularExpression))
        let number = Int(paged[place].dropFirst().prefix { $0.isNumber }) ?? 0
        #expect(number > 10 && paged.contains(names[number - 1]), "\(paged)")
        try session.send("q")
    }
}
