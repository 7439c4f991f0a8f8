import CallboardCore
import Foundation

@testable import CallboardExchange

/// A hand-built day of calls in Amsterdam, where 29 November is UTC+1.
enum ReviewFixtures {
    static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    static let day = CalendarDay(year: 2026, month: 11, day: 29)

    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        (day.at(hour: hour, minute: minute, in: zone) ?? Date(timeIntervalSince1970: 0))
            .addingTimeInterval(Double(second))
    }

    static let prospects: [ProspectID: ProspectLabel] = [
        "anna": ProspectLabel(name: "Smith, Jane", company: "Acme, \"Global\" Inc."),
        "bob": ProspectLabel(name: "Bob \u{1B}]0;pwned\u{07}Bauer", company: "Pipe|Works"),
        "chen": ProspectLabel(name: "陈伟", company: "=HYPERLINK(\"x\")"),
    ]

    /// A conversation: me 95 s, prospect 180 s, silence 37 s, a referral, a callback.
    static let conversation = Call(
        id: "anna@1", prospectID: "anna", startedAt: at(9, 14, 3),
        segments: [
            TalkSegment(speaker: .me, start: 0, end: 40),
            TalkSegment(speaker: .prospect, start: 40, end: 200),
            TalkSegment(speaker: .me, start: 200, end: 255),
            TalkSegment(speaker: .silence, start: 255, end: 292),
            TalkSegment(speaker: .prospect, start: 292, end: 312),
        ],
        duration: 312, outcome: .callback, referralAsk: .asked,
        referrals: [Referral(name: "Referred Person", company: "Beta")],
        notes: [CallNote(text: "Budget in Q1", tag: .requirement, at: 100)],
        followUp: FollowUp(subject: "Thanks", body: "Thanks", status: .pending))

    /// Rang out: nobody marked anyone.
    static let noMarks = Call(
        id: "bob@1", prospectID: "bob", startedAt: at(10, 2), duration: 25, outcome: .noAnswer,
        referralAsk: .notApplicable)

    /// Held on silence for a minute, then 30 s on hold, then voicemail.
    static let heldOnSilence = Call(
        id: "chen@1", prospectID: "chen", startedAt: at(11, 30),
        segments: [TalkSegment(speaker: .silence, start: 0, end: 60)],
        duration: 90, outcome: .voicemail, referralAsk: .notApplicable)

    /// A meeting booked where I talked too much, follow-up sent.
    static let meeting = Call(
        id: "anna@2", prospectID: "anna", startedAt: at(15, 0),
        segments: [
            TalkSegment(speaker: .me, start: 0, end: 150),
            TalkSegment(speaker: .prospect, start: 150, end: 200),
        ],
        duration: 200, outcome: .meetingBooked, referralAsk: .notAsked,
        followUp: FollowUp(subject: "Thanks", body: "Thanks", status: .sent))

    static var fullDay: DayReport {
        DayReport(day: day, calls: [noMarks, conversation, heldOnSilence], prospects: prospects)
    }

    /// Two calling blocks: 30 min with 12 dials and 4 connects, then 10 min with 5 dials.
    static let blocks = [
        CallingBlockSummary(startedAt: at(9, 10), seconds: 1_800, dials: 12, connects: 4, wrapUpSeconds: 360, skipped: 2),
        CallingBlockSummary(startedAt: at(14, 0), seconds: 600, dials: 5, connects: 0, wrapUpSeconds: 60, skipped: 0),
    ]

    static var dayWithBlocks: DayReport {
        DayReport(day: day, calls: [noMarks, conversation, heldOnSilence], prospects: prospects, blocks: blocks)
    }

    static var quietDay: DayReport {
        DayReport(day: day, calls: [noMarks, heldOnSilence], prospects: prospects)
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return object as? [String: Any] ?? [:]
    }
}
