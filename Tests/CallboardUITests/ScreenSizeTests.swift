import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

/// Every screen at every awkward size: nothing may crash, and below the minimum the size
/// message replaces the dashboard.
@Suite struct ScreenSizeTests {
    /// One state per screen and dialog.
    static var everyScreen: [AppState] {
        var screens: [AppState] = [F.state(), F.state(prospects: []), AppState(zone: F.zone)]
        var call = EndOfCallFlowTests.conversation()
        _ = update(&call, .tick(F.at(200)))
        screens.append(call)
        var note = call
        F.press([.char("n")], &note, at: 200)
        F.type("o: 陈伟 \u{1B}]0;x\u{07} a very long note that will not fit anywhere on a small screen", &note, at: 200)
        screens.append(note)
        var flow = call
        for key in ["e", "y"] {
            F.press([.char(Character(key))], &flow, at: 200)
            screens.append(flow)
        }
        F.type("Carla", &flow, at: 200)
        F.press([.enter, .enter], &flow, at: 200)
        screens.append(flow)
        F.press([.char("6")], &flow, at: 200)
        screens.append(flow)
        F.type("tomorrow 10:00", &flow, at: 200)
        F.press([.enter], &flow, at: 200)
        screens.append(flow)
        var help = call
        F.press([.char("?")], &help, at: 200)
        screens.append(help)
        var quit = call
        F.press([.char("q")], &quit, at: 200)
        screens.append(quit)
        var followUps = FollowUpsPendingTests.state()
        F.press([.char("f")], &followUps, at: 1)
        screens.append(followUps)
        F.press([.enter], &followUps, at: 1)
        screens.append(followUps)
        var review = F.state()
        F.press([.char("r")], &review, at: 1)
        screens.append(review)
        return screens
    }

    @Test func noScreenCrashesAtAnySizeFromZeroUp() {
        let sizes = [0, 1, 2, 3, 5, 8, 13, 17, 18, 19, 24, 30, 59, 60, 61, 79, 80]
        for state in Self.everyScreen {
            for w in sizes {
                for h in sizes {
                    var buffer = CellBuffer(width: w, height: h)
                    render(state, into: &buffer)
                    #expect(!buffer.holdsControlCharacters)
                }
            }
        }
    }

    @Test func belowTheMinimumTheScreenSaysWhatItNeedsAndThatQQuits() {
        let state = F.state()
        for (w, h) in [(59, 30), (100, 17), (40, 10)] {
            let screen = F.screen(state, width: w, height: h)
            expectShows(screen, "Too small", "\(w)×\(h)", "Need 60×18", "q quits")
            expectHides(screen, "Today's queue")
        }
        expectShows(F.screen(state, width: 60, height: 18), "Today's queue")
    }

    @Test func aTinyScreenDuringACallSaysTheCallIsStillTiming() {
        var state = F.state()
        F.press([.enter], &state, at: 0)
        expectShows(F.screen(state, width: 30, height: 8), "Call still timing")
        F.press([.char("q")], &state, at: 1)
        expectShows(F.screen(state, width: 30, height: 8), "Quit?", "y quits")
    }

    @Test func aOneByOneScreenDrawsAtMostOneCell() {
        var buffer = CellBuffer(width: 1, height: 1)
        render(F.state(), into: &buffer)
        #expect(buffer.cells.count == 1)
    }
}
