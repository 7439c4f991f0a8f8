import CallboardCore
import Testing

@testable import CallboardUI

/// What one second of a live call changes on a 100×30 screen, in every state. The terminal
/// pays about 8 bytes to move to each run of changed cells and 11 to 20 for its colour and
/// attributes, so the number of runs, and whether they differ in more than colour, is what
/// keeps a second under 64 bytes (the benchmark's P3 measures the real bytes).
@Suite struct QuietTickTests {
    typealias F = AppFixture

    /// The runs of changed cells between two frames: (row, first column, cells).
    static func changedRuns(_ before: CellBuffer, _ after: CellBuffer) -> [(y: Int, x: Int, cells: [Cell])] {
        var runs: [(y: Int, x: Int, cells: [Cell])] = []
        for y in 0..<after.height {
            var x = 0
            while x < after.width {
                guard before[x, y] != after[x, y] else { x += 1; continue }
                let start = x
                var cells: [Cell] = []
                while x < after.width, before[x, y] != after[x, y] { cells.append(after[x, y]); x += 1 }
                runs.append((y, start, cells))
            }
        }
        return runs
    }

    /// Ticks second by second from `from` to `to` and checks each second's change: at most
    /// `maxRuns` runs of a few cells, all with the same attributes (only the colour may
    /// change between them, a dozen bytes instead of a reset and a full set).
    static func expectQuiet(
        _ state: AppState, from: Int, to: Int, maxRuns: Int, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var state = state
        _ = update(&state, .tick(F.at(Double(from))))
        var before = F.screen(state)
        for second in (from + 1)...to {
            _ = update(&state, .tick(F.at(Double(second))))
            let after = F.screen(state)
            let runs = changedRuns(before, after)
            let described = runs.map { "row \($0.y) col \($0.x) \"\($0.cells.map(\.text).joined())\"" }
            #expect(runs.count <= maxRuns, "\(label), second \(second): \(described)", sourceLocation: sourceLocation)
            #expect(runs.allSatisfy { $0.cells.count <= 4 }, "\(label), second \(second): \(described)", sourceLocation: sourceLocation)
            let attributes = Set(runs.flatMap(\.cells).map { [$0.style.bold, $0.style.dim, $0.style.reverse, $0.style.underline] })
            #expect(attributes.count <= 1, "\(label), second \(second): \(described)", sourceLocation: sourceLocation)
            before = after
        }
    }

    static func call(_ keys: [Key], at t: Double = 0) -> AppState {
        var state = F.state()
        F.press([.enter] + keys, &state, at: t)
        return state
    }

    @Test func aSecondWithNobodyMarkedChangesOnlyTheTimer() {
        Self.expectQuiet(Self.call([]), from: 2, to: 20, maxRuns: 1, "nobody marked")
    }

    @Test func aSecondOnHoldChangesOnlyTheTimer() {
        Self.expectQuiet(Self.call([.char("m"), .char("s")]), from: 2, to: 20, maxRuns: 1, "on hold")
    }

    /// My talk: the timer and the floor line tick; the longest monologue says "now"
    /// rather than repeat the floor's figure, and the nudges name their threshold.
    @Test func aSecondOfMyTalkChangesTheTimerAndTheFloorOnly() {
        let state = Self.call([.char("m")])
        Self.expectQuiet(state, from: 2, to: 30, maxRuns: 2, "me talking")
        Self.expectQuiet(state, from: 61, to: 75, maxRuns: 2, "me talking, gentle nudge")
        Self.expectQuiet(state, from: 121, to: 135, maxRuns: 2, "me talking, strong nudge")
        var later = state
        _ = update(&later, .tick(F.at(30)))
        expectShows(F.screen(later), "I am talking · 0:30", "My longest monologue: now · limit 2:00")
    }

    @Test func aSecondOfTheirTalkChangesTheTimerAndTheFloorOnly() {
        let state = Self.call([.char("p")])
        // At 0:30 their story reaches a cold call's aim: the row says so once.
        Self.expectQuiet(state, from: 2, to: 29, maxRuns: 2, "prospect talking")
        Self.expectQuiet(state, from: 30, to: 50, maxRuns: 2, "prospect talking, a real story")
        var later = state
        _ = update(&later, .tick(F.at(20)))
        expectShows(F.screen(later), "They are talking · 0:20", "Their longest story: now · aim 0:30", "Let them talk.")
    }

    /// Once the floor has passed back and forth, the longest stretches are figures again
    /// and stay still while someone else talks.
    @Test func aSecondAfterTheFloorChangedHandsKeepsTheLongestStretchesStill() {
        var state = Self.call([.char("m")])
        F.press([.char("p")], &state, at: 20)
        F.press([.char("m")], &state, at: 50)
        F.press([.char("p")], &state, at: 55)
        var later = state
        _ = update(&later, .tick(F.at(58)))
        expectShows(F.screen(later), "My longest monologue 0:20 · limit 2:00", "Their longest story 0:30")
    }
}
