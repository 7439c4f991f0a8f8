import Foundation
import Testing

@testable import CallboardStore

@Suite("Finding the broken spot in a JSON file")
struct JSONSyntaxTests {
    func problem(_ text: String) -> JSONSyntax.Problem? {
        JSONSyntax.firstProblem(in: Data(text.utf8))
    }

    @Test func wellFormedJSONHasNoProblem() {
        #expect(problem("{\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\"], \"b\": {}}\n") == nil)
    }

    @Test func aMissingCommaIsFoundOnItsLine() {
        let found = problem("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(found?.line == 3)
        #expect(found?.column == 3)
        #expect(found?.message.contains("','") == true)
    }

    @Test func aTrailingCommaIsAnError() {
        #expect(problem("[1, 2,]")?.column == 7)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(problem("{\"naïve\": x}")?.column == 11)
    }

    @Test func truncationAndEmptinessAreNamed() {
        #expect(problem("{\"a\": \"unfinished")?.message.contains("truncated") == true)
        #expect(problem("{\"a\": [1, 2")?.message.contains("truncated") == true)
        #expect(problem("{\"a\": ")?.message.contains("truncated") == true)
        #expect(problem("")?.message == "the file is empty")
        #expect(problem(" \n ")?.message == "the file is empty")
    }

    @Test func aRawLineBreakInsideAStringIsExplained() {
        #expect(problem("{\"a\": \"two\nlines\"}")?.message.contains("\\n") == true)
    }
}
