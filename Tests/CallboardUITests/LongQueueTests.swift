import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// A queue too long to hold whole: the dashboard holds a stretch of it, says where the
/// cursor is in the whole, and asks the store for the rest as the seller moves.
@Suite struct LongQueueTests {
    typealias F = AppFixture

    /// Rows 0–2 of a queue of 100,000, as the store sends them.
    func longQueue() -> AppState {
        var state = F.state(prospects: [])
        let entries = F.prospects.map { QueueEntry(prospect: $0, reason: .new) }
        let window = QueueWindow(entries: entries, offset: 0, count: 100_000)
        _ = update(&state, .loaded(StoreSnapshot(prospects: F.prospects, window: window), F.at(1)))
        return state
    }

    @Test func theTitleCountsTheWholeQueueAndTheCursorsPlaceInIt() {
        let state = longQueue()
        #expect(state.queueCount == 100_000)
        #expect(F.screen(state).text.contains("Today's queue (1 of 100000)"))
    }

    @Test func movingPastTheRowsHeldAsksForTheNextOnes() {
        var state = longQueue()
        #expect(F.press([.down, .down], &state, at: 2).isEmpty)
        #expect(state.selection == 2)
        #expect(F.press([.down], &state, at: 3) == [.loadQueue(from: 3 - AppState.rowsAround, select: 3)])
        // The store's answer: rows 0–2 again is not it; rows 3–5 are.
        let next = [F.anna, F.bram, F.chen].map { QueueEntry(prospect: $0, reason: .due) }
        _ = update(&state, .queueLoaded(QueueWindow(entries: next, offset: 3, count: 100_000), select: 3, F.at(4)))
        #expect(state.selectedEntry?.id == F.anna.id)
        #expect(F.screen(state).text.contains("Today's queue (4 of 100000)"))
    }

    @Test func endAndHomeJumpToTheLastAndTheFirst() {
        var state = longQueue()
        #expect(F.press([.end], &state, at: 2) == [.loadQueue(from: 99_999 - AppState.rowsAround, select: 99_999)])
        #expect(F.press([.char("G")], &state, at: 2) == [.loadQueue(from: 99_999 - AppState.rowsAround, select: 99_999)])
        let last = [QueueEntry(prospect: F.chen, reason: .new)]
        _ = update(&state, .queueLoaded(QueueWindow(entries: last, offset: 99_999, count: 100_000), select: 99_999, F.at(3)))
        #expect(state.selectedEntry?.id == F.chen.id)
        #expect(F.press([.home], &state, at: 4) == [.loadQueue(from: -AppState.rowsAround, select: 0)])
    }

    @Test func aProspectAddedToALongQueueHasTheStoreReadTheSameStretchAgain() {
        var state = longQueue()
        _ = F.press([.down], &state, at: 2)
        let dora = Prospect(id: "p-dora", name: "Dora Added", createdAt: F.start)
        // The store orders a long queue: the rows held are read again, the cursor kept.
        #expect(update(&state, .prospectAdded(dora)) == [.loadQueue(from: 0, select: 1)])
    }

    /// A call filed as "do not call" in a long queue: until the store sends the stretch
    /// again, the row is gone already, so Enter calls the next one, never her again.
    @Test func aProspectTheSaveTookOutOfTheQueueLeavesTheHeldRowsAtOnce() throws {
        var state = longQueue()
        F.press([.enter], &state, at: 2)
        let first = try #require(state.live?.prospect)
        F.press([.char("p")], &state, at: 3)
        F.press([.char("e"), .char("n"), .char("8"), .enter], &state, at: 60)
        let effects = F.press([.char("x")], &state, at: 61)
        guard case .fileCall(let call, _, _)? = effects.first else {
            Issue.record("expected the call to be filed, got \(effects)")
            return
        }
        var closed = first
        closed.status = .doNotCall
        let filed = FiledCall(call: call, prospect: closed, prospects: [closed], referralFilings: [])
        let after = update(&state, .callFiled(filed, send: false))
        #expect(after.contains(.loadQueue(from: 0, select: 0)))
        #expect(!state.queue.contains { $0.id == first.id }, "no row for her while the stretch is read again")
        #expect(state.queueCount == 99_999)
        F.press([.enter], &state, at: 70)
        #expect(state.live != nil)
        #expect(state.live?.prospect.id != first.id)
    }

    /// A new day asks the store once for its queue; a load that fails is reported, not
    /// asked for again on every tick.
    @Test func aNewDayLoadsOnce() {
        var state = longQueue()
        let tomorrow = F.at(24 * 3600 + 60)
        #expect(update(&state, .tick(tomorrow)).contains(.load))
        _ = update(&state, .failed("queue.json: the disk is full"))
        #expect(!update(&state, .tick(F.at(24 * 3600 + 61))).contains(.load))
        #expect(!update(&state, .tick(F.at(24 * 3600 + 120))).contains(.load))
    }

    /// The next stretch is read in the order the held one was worked out in, so paging
    /// across the hour never skips or repeats a row; a save orders the queue anew.
    @Test func laterStretchesKeepTheOrderOfTheFirst() {
        var state = F.state(prospects: [])
        let orderedAt = F.start.addingTimeInterval(30)
        let entries = F.prospects.map { QueueEntry(prospect: $0, reason: .new) }
        let window = QueueWindow(entries: entries, offset: 0, count: 100_000, orderedAt: orderedAt)
        _ = update(&state, .loaded(StoreSnapshot(prospects: F.prospects, window: window), F.at(1)))
        #expect(F.press([.end], &state, at: 3700)
            == [.loadQueue(from: 99_999 - AppState.rowsAround, select: 99_999, orderedAt: orderedAt)])
        let dora = Prospect(id: "p-dora", name: "Dora Added", createdAt: F.start)
        #expect(update(&state, .prospectAdded(dora)) == [.loadQueue(from: 0, select: 0, orderedAt: nil)])
    }

    @Test func aShortQueueIsHeldWholeAndOrderedHere() {
        var state = F.state()
        #expect(state.queueLength == nil)
        #expect(F.press([.end], &state, at: 2).isEmpty)
        #expect(state.selection == state.queue.count - 1)
        #expect(F.press([.home], &state, at: 3).isEmpty)
        #expect(state.selection == 0)
    }
}
