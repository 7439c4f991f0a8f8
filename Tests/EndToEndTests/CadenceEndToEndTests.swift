import CallboardCore
import CallboardStore
import Foundation
import Testing

/// The seller's own outcomes, stay-in-touch cadences and the best time, in the real binary.
@Suite(.serialized) struct CadenceEndToEndTests {
    static let config = #"""
        { "sellerName": "Sam Seller", "sellerEmail": "sam@example.com",
          "outcomes": ["noAnswer", "voicemail", "gatekeeper",
            {"name": "notInterested", "stayInTouchDays": 90}, "noFit", "callback", "meetingBooked",
            "opportunity", {"name": "sent info", "then": "followUp", "crm": "Info Sent"},
            {"name": "not now", "stayInTouchDays": 60, "crm": "Nurture"}] }
        """#

    static let anna = Prospect(
        id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
        email: "anna@example.de", createdAt: Date())

    @Test func theTenthOutcomeIsChosenWithZeroAndPutsThemOnItsCadence() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna], config: Self.config)
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        Thread.sleep(forTimeInterval: 1.2)
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        let dialog = try session.waitFor("ten outcomes") { $0.contains("How did the call end?") && $0.contains("0 not now") }
        #expect(dialog.contains("9 sent info"))
        try session.send("0")
        try session.waitFor(text: "Stay in touch: Anna Berg comes back to the queue")
        try session.send("Enter")
        try session.waitFor(text: "Thank-you email")
        Thread.sleep(forTimeInterval: 0.4)  // keys within 0.3 s of an email are ignored
        try session.send("x")
        try session.waitFor(text: "Saved the call with Anna Berg")
        try session.send("q")

        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let today = CalendarDay(containing: Date(), in: .current)
        let call = try #require(try store.calls(on: today).first)
        #expect(call.outcome == Outcome("not now"))
        #expect(call.conversation == true)
        let anna = try #require(try store.prospects(ids: ["p-anna"]).first)
        #expect(anna.status == .active)
        let back = today.adding(days: 60)
        #expect(anna.nextCallDay == (back.isWeekend ? back.nextBusinessDay : back))
        #expect(anna.reach?.total == ReachCounts.Tally(dials: 1, pickedUp: 1))
    }

    @Test func theQueueSaysWhyAStayInTouchCallIsDueAndTheBriefGivesTheBestTime() throws {
        let zone = TimeZone.current
        let today = CalendarDay(containing: Date(), in: zone)
        let lastSpoke = CalendarDay(year: today.year - 1, month: 9, day: 3).at(hour: 10, minute: 0, in: zone) ?? Date()
        var carla = Prospect(
            id: "p-carla", name: "Carla Smit", company: "Smit BV", timeZone: zone.identifier, nextCallDay: today,
            attempts: 1, createdAt: lastSpoke, lastOutcome: .notInterested, lastCalledAt: lastSpoke)
        var reach = ReachCounts()
        for (hour, picked) in [(10, true), (10, true), (10, false), (15, false), (15, false)] {
            let at = CalendarDay(year: today.year - 1, month: 9, day: 1).at(hour: hour, minute: 5, in: zone) ?? Date()
            reach = reach.adding(dialAt: at, in: zone, pickedUp: picked)
        }
        carla.reach = reach
        let fixture = try DashboardFixture(prospects: [carla], config: Self.config)
        let session = try fixture.start(width: 160, height: 40)
        let screen = try session.waitFor("the reason and the brief") {
            $0.contains("stay in touch, last spoke 3 Sep") && $0.contains("They pick up most")
        }
        #expect(screen.contains("10:00–11:00 (2 of 3 picked up)"))
        try session.send("q")
    }
}
