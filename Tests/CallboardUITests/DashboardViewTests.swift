import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct DashboardViewTests {
    @Test(arguments: [(80, 24), (100, 30), (200, 60)])
    func theThreePanelsAndTheStatusLineAreThere(size: (Int, Int)) {
        var state = F.state(width: size.0, height: size.1)
        let idle = F.screen(state)
        for title in ["Today's queue (3)", "Brief", "Talk", "Referral ask"] {
            expectShows(idle, title)
        }
        #expect(idle.line(size.1 - 1).hasSuffix("2/40 calls · 09:00"))
        #expect(idle.line(size.1 - 1).hasPrefix("? help  Enter start a call"))
        F.press([.enter, .char("p")], &state, at: 0)
        _ = update(&state, .tick(F.at(30)))
        let live = F.screen(state)
        expectShows(live, "Anna de Vries · cold call · 0:30")
        expectShows(live, "prospect 100%")
        #expect(live.line(size.1 - 1).hasPrefix("? help  m I talk  p they talk"))
    }

    @Test func aQueueRowShowsNameCompanyWhyAndTheirLocalTime() throws {
        let screen = F.screen(F.state())
        let anna = try #require(screen.row(containing: "Anna de Vries"))
        for part in ["retry after voicemail", "09:00"] { #expect(screen.lines[anna].contains(part)) }
        let wide = F.screen(F.state(width: 200, height: 40))
        #expect(wide.lines[anna].contains("Acme BV"))
        // 03:00 in New York is outside business hours: bracketed and dimmed.
        let bram = try #require(screen.row(containing: "Bram Jansen"))
        #expect(screen.lines[bram].contains("(03:00)"))
        #expect(screen.style(of: "(03:00)")?.dim == true)
    }

    @Test func wideScreensAddAttemptsAndTheLastOutcome() throws {
        let screen = F.screen(F.state(width: 200, height: 60))
        let anna = try #require(screen.row(containing: "Anna de Vries"))
        #expect(screen.lines[anna].contains("×1"))
        #expect(screen.lines[anna].contains("voicemail"))
    }

    @Test func callbacksAndReferralsSayWhyTheyAreDue() throws {
        var callback = F.bram
        callback.callbackAt = F.start.addingTimeInterval(5.5 * 3600)
        var referral = F.chen
        referral.source = .referral
        referral.referredBy = "anna"
        let screen = F.screen(F.state(width: 200, height: 30, prospects: [F.anna, callback, referral]))
        // Mine first, then theirs: 14:30 in Amsterdam is 08:30 in New York.
        expectShows(screen, "callback 14:30 · 08:30 theirs")
        expectShows(screen, "referral from Anna de Vries")
        callback.callbackAt = F.start.addingTimeInterval(-3 * 86_400 + 3600)
        let overdue = F.screen(F.state(width: 200, height: 30, prospects: [F.anna, callback]))
        expectShows(overdue, "overdue callback Fri 27 Nov 10:00 · 04:00 theirs")
        // Missed, it still leads the queue.
        #expect(try #require(overdue.row(containing: "Bram Jansen")) < (overdue.row(containing: "Anna de Vries") ?? 0))
    }

    @Test func chineseNamesKeepTheColumnsAligned() throws {
        let screen = F.screen(F.state())
        let bram = try #require(screen.row(containing: "Bram Jansen"))
        let chen = try #require(screen.row(containing: "陈伟"))
        #expect(screen.column(of: "new", row: bram) != nil)
        #expect(screen.column(of: "new", row: bram) == screen.column(of: "new", row: chen))
        #expect(screen.column(of: "16:00", row: chen) == screen.column(of: "(03:00)", row: bram))
    }

    @Test func aLongBriefSaysThereIsMoreAndScrollsWithTheArrowsInACall() throws {
        let long = Prospect(
            id: "lena", name: "Lena Long", company: "Wordy BV", phone: "+31 20 555 0199", email: "lena@wordy.example",
            world: Prospect.World(
                organization: "Three sites, 140 people, family owned since 1952, buying through a central office",
                challenges: "Orders lost between email and the ERP; night shift has nobody to call; stock counts drift",
                requirements: "SAP B1 integration, a pilot before Q2, sign-off by the CFO, Dutch-speaking support"),
            createdAt: F.start, lastOutcome: .callback, lastCalledAt: F.start.addingTimeInterval(-86_400),
            lastCallNotes: "Call back after the board meeting")
        var state = F.state(prospects: [long])
        F.press([.enter], &state, at: 1)
        F.type("nAsked about the pilot budget", &state, at: 2)
        F.press([.enter], &state, at: 3)
        let before = F.screen(state)
        expectShows(before, "more lines · ↓ for more")
        #expect(!before.contains("Call back after the board meeting"))
        for _ in 0..<12 { F.press([.down], &state, at: 4) }
        let after = F.screen(state)
        expectShows(after, "Call back after the board meeting")
        #expect(!after.contains("more lines"))
        #expect(state.live != nil, "the arrows never end or change the call")
    }

    /// Every row of every dialog over a brief in Chinese is exactly as wide as the screen:
    /// no wide character half-covered by a dialog spills over its border.
    @Test func dialogsOverWideCharactersKeepEveryRowTheScreensWidth() throws {
        let wide = Prospect(
            id: "chen", name: "陈伟", company: "东京精机株式会社东京精机株式会社", phone: "+86 10 5555 0101",
            world: Prospect.World(organization: "东京精机株式会社东京精机株式会社东京精机株式会社东京精机"), createdAt: F.start)
        var state = F.state(prospects: [wide])
        F.press([.enter, .char("p")], &state, at: 1)
        F.press([.char("e"), .char("n"), .char("4")], &state, at: 30)
        for keys in [[], [Key.char("n")]] {
            F.press(keys, &state, at: 31)
            for width in [80, 97, 100, 101] {
                let screen = F.screen(state, width: width, height: 30)
                for (y, line) in screen.lines.enumerated() {
                    #expect(DisplayWidth.of(text: line) == width, "row \(y) at width \(width): \(line)")
                }
            }
        }
    }

    @Test(arguments: [(80, 24), (100, 30), (60, 18)])
    func escapeSequencesInNamesAreDrawnHarmless(size: (Int, Int)) {
        let hostile = Prospect(
            id: "eve", name: "Eve\u{1B}]0;pwned\u{07}", company: "\u{9B}31mRed\u{1B}[2J",
            title: "CEO\r\nInjected", email: "eve@x.example", notes: "\u{1B}]52;c;Y2xpcA==\u{07}",
            createdAt: F.start)
        var state = F.state(width: size.0, height: size.1, prospects: [hostile])
        F.press([.enter], &state, at: 1)
        let screen = F.screen(state)
        #expect(!screen.holdsControlCharacters)
        expectShows(screen, "Eve]0;pwned")
    }

    @Test func theTalkPanelShowsSharesTheFloorAndTheLongestStretches() {
        let state = EndOfCallFlowTests.conversation()
        var later = state
        _ = update(&later, .tick(F.at(100)))
        let screen = F.screen(later)
        expectShows(screen, "me 33%")
        expectShows(screen, "prospect 67%")
        // A first call to a prospect from a list is a cold call: its band, not discovery's.
        expectShows(screen, "target ≤ 55%")
        expectShows(screen, "I am talking · 0:30")
        expectShows(screen, "My longest monologue: now · limit 2:00", "Their longest story 1:00 · aim 0:30")
    }

    /// A call left running with no key pressed: each second changes the call's timer and
    /// nothing else, so an idle screen sends the terminal a few bytes a second.
    @Test func aQuietSecondBeforeAnyoneSpeaksChangesOnlyTheTimer() {
        var state = F.state()
        F.press([.enter], &state, at: 10)
        _ = update(&state, .tick(F.at(13)))
        let before = F.screen(state)
        _ = update(&state, .tick(F.at(14)))
        let after = F.screen(state)
        expectShows(after, "Anna de Vries · cold call · 0:04", "Switches/min 0.0")
        #expect(!after.contains("silence"))
        let changed = Set(zip(before.cells, after.cells).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset / after.width })
        #expect(changed.count == 1, "rows changed: \(changed.sorted())")
        // Once someone is marked, the silence figure joins the row.
        F.press([.char("p")], &state, at: 20)
        _ = update(&state, .tick(F.at(25)))
        expectShows(F.screen(state), "They are talking · 0:05", "silence 0:10")
    }

    @Test func theNudgeComesAtOneMinuteGrowsAtTwoAndCalmsWhenTheyTalk() {
        var state = F.state()
        F.press([.enter, .char("m")], &state, at: 0)
        _ = update(&state, .tick(F.at(59)))
        expectHides(F.screen(state), "take a breath")
        _ = update(&state, .tick(F.at(60)))
        expectShows(F.screen(state), "You have talked over 1:00: take a breath")
        _ = update(&state, .tick(F.at(120)))
        let strong = F.screen(state)
        expectShows(strong, "Over 2:00 of you talking. Stop and ask")
        #expect(strong.style(of: "Over 2:00 of you")?.reverse == true)
        F.press([.char("p")], &state, at: 121)
        let calm = F.screen(state)
        expectHides(calm, "Stop and ask")
        expectShows(calm, "They are talking · 0:00", "Let them talk.")
        _ = update(&state, .tick(F.at(161)))
        expectShows(F.screen(state), "Let them talk. A real story.")
    }

    @Test func theReferralAskTurnsProminentAfterThreeMinutesOfTalkAndTicksWhenMarked() {
        var state = F.state()
        F.press([.enter, .char("p")], &state, at: 0)
        _ = update(&state, .tick(F.at(179)))
        expectShows(F.screen(state), "Referral ask")
        _ = update(&state, .tick(F.at(180)))
        let loud = F.screen(state)
        expectShows(loud, "Ask for referrals now")
        #expect(loud.style(of: "[ ] Who else")?.bold == true)
        F.press([.char("a")], &state, at: 181)
        let marked = F.screen(state)
        expectHides(marked, "Ask for referrals now")
        expectShows(marked, "[x] Who else might be interested")
        expectShows(marked, "✓ Asked for referrals on this call")
    }

    @Test func theReferralAskIsProminentWhenEnding() {
        var state = EndOfCallFlowTests.conversation()
        F.press([.char("e")], &state, at: 100)
        expectShows(F.screen(state), "Ask for referrals now")
    }

    @Test func theBriefShowsTheirWorldAndTheLastCall() {
        let screen = F.screen(F.state(width: 200, height: 60))
        for text in ["Head of Operations · Acme BV", "Organization", "40 people, two warehouses", "Challenges",
                     "not known yet", "Last call Fri 27 Nov 09:00, voicemail", "Left a message about the pilot"] {
            expectShows(screen, text)
        }
        var state = F.state()
        F.press([.char("j")], &state, at: 1)
        expectShows(F.screen(state), "Their world is not known yet")
    }

    @Test func anEmptyStoreWelcomesWithWhatToDoAndTheKeys() {
        let screen = F.screen(F.state(prospects: []))
        expectShows(screen, "Welcome to callboard")
        expectShows(screen, "callboard add")
        expectShows(screen, "callboard import contacts.csv")
        expectShows(screen, "m I talk")
        expectHides(screen, "Today's queue (")
    }

    @Test func beforeTheStoreAnswersTheScreenSaysItIsOpening() {
        let state = AppState(zone: F.zone, width: 80, height: 24)
        expectShows(F.screen(state), "Opening the store")
    }

    @Test func aStatusMessageTakesTheKeysPlace() {
        var state = F.state()
        _ = update(&state, .failed("The store is locked"))
        let screen = F.screen(state)
        #expect(screen.line(29).hasPrefix("The store is locked"))
        #expect(screen.style(of: "The store is locked")?.role == .bad)
    }

    @Test(arguments: [(60, 18), (80, 24), (100, 30), (200, 60), (61, 19), (999, 3_00)])
    func thePanelsTileTheBodyWithoutOverlap(size: (Int, Int)) {
        let body = Rect(x: 0, y: 0, width: size.0, height: size.1 - 1)
        let layout = DashboardLayout(body)
        let panels = [layout.queue, layout.brief, layout.talk, layout.referrals]
        #expect(panels.map { $0.width * $0.height }.reduce(0, +) == body.width * body.height)
        for (i, a) in panels.enumerated() {
            #expect(a.height >= 5, "panel \(i) at \(size)")
            for b in panels[(i + 1)...] { #expect(a.clipped(to: b).isEmpty) }
        }
    }
}

@Suite struct QueueClockTests {
    @Test func theirLocalTimeFollowsTheClockWithoutRebuildingTheQueue() throws {
        var state = F.state()
        #expect(update(&state, .tick(F.at(3 * 3600 + 60))).isEmpty)
        let screen = F.screen(state)
        let bram = try #require(screen.row(containing: "Bram Jansen"))
        #expect(screen.lines[bram].contains("(06:01)"))
        let anna = try #require(screen.row(containing: "Anna de Vries"))
        #expect(screen.lines[anna].contains("12:01"))
    }
}
