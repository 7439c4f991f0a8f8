import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

/// Every refusal of a store file says where in the file: line and column, for broken text
/// and for valid JSON with a value callboard cannot use alike.
@Suite("JSON errors have a position")
struct JSONPositionTests {
    func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(prospects: [Sample.prospect("p-1")])
        try handWrite(text, to: store.prospectFile("p-1"))
        do {
            _ = try store.prospects()
        } catch {
            guard case .badData(_, let problem) = error else { return error.description }
            return problem
        }
        Issue.record("the file was accepted", sourceLocation: sourceLocation)
        return ""
    }

    @Test func aLoneSurrogateEscapeIsPlaced() throws {
        let problem = try refusal(
            "{\"schemaVersion\": 1, \"prospects\": [\n  {\"id\": \"p-1\", \"name\": \"An\\ud800na\", \"createdAt\": \"2026-11-01T08:00:00Z\"}\n]}")
        #expect(problem.contains("line 2, column 28"), "\(problem)")
        #expect(problem.contains("surrogate"), "\(problem)")
    }

    @Test func aLowSurrogateAloneIsPlacedToo() {
        let found = JSONSyntax.firstProblem(in: Data("[\"\\udc00\"]".utf8))
        #expect(found?.column == 3)
        #expect(JSONSyntax.firstProblem(in: Data("[\"\\ud83d\\ude00\"]".utf8)) == nil)
    }

    @Test func aFractionalSchemaVersionIsPlaced() throws {
        let problem = try refusal("{\n  \"schemaVersion\": 1.5,\n  \"prospects\": []\n}")
        #expect(problem.contains("line 2, column 20"), "\(problem)")
        #expect(problem.contains("schemaVersion"), "\(problem)")
    }

    @Test func aHugeWholeNumberIsPlaced() throws {
        let problem = try refusal(
            "{\"schemaVersion\": 1, \"prospects\": [\n  {\"id\": \"p-1\", \"name\": \"Anna\", \"priority\": 12345678901234567890123, \"createdAt\": \"2026-11-01T08:00:00Z\"}\n]}")
        #expect(problem.contains("line 2, column 45"), "\(problem)")
        #expect(problem.contains("prospects[0].priority"), "\(problem)")
    }

    @Test func aWrongTypeIsPlacedByLineAndKeyPath() throws {
        let problem = try refusal(
            "{\"schemaVersion\": 1, \"prospects\": [\n  {\"id\": \"p-1\", \"name\": 7, \"createdAt\": \"2026-11-01T08:00:00Z\"}\n]}")
        #expect(problem.contains("line 2, column 25"), "\(problem)")
        #expect(problem.contains("prospects[0].name"), "\(problem)")
    }

    @Test func theValueAtAKeyPathIsFound() {
        let data = Data("{\"a\": [1, {\"b\": \"x\\\"y\", \"c\": [true, null]}]}".utf8)
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) { self.intValue = intValue; stringValue = "\(intValue)" }
        }
        let place = JSONSyntax.position(of: [Key(stringValue: "a"), Key(intValue: 1), Key(stringValue: "c"), Key(intValue: 1)], in: data)
        #expect(place?.line == 1)
        #expect(place?.column == 37)
    }
}
