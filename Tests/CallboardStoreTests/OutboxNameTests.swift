import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Outbox file names")
struct OutboxNameTests {
    @Test("a follow-up for a call whose id holds @ and / is written and read back")
    func callIDsMakeUsableNames() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        for id in ["p-1a2b3c4d@1796544000", "c1/r2", "../../etc/passwd", ""] {
            let name = Store.messageName(for: CallID(id))
            #expect(name.hasSuffix(".eml"))
            #expect(!name.hasPrefix("."))
            let url = try store.writeOutboxMessage(Data("Subject: hi\r\n\r\nbody".utf8), name: name)
            #expect(url.deletingLastPathComponent().standardizedFileURL == store.outboxDirectory.standardizedFileURL)
            #expect(try store.readOutboxMessage(name: name) == Data("Subject: hi\r\n\r\nbody".utf8))
        }
        #expect(Store.messageName(for: "p-1a2b3c4d@1796544000") == "p-1a2b3c4d-1796544000.eml")
    }
}
