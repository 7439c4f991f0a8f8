import Foundation
import Testing

@testable import CallboardStore

@Suite("What the seller is told")
struct StoreErrorTests {
    static let cases: [(StoreError, Int32, [String])] = [
        (.badData(file: "/d/prospects.json", problem: "line 3, column 9: expected ','"), 65, ["/d/prospects.json", "line 3, column 9", "left as it is"]),
        (.newerSchema(file: "/d/summaries.json", found: 4, supported: 1), 65, ["/d/summaries.json", "4", "up to 1", "upgrade"]),
        (.missing(path: "/d"), 66, ["/d", "--store"]),
        (.missingMessage(path: "/d/outbox/a.eml"), 66, ["/d/outbox/a.eml"]),
        (.cannotCreate(path: "/d", reason: "Permission denied"), 73, ["/d", "Permission denied"]),
        (.readOnly(directory: "/d"), 73, ["/d", "reading only"]),
        (.io(path: "/d/live-call.json", operation: "Writing", reason: "No space left on device"), 74, ["Writing /d/live-call.json", "No space left"]),
        (.locked(directory: "/d", holder: 4242), 75, ["/d", "pid 4242", "only read"]),
        (.locked(directory: "/d", holder: nil), 75, ["another callboard"]),
        (.noDataDirectory, 78, ["$CALLBOARD_HOME"]),
        (.invalidMessageName("../x"), 65, ["../x"]),
    ]

    @Test(arguments: cases.indices)
    func everyErrorSaysWhereAndWhatAndExitsWithItsSysexitsCode(index: Int) {
        let (error, code, words) = Self.cases[index]
        #expect(error.exitCode == code)
        for word in words { #expect(error.description.contains(word), "\(error.description)") }
        #expect(error.description.hasSuffix("."))
    }
}
