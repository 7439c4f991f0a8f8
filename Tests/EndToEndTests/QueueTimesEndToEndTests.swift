import CallboardCore
import CallboardStore
import Foundation
import Testing

/// The times and the order a seller acts on, in the real binary: the dashboard's queue and
/// dialogs in tmux, and `callboard today` in a shell.
@Suite(.serialized) struct QueueTimesEndToEndTests {
    static let mexico = TimeZone(identifier: "America/Mexico_City") ?? .gmt
    static var zone: TimeZone { .current }
    static var today: CalendarDay { CalendarDay(containing: Date(), in: zone) }

    /// "14:05" on `zone`'s clock.
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        LocalTime(at: date, in: zone, sellerZone: zone, hours: BusinessHours()).text
    }

    /// `callboard ARGS --store STORE` with the fixture's own HOME and configuration.
    static func callboard(_ arguments: [String], _ fixture: DashboardFixture) throws -> Spawn.Result {
        try Spawn.run("/usr/bin/env", [
            "HOME=\(fixture.root.path)", "XDG_CONFIG_HOME=\(fixture.configHome.path)", "LC_ALL=C.UTF-8",
            try DashboardFixture.binary().path,
        ] + arguments + ["--store", fixture.storeDirectory.path])
    }

    /// A signed-in seller on a call with Anna Berg (Berlin), the call just started.
    static func callingAnnaInBerlin() throws -> (DashboardFixture, TmuxSession) {
        let anna = Prospect(
            id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234567",
            email: "anna@example.de", timeZone: "Europe/Berlin", createdAt: Date())
        let fixture = try DashboardFixture(
            prospects: [anna], config: #"{ "sellerName": "Sam Seller", "sellerEmail": "sam@example.com" }"#)
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        return (fixture, session)
    }

    @Test func theQueueRanksByWhatTheNextCallIsWorthAndAMissedCallbackShowsItsDateAndTheirTime() throws {
        let yesterday = Self.today.adding(days: -1)
        let missed = try #require(yesterday.at(hour: 10, minute: 0, in: Self.mexico))
        let ana = Prospect(
            id: "p-ana", name: "Ana López", company: "Grupo Sol", timeZone: "America/Mexico_City",
            callbackAt: missed, attempts: 1, createdAt: Date(), lastOutcome: .callback)
        var olga = Prospect(
            id: "p-olga", name: "Olga Opp", company: "Opp AG", nextCallDay: Self.today, attempts: 2,
            createdAt: Date(), lastOutcome: .opportunity)
        olga.lastCalledAt = Date().addingTimeInterval(-86_400)
        let aaron = Prospect(id: "p-aaron", name: "Aaron Adams", company: "Adams Ltd", createdAt: Date())
        let fixture = try DashboardFixture(prospects: [aaron, olga, ana])
        let session = try fixture.start(width: 200, height: 40)
        // Waiting for every row, so a frame caught half drawn is not judged.
        let screen = try session.waitFor("the three rows") {
            $0.contains("Aaron Adams") && $0.contains("Olga Opp") && $0.contains("overdue callback")
        }
        let mine = Self.clock(missed, Self.zone)
        #expect(screen.contains("overdue callback \(yesterday.shortText) \(mine) · 10:00 theirs"), "\(screen)")
        #expect(screen.contains("follow-up on opportunity"))
        let rows = ["Ana López", "Olga Opp", "Aaron Adams"].map { name in
            screen.split(separator: "\n").firstIndex { $0.contains(name) && $0.contains("│") } ?? -1
        }
        #expect(rows == rows.sorted() && !rows.contains(-1), "callback, then the opportunity, then the new lead:\n\(screen)")
        try session.send("q")
    }

    @Test func aNextStepOnTheirWeekendIsFlaggedAndKeptOnlyWhenConfirmed() throws {
        let (fixture, session) = try Self.callingAnnaInBerlin()
        try session.send("e")
        try session.waitFor(text: "How did the call end?")
        try session.send("6")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("n")
        try session.waitFor(text: "When do you call back?")
        try session.type("sat 10:00")
        try session.send("Enter")
        let warned = try session.waitFor("the warning") {
            $0.contains("is their weekend.") && $0.contains("Enter again keeps it")
        }
        #expect(warned.contains("Enter again keeps it, or change the time."))
        #expect(!warned.contains("Thank-you email"))
        try session.send("Enter")
        let email = try session.waitFor("the email") { $0.contains("Thank-you email") && $0.contains("Hello ") }
        #expect(email.contains("Saturday"), "the kept time is the one the email states:\n\(email)")
        Thread.sleep(forTimeInterval: 0.4)  // keys within 0.3 s of an email are ignored
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Anna Berg")
        try session.send("q")
        // The store folder lives as long as the fixture.
        withExtendedLifetime(fixture) {}
    }

    @Test func todayForAnotherDayGivesACallbackOnBothClocksAndAcceptsTheDashboardsDayWords() throws {
        let tomorrow = Self.today.adding(days: 1)
        let agreed = try #require(tomorrow.at(hour: 10, minute: 0, in: Self.mexico))
        let ana = Prospect(
            id: "p-ana", name: "Ana López", timeZone: "America/Mexico_City", callbackAt: agreed, attempts: 1,
            createdAt: Date(), lastOutcome: .callback)
        let fixture = try DashboardFixture(prospects: [ana])
        let text = try Self.callboard(["today", "--date", "tomorrow"], fixture)
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("[callback 10:00 their time · \(Self.clock(agreed, Self.zone)) yours] Ana López"),
                "\(text.output)")
        let json = try Self.callboard(["today", "--date", "tomorrow", "--format", "json"], fixture)
        #expect(json.output.contains(#""local_time" : "10:00""#), "\(json.output)")
        // Of the callback's instant: 10:00 on a weekday is inside their hours.
        #expect(json.output.contains(#""in_business_hours" : \#(!tomorrow.isWeekend)"#), "\(json.output)")
        let review = try Self.callboard(["review", "--date", "yesterday"], fixture)
        #expect(review.status == 0, "\(review.output)")
        let range = try Self.callboard(["review", "--from", "mon", "--to", "today"], fixture)
        #expect(range.status == 0, "\(range.output)")
        let wrong = try Self.callboard(["today", "--date", "someday"], fixture)
        #expect(wrong.status == 64)
        #expect(wrong.output.contains("use YYYY-MM-DD, today, tomorrow, yesterday or a weekday such as fri"))
    }

    @Test func aReferralFromAUKNumberGetsLondonTimeInferred() throws {
        let (fixture, session) = try Self.callingAnnaInBerlin()
        try session.send("p")
        Thread.sleep(forTimeInterval: 0.5)
        try session.send("e")
        try session.waitFor(text: "Did you ask for referrals?")
        try session.send("y")
        try session.waitFor(text: "Enter on an empty line")
        try session.type("Tom Hughes, Hughes Ltd, +44 20 5555 0101")
        try session.send("Enter")
        try session.waitFor(text: "Tom Hughes")
        try session.send("Enter")
        try session.waitFor(text: "How did the call end?")
        try session.send("4")
        try session.waitFor(text: "Thank-you email")
        // Keys within 0.3 s of an email coming on screen are ignored.
        Thread.sleep(forTimeInterval: 0.4)
        try session.send("Enter")
        try session.waitFor(text: "Saved the call with Anna Berg; 1 referral added")
        try session.send("q")
        try session.waitFor(text: "Quit?")
        try session.send("y")
        _ = try session.waitFor(text: "EXIT=")

        let next = Self.today.nextBusinessDay
        let json = try Self.callboard(["today", "--date", next.description, "--format", "json"], fixture)
        #expect(json.output.contains(#""time_zone" : "Europe/London""#), "\(json.output)")
        let store = try Store(directory: fixture.storeDirectory, zone: .current, access: .readOnly)
        let tom = try #require(try store.prospects().first { $0.name == "Tom Hughes" })
        #expect(tom.timeZoneInferredFrom == "+44")
    }

    @Test func theEmailGreetsALastCommaFirstNameByTheNicknameOrTheNameTheSellerSet() throws {
        let jane = Prospect(
            id: "p-jane", name: "Doe, Jane \"JD\"", company: "Doe & Co", phone: "+44 20 5555 0199",
            email: "jane@doe.example", timeZone: "Europe/London", createdAt: Date())
        var sam = Prospect(
            id: "p-sam", name: "Smith, Samuel", company: "Smith Ltd", phone: "+44 20 5555 0198",
            email: "sam@smith.example", timeZone: "Europe/London", createdAt: Date())
        sam.greetingName = "Sammy"
        let fixture = try DashboardFixture(
            prospects: [jane, sam], config: #"{ "sellerName": "Sam Seller", "sellerEmail": "sam@example.com" }"#)
        let session = try fixture.start()
        for (name, greeting) in [("Doe, Jane", "Hello JD,"), ("Smith, Samuel", "Hello Sammy,")] {
            try session.waitFor(text: name)
            try session.send("Enter")
            try session.waitFor(text: "\(name)")
            try session.waitFor(text: " · 0:")
            try session.send("e")
            try session.waitFor(text: "How did the call end?")
            try session.send("5")
            try session.waitFor(text: "Did you ask for referrals?")
            try session.send("n")
            let email = try session.waitFor("the email") { $0.contains("Thank-you email") && $0.contains("Hello ") }
            #expect(email.contains(greeting), "\(email)")
            #expect(!email.contains("Hello Doe,") && !email.contains("Hello Smith,"))
            Thread.sleep(forTimeInterval: 0.4)  // keys within 0.3 s of an email are ignored
            try session.send("Enter")
            try session.waitFor(text: "Saved the call with \(name)")
        }
    }
}
