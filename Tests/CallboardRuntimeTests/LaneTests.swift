import Foundation
import Synchronization
import Testing

@testable import CallboardRuntime

@Suite struct LaneTests {
    /// On a disk that stalls, checkpoints asked for meanwhile do not queue up behind each
    /// other: the one being written finishes, then the newest, and none in between.
    @Test func aLaneThatKeepsOnlyTheNewestWritesTheNewestNext() {
        let lane = Lane("checkpoint-test", inline: false, keepsOnlyNewest: true)
        let disk = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let written = Mutex<[Int]>([])
        lane.async {
            started.signal()
            disk.wait()
            written.withLock { $0.append(1) }
        }
        started.wait()
        for number in 2...5 { lane.async { written.withLock { $0.append(number) } } }
        disk.signal()
        #expect(lane.drain(within: 10))
        #expect(written.withLock { $0 } == [1, 5])
        lane.close()
    }

    @Test func anOrdinaryLaneDoesEveryPieceInOrder() {
        let lane = Lane("store-test", inline: false)
        let disk = DispatchSemaphore(value: 0)
        let written = Mutex<[Int]>([])
        lane.async {
            disk.wait()
            written.withLock { $0.append(1) }
        }
        for number in 2...5 { lane.async { written.withLock { $0.append(number) } } }
        disk.signal()
        #expect(lane.drain(within: 10))
        #expect(written.withLock { $0 } == [1, 2, 3, 4, 5])
        lane.close()
    }
}
