import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// The export reads prospects a bucket at a time and keeps only where each one's bytes
/// are; they must come out as `prospects()` gives them, in the same order, whatever
/// their text holds.
@Suite struct FiledProspectsTests {
    /// Names with what a scan for the elements could trip on: quotes, backslashes,
    /// brackets and braces inside strings, and the key the scan looks for.
    static let names = [
        #"Anna "the boss" de Vries"#, #"back\slash \" and }"#, "[bracketed] {braced}", #"prospects": ["#,
        "Zoë 日本 \u{202E}", "plain",
    ]

    static func prospects(_ count: Int) -> [Prospect] {
        (0..<count).map { i in
            var prospect = Sample.prospect("p-\(i)", name: names[i % names.count] + " \(i)")
            // Filed out of their id order, some at the same moment.
            prospect.createdAt = Sample.utc(1 + (i * 7) % 20, 8, second: Double(i % 3))
            prospect.notes = i % 2 == 0 ? "line one\nline two, \"quoted\" ]" : ""
            return prospect
        }
    }

    @Test func theyComeOneAtATimeAsAllAtOnceInFilingOrder() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: Self.prospects(300))
        var visited: [ProspectID] = []
        let filed = try store.filedProspects { visited.append($0.id) }
        var ordered: [Prospect] = []
        try filed.forEach { ordered.append($0) }
        let all = try store.prospects()
        #expect(ordered == all)
        #expect(Set(visited) == Set(all.map(\.id)))
        #expect(visited.count == all.count)
    }

    /// A writer may replace a bucket while an export walks the prospects: the export reads
    /// the bucket as it was when it began.
    @Test func aBucketReplacedMeanwhileIsReadAsItWas() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: Self.prospects(120))
        let before = try store.prospects()
        let filed = try store.filedProspects()
        var changed = before[5]
        changed.notes = String(repeating: "a much longer note ", count: 50)
        try store.upsert(prospect: changed)
        try store.upsert(prospect: Sample.prospect("p-new"))
        var ordered: [Prospect] = []
        try filed.forEach { ordered.append($0) }
        #expect(ordered == before)
    }

    /// The element scan finds each prospect's object, and nothing inside strings.
    @Test func theScanFindsTheElementsOfTheNamedArrayOnly() {
        let text = #"{"other": [{"a": "]"}], "prospects" : [ {"x": "\"}{"}, {"y": [1, {"z": "prospects"}]} ], "schemaVersion": 1}"#
        let data = Data(text.utf8)
        let ranges = JSONElements.ranges(ofArray: "prospects", in: data) ?? []
        let elements = ranges.map { String(decoding: data[$0], as: UTF8.self) }
        #expect(elements == [#"{"x": "\"}{"}"#, #"{"y": [1, {"z": "prospects"}]}"#])
        #expect(JSONElements.ranges(ofArray: "prospects", in: Data(#"{"days": []}"#.utf8)) == nil)
    }
}
