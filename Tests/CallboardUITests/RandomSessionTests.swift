import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Long seeded sessions of random keys, ticks, resizes and effect answers: the state must
/// stay coherent and every frame drawable, whatever the seller mashes.
@Suite struct RandomSessionTests {
    /// A small deterministic generator, so a failure replays exactly.
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    static let keys: [Key] = {
        var keys = Keymap.bindings.flatMap(\.keys)
        keys += "abcdefghijklmnopqrstuvwxyzESX0123456789:, @陈".map { Key.char($0) }
        keys += [.char("\u{1B}"), .char("\u{07}"), .backspace, .delete, .left, .right, .home, .end, .ctrl("u"),
                 .ctrl("o"), .pageUp, .function(1), .backTab]
        return keys
    }()

    func check(_ state: AppState, step: Int, seed: UInt64) {
        let where_ = "seed \(seed), step \(step)"
        #expect(state.queue.isEmpty ? state.selection == 0 : state.queue.indices.contains(state.selection), "\(where_)")
        switch state.mode {
        case .call, .note, .endOfCall: #expect(state.live != nil, "\(where_): \(state.mode) without a call")
        case .queue, .addProspect, .recovery, .followUps, .review: #expect(state.live == nil, "\(where_): \(state.mode) during a call")
        }
        if case .followUps(let browser) = state.mode, !state.pendingFollowUps.isEmpty {
            #expect(state.pendingFollowUps.indices.contains(browser.selection), "\(where_)")
        }
        #expect(!(state.showingHelp && state.confirmingQuit), "\(where_)")
    }

    @Test(arguments: TestSeed.list([1, 2, 4, 5]))
    func aLongRandomSessionStaysCoherent(seed: UInt64) {
        TestSeed.announce("RandomSessionTests", seed)
        var dice = Dice(state: seed)
        var state = FollowUpsPendingTests.state()
        var t = 0.0
        var lastSave: CallID?
        var visited: Set<KeyContext> = []
        var saves = 0
        for step in 0..<2500 {
            t += Double(dice.next(20))
            let moment = F.at(t)
            let event: Event
            switch dice.next(20) {
            case 0: event = .tick(moment)
            case 1: event = .resize(width: 40 + dice.next(90), height: 12 + dice.next(33))
            case 2: event = .saved(lastSave ?? "none")
            case 3: event = .failed("the disk is full")
            case 4: event = .edited(dice.next(2) == 0 ? .note : .followUpDraft, text: "Subject: x\n\nedited \u{1B}[2J")
            default:
                // Mostly keys that mean something here, so the session gets deep into the app.
                let useful = Keymap.bindings(in: state.keyContext).flatMap(\.keys)
                let pool = dice.next(10) < 7 && !useful.isEmpty ? useful : Self.keys
                event = .key(pool[dice.next(pool.count)], moment)
            }
            for effect in update(&state, event) {
                switch effect {
                case .fileCall(let call, _, _), .updateCall(let call):
                    lastSave = call.id
                    saves += 1
                default: break
                }
            }
            visited.insert(state.keyContext)
            check(state, step: step, seed: seed)
            if step % 25 == 0 {
                var buffer = CellBuffer(width: dice.next(210), height: dice.next(70))
                render(state, into: &buffer)
                #expect(!buffer.holdsControlCharacters, "seed \(seed), step \(step)")
            }
        }
        // The session must have reached the deep parts of the app to prove anything.
        #expect(visited.isSuperset(of: [.call, .outcome, .note, .followUps]), "visited only \(visited)")
        #expect(saves > 0)
    }
}
