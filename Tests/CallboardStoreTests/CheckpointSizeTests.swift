import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Live-call checkpoint size")
struct CheckpointSizeTests {
    @Test("a ten-minute call of sixty turns and three notes checkpoints in at most 4 KB, and reads back whole")
    func tenMinuteCall() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        let segments = (0..<60).map { turn in
            TalkSegment(speaker: turn.isMultiple(of: 2) ? .prospect : .me, start: Double(turn) * 10, end: Double(turn) * 10 + 9.5)
        }
        let notes = [
            CallNote(text: "Runs three warehouses around Rotterdam, 120 people", tag: .organization, at: 95),
            CallNote(text: "Orders get lost between email and the ERP", tag: .challenge, at: 240),
            CallNote(text: "Wants a pilot in one warehouse before the summer", tag: .requirement, at: 480),
        ]
        let call = Call(
            id: "p-1a2b3c4d@1796544000", prospectID: "p-1a2b3c4d", prospectName: "Anna de Vries",
            prospectCompany: "Rotterdam Logistics B.V.", startedAt: Sample.at(9), segments: segments, notes: notes)
        let checkpoint = LiveCallCheckpoint(call: call, elapsed: 600, savedAt: Sample.at(9, 10))
        try store.writeCheckpoint(checkpoint)
        let size = try Data(contentsOf: store.checkpointFile).count
        #expect(size <= 4096, "the checkpoint is \(size) bytes")
        #expect(try store.checkpoint() == checkpoint)
    }
}
