import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct ReviewScreenTests {
    typealias F = ReviewScreenFixtures

    /// The column at which `needle` starts on row `y`, counting display columns.
    func column(of needle: String, in buffer: CellBuffer, row y: Int) -> Int? {
        var text = ""
        var columns: [Int] = []
        for x in 0..<buffer.width where !buffer[x, y].isContinuation {
            for _ in buffer[x, y].text { columns.append(x) }
            text += buffer[x, y].text
        }
        guard let range = text.range(of: needle) else { return nil }
        return columns[text.distance(from: text.startIndex, to: range.lowerBound)]
    }

    @Test func eachCallingBlockOfTheDayShowsUnderTheSummary() throws {
        let blocks = [
            CallingBlockSummary(startedAt: F.at(9, 10), seconds: 1_800, dials: 12, connects: 4, wrapUpSeconds: 360, skipped: 2),
            CallingBlockSummary(startedAt: F.at(14, 0), seconds: 600, dials: 5, connects: 0, wrapUpSeconds: 60, skipped: 0),
        ]
        let state = ReviewState(
            day: F.today, today: F.today, calls: [F.good, F.noMarks, F.talky], prospects: F.prospects,
            summaries: F.summaries, dailyGoal: 40, zone: F.zone, blocks: blocks)
        let screen = F.screen(state, width: 120, height: 30)
        #expect(screen.line(5).hasPrefix(
            "Blocks 09:10 12 dials · 4 connects · 24/h · 30:00 · 14:00 5 dials · 0 connects · 30/h · 10:00"))
        // The calls still follow, below it.
        #expect((F.row(screen, containing: "▸ 09:14")?.0 ?? 0) > 5, "\(screen.lines.joined(separator: "\n"))")
        // A day without blocks keeps its summary as it was.
        #expect(!F.screen(F.state(), width: 120, height: 30).lines.contains { $0.hasPrefix("Block") })
    }

    @Test func at80x24TheDayItsCallsTimelineAndTrendAllShow() throws {
        let screen = F.screen(F.state(), width: 80, height: 24)
        #expect(screen.line(0).hasPrefix("Review · Sunday 29 Nov 2026 (today)"))
        #expect(screen.line(0).hasSuffix("←/→ day  t today  Enter detail  Esc back"))
        #expect(screen.line(1).hasPrefix("Dials 3 · Conversations 2 · On calls 8:20 · Goal 3/40 █░░░░░░░░░ 8%"))
        #expect(screen.line(2).hasPrefix("My share 50% █████░░░░░ target ≤43% · Inside the band 1/2"))
        #expect(screen.line(3) == "Referral asks 1/2 · Referrals gained 2 · Follow-ups sent 1, pending 1")
        // Calls saved before questions were counted show none rather than a zero.
        #expect(screen.line(4) == "Questions – · Their story avg 1:50, max 3:00 · My longest 2:40")
        let header = try #require(F.row(screen, containing: "Prospect"))
        #expect(header.1.contains("Time") && header.1.contains("Outcome") && header.1.contains("Follow-up"))

        let anna = try #require(F.row(screen, containing: "▸ 09:14"))
        #expect(anna.1.contains("Anna de Vr…"))
        #expect(anna.1.contains("4:00"))
        #expect(anna.1.contains("callback"))
        #expect(anna.1.contains("█░░░░  25%"))
        #expect(anna.1.contains("✓+2"))
        #expect(anna.1.contains("sent"))
        let chen = try #require(F.row(screen, containing: "陈伟"))
        #expect(chen.1.contains("not inter…"))
        #expect(chen.1.contains("████░  80%"))
        #expect(chen.1.contains("2:40"))
        #expect(chen.1.contains("✗"))
        #expect(chen.1.contains("pending"))
        let bob = try #require(F.row(screen, containing: "10:05"))
        #expect(bob.1.contains("Bob [2JBau…"))
        #expect(bob.1.contains("░░░░░    –"))

        #expect(screen.contains("Who talked when · 09:14 Anna de Vries"))
        #expect(screen.contains("█ me  ▒ prospect  · silence  ─ hold"))
        #expect(screen.contains("Notes Moving warehouses in March"))
        #expect(screen.contains("Trend           last 7 days     last 30 days"))
        // Little room: the trend in words under the first sparklines.
        #expect(screen.line(21).hasPrefix("questions/conv"))
        #expect(screen.line(23) == "This week is in line with your last 30 days.")
        #expect(!screen.text.contains("\u{1B}"))
    }

    @Test func wideNamesKeepTheColumnsInLine() throws {
        let screen = F.screen(F.state(), width: 80, height: 24)
        let rows = try [
            #require(F.row(screen, containing: "Anna")).0, #require(F.row(screen, containing: "陈伟")).0,
            #require(F.row(screen, containing: "10:05")).0,
        ]
        let starts = rows.map { column(of: "%", in: screen, row: $0) ?? column(of: "–", in: screen, row: $0) }
        #expect(Set(starts).count == 1)
        let outcomes = [
            column(of: "callback", in: screen, row: rows[0]), column(of: "not inter", in: screen, row: rows[1]),
            column(of: "no answer", in: screen, row: rows[2]),
        ]
        #expect(Set(outcomes).count == 1)
    }

    @Test func inMonochromeTheCharactersCarryTheMeaning() throws {
        // Strip every style: what is left must still tell me from the prospect, a share in
        // the band from one above it, and a day without calls from a quiet one.
        let screen = F.screen(F.state(), width: 80, height: 24)
        let strip = try #require(F.row(screen, containing: "Who talked when")).0 + 1
        let line = screen.lines[strip]
        // 60 s of me then 180 s of the prospect across 80 columns.
        #expect(line == String(repeating: "█", count: 20) + String(repeating: "▒", count: 60))
        let share = try #require(F.row(screen, containing: "my share"))
        #expect(share.1.hasPrefix("my share         ▆  ▃ ▅ 50%"))
        let story = try #require(F.row(screen, containing: "their story"))
        #expect(story.1.hasPrefix("their story           █ 1:50"))
        // Selection is a marker, not only a colour.
        #expect(screen.lines.filter { $0.hasPrefix("▸") }.count == 1)
    }

    @Test func shareBarsAreColouredByTheBand() throws {
        let screen = F.screen(F.state(), width: 80, height: 24)
        let anna = try #require(F.row(screen, containing: "Anna")).0
        let chen = try #require(F.row(screen, containing: "陈伟")).0
        let annaBar = try #require(column(of: "█░░░░", in: screen, row: anna))
        let chenBar = try #require(column(of: "████░", in: screen, row: chen))
        #expect(screen[annaBar, anna].style.role == .good)
        #expect(screen[chenBar, chen].style.role == .bad)
        let strip = try #require(F.row(screen, containing: "Who talked when")).0 + 1
        #expect(screen[0, strip].style.role == .me)
        #expect(screen[79, strip].style.role == .prospect)
    }

    /// A message left on a voicemail is no share of a talk: a dash, not "100 %".
    @Test func aVoicemailHasNoShare() throws {
        let voicemail = Call(
            id: "dana@1", prospectID: "dana", startedAt: F.at(13, 0),
            segments: [TalkSegment(speaker: .me, start: 5, end: 30)], duration: 30, outcome: .voicemail,
            referralAsk: .notApplicable)
        let screen = F.screen(F.state(calls: [voicemail]), width: 80, height: 24)
        let row = try #require(F.row(screen, containing: "Dana Mills"))
        #expect(!row.1.contains("100%") && !row.1.contains("█"))
        #expect(row.1.contains("voicemail  ░░░░░    –"))
    }

    @Test func at200x60EverythingHasRoom() throws {
        let screen = F.screen(F.state(), width: 200, height: 60)
        #expect(screen.line(0).hasSuffix("←/→ day  t today  j/k call  Enter detail  Esc back"))
        let header = try #require(F.row(screen, containing: "Prospect"))
        #expect(header.1.contains("Length") && header.1.contains("Monologue") && header.1.contains("Referral"))
        let chen = try #require(F.row(screen, containing: "陈伟"))
        #expect(chen.1.contains("北京贸易"))
        #expect(chen.1.contains("not interested"))
        #expect(chen.1.contains("██████████░░  80%"))
        let strip = try #require(F.row(screen, containing: "Who talked when")).0 + 1
        #expect(screen.lines[strip] == String(repeating: "█", count: 50) + String(repeating: "▒", count: 150))
        let share = try #require(F.row(screen, containing: "my share"))
        // 30 days: the 20-days-ago day, the two of last week, and today.
        let month = String(share.1.dropFirst(32).prefix(30))
        #expect(month.filter { $0 != " " }.count == 4)
        #expect(screen.line(55).hasPrefix("follow-ups sent"))
        #expect(screen.line(56) == "This week is in line with your last 30 days.")
    }

    @Test func aDayWithoutCallsSaysSo() {
        let screen = F.screen(F.state(calls: [], day: F.today.adding(days: -1)), width: 80, height: 24)
        #expect(screen.line(0) .hasPrefix("Review · Saturday 28 Nov 2026"))
        #expect(!screen.line(0).contains("(today)"))
        #expect(screen.contains("No calls on Saturday 28 Nov 2026."))
        #expect(screen.contains("Dials 0 · Conversations 0"))
        #expect(screen.contains("My share – ░░░░░░░░░░"))
        #expect(!screen.contains("Who talked when"))
        #expect(screen.contains("Trend"))
    }

    @Test func whileTheNextDayLoadsTheScreenSaysSo() {
        var state = F.state()
        _ = state.handle(.char("h"))
        let screen = F.screen(state, width: 80, height: 24)
        #expect(screen.contains("Loading Saturday 28 Nov 2026…"))
    }

    @Test func theDetailShowsTheWholeCall() throws {
        var state = F.state()
        _ = state.handle(.enter)
        let screen = F.screen(state, width: 80, height: 24)
        #expect(screen.line(0).hasSuffix("j/k call  Esc back"))
        #expect(screen.contains("09:14  Anna de Vries · Acme Logistics · 4:00 · callback"))
        #expect(screen.contains("Me 1:00 · Prospect 3:00 · Silence 0:00 · Longest monologue 1:00"))
        #expect(screen.contains("My share 25% ███░░░░░░░ target ≤43% · Referral asked ✓"))
        #expect(screen.contains("Referrals Eve Ref, Finn Ref · Follow-up sent “Thank you”"))
        #expect(screen.contains("    1:35  [challenge] Moving warehouses in March"))
        let strip = try #require(F.row(screen, containing: "Who talked when")).0 + 1
        #expect(screen.lines[strip].hasPrefix("████████████████████▒"))
        #expect(!screen.contains("Time  Prospect"))
    }

    @Test func theDetailShowsTheNextStepWithItsZone() throws {
        var call = F.good
        call.nextStepAt = F.at(10, 0).addingTimeInterval(2 * 86_400)
        var state = F.state(calls: [call])
        _ = state.handle(.enter)
        let screen = F.screen(state, width: 80, height: 24)
        let zone = F.state().zone.identifier
        #expect(screen.contains("Next step Tue 1 Dec 10:00 (\(zone))"), "\(screen.lines.joined(separator: "\n"))")
    }

    @Test func theDetailOfACallWithNoMarksIsAllHold() throws {
        var state = F.state()
        _ = state.handle(.char("j"))
        _ = state.handle(.enter)
        let screen = F.screen(state, width: 80, height: 24)
        let strip = try #require(F.row(screen, containing: "Who talked when")).0 + 1
        #expect(screen.lines[strip] == String(repeating: "─", count: 80))
        #expect(screen.contains("No notes on this call."))
        #expect(screen.contains("My share –"))
    }

    @Test func manyCallsScrollToKeepTheSelectionInView() {
        let calls = (0..<30).map { i in
            Call(
                id: CallID("dana@\(i)"), prospectID: "dana", startedAt: F.at(8, 0).addingTimeInterval(Double(i) * 600),
                segments: [TalkSegment(speaker: .prospect, start: 0, end: 30)], duration: 30, outcome: .callback)
        }
        var state = F.state(calls: calls)
        for _ in 0..<29 { _ = state.handle(.char("j")) }
        let screen = F.screen(state, width: 80, height: 24)
        #expect(screen.contains("▸ 12:50 Dana Mills"))
        #expect(!screen.contains("08:00 Dana Mills"))
    }

    @Test func aTinyScreenKeepsTheTitleAndDrawsNothingOutside() {
        for (w, h) in [(1, 1), (20, 3), (40, 10), (79, 13)] {
            var buffer = CellBuffer(width: w + 4, height: h + 4)
            F.state().render(into: &buffer, in: Rect(x: 2, y: 2, width: w, height: h))
            #expect(buffer.line(0).isEmpty && buffer.line(1).isEmpty)
            #expect(buffer.lines[2].hasPrefix("  R"))
            for y in 0..<buffer.height {
                #expect(buffer[0, y] == .blank && buffer[1, y] == .blank)
                #expect(buffer[w + 2, y] == .blank)
            }
        }
    }
}

@Suite struct ReviewCutTests {
    /// A review row too long for the screen ends in "…", never mid-word with no sign.
    @Test func aRowTooLongEndsInAnEllipsis() {
        var buffer = CellBuffer(width: 30, height: 1)
        var row = RowWriter(Rect(x: 0, y: 0, width: 30, height: 1))
        row.put("Notes ", in: &buffer)
        row.put("200 staff, three warehouses · pickers walk too much", in: &buffer)
        #expect(buffer.line(0) == "Notes 200 staff, three wareho…")
    }
}
