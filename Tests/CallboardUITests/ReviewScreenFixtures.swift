import CallboardCore
import Foundation

@testable import CallboardUI

/// A reviewed day in Amsterdam: three calls and a week of stored summaries before it.
enum ReviewScreenFixtures {
    static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    static let today = CalendarDay(year: 2026, month: 11, day: 29)
    static let created = Date(timeIntervalSince1970: 1_700_000_000)

    static func at(_ hour: Int, _ minute: Int) -> Date {
        today.at(hour: hour, minute: minute, in: zone) ?? created
    }

    static let prospects = [
        Prospect(id: "anna", name: "Anna de Vries", company: "Acme Logistics", createdAt: created),
        Prospect(id: "bob", name: "Bob \u{1B}[2JBauer", company: "Pipe|Works", createdAt: created),
        Prospect(id: "chen", name: "陈伟", company: "北京贸易", createdAt: created),
        Prospect(id: "dana", name: "Dana Mills", company: "Mills & Co", createdAt: created),
    ]

    /// I talk the first minute, the prospect the rest: share 25 %.
    static let good = Call(
        id: "anna@1", prospectID: "anna", startedAt: at(9, 14),
        segments: [
            TalkSegment(speaker: .me, start: 0, end: 60),
            TalkSegment(speaker: .prospect, start: 60, end: 240),
        ],
        duration: 240, outcome: .callback, referralAsk: .asked,
        referrals: [Referral(name: "Eve Ref"), Referral(name: "Finn Ref")],
        notes: [CallNote(text: "Moving warehouses in March", tag: .challenge, at: 95)],
        followUp: FollowUp(subject: "Thank you", body: "", status: .sent))

    /// Nobody marked: rang out.
    static let noMarks = Call(
        id: "bob@1", prospectID: "bob", startedAt: at(10, 5), duration: 20, outcome: .noAnswer,
        referralAsk: .notApplicable)

    /// I talk 80 %, no referral ask, follow-up pending.
    static let talky = Call(
        id: "chen@1", prospectID: "chen", startedAt: at(11, 30),
        segments: [
            TalkSegment(speaker: .me, start: 0, end: 160),
            TalkSegment(speaker: .silence, start: 160, end: 170),
            TalkSegment(speaker: .prospect, start: 170, end: 210),
        ],
        duration: 240, outcome: .notInterested, referralAsk: .notAsked,
        followUp: FollowUp(subject: "Thanks", body: "", status: .pending))

    static var summaries: [CalendarDay: DaySummary] {
        var all: [CalendarDay: DaySummary] = [:]
        // Two days ago and five days ago had calls; the days between had none.
        for (offset, me, prospect) in [(-2, 30.0, 90.0), (-5, 90.0, 30.0), (-20, 50.0, 50.0)] {
            var s = DaySummary(day: today.adding(days: offset))
            s.dials = 4
            s.conversations = 2
            s.me = me
            s.prospect = prospect
            s.referralAsks = 1
            s.followUpsSent = 2
            all[s.day] = s
        }
        return all
    }

    static func state(calls: [Call] = [good, noMarks, talky], day: CalendarDay = today) -> ReviewState {
        ReviewState(
            day: day, today: today, calls: calls, prospects: prospects, summaries: summaries, dailyGoal: 40,
            zone: zone)
    }

    static func screen(_ state: ReviewState, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        state.render(into: &buffer, in: buffer.bounds)
        return buffer
    }

    /// The first row whose text contains `needle`, with its index.
    static func row(_ buffer: CellBuffer, containing needle: String) -> (Int, String)? {
        buffer.lines.enumerated().first { $0.element.contains(needle) }.map { ($0.offset, $0.element) }
    }
}
