import CallboardCore
import CallboardExchange
import CallboardStore
import CallboardUseCases
import Foundation
import Testing

/// The workflows against a real store in a temporary folder.
@Suite struct DeskTests {
    let now = DeskFixture.monday

    func call(with prospect: Prospect, referrals: [Referral] = [], outcome: Outcome = .notInterested) -> Call {
        Call(
            id: Call.makeID(prospect: prospect.id, startedAt: now), prospectID: prospect.id,
            prospectName: prospect.name, startedAt: now,
            segments: [TalkSegment(speaker: .prospect, start: 0, end: 60), TalkSegment(speaker: .me, start: 60, end: 120)],
            duration: 120, outcome: outcome, referralAsk: .asked, referrals: referrals)
    }

    // MARK: A do-not-call person never comes back

    /// The case a seller ran into: Dora asked not to be called and was imported so; a call
    /// with someone else names her as a referral. She must not come back as a new lead.
    @Test func aReferralWhoIsDoNotCallAnywhereInTheStoreIsLinkedAndNeverQueued() throws {
        let f = try DeskFixture()
        let csv = "name,phone,DoNotCall\nDora Never,+1 555 0777,true\nCallable Carl,+31 20 555 0101,false\n"
        let imported = try f.desk.importProspects(csv: csv, with: ProspectImport(), at: now)
        #expect(imported.added == 2)
        let carl = try #require(try f.store.prospects().first { $0.name == "Callable Carl" })
        // The dashboard holds only the working set: Dora is not in it.
        #expect(!(try f.store.workingSet(today: f.desk.day(of: now))).prospects.contains { $0.name == "Dora Never" })

        let filed = try f.desk.fileCall(
            call(with: carl, referrals: [Referral(name: "Dora Never", company: "NoCo", phone: "+1 555 0777")]),
            prospect: carl, at: now)

        let doras = try f.store.prospects().filter { $0.name == "Dora Never" }
        #expect(doras.count == 1, "no second Dora")
        #expect(doras.first?.status == .doNotCall)
        #expect(filed.call.referrals.first?.prospectID == doras.first?.id)
        #expect(filed.referralFilings == [.notQueued(try #require(doras.first?.id), name: "Dora Never", status: .doNotCall)])
        for offset in 0..<10 {
            let day = f.desk.day(of: now).adding(days: offset)
            let queue = try f.desk.queue(on: day, now: now)
            #expect(!queue.entries.contains { $0.prospect.name == "Dora Never" }, "on \(day)")
        }
    }

    @Test func aReferralWhoIsAlreadyAnActiveProspectIsLinkedAndCountsAsAReferral() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        let greta = try f.desk.add(NewProspect(name: "Greta Müller", phone: "+49 30 5550 1234"), at: now)
        let filed = try f.desk.fileCall(
            call(with: anna, referrals: [
                Referral(name: "greta muller", phone: "+49 (30) 55501234", email: "greta@new.example"),
                Referral(name: "Jan Jansen", phone: "020-5550114"),
            ]),
            prospect: anna, at: now)
        let all = try f.store.prospects()
        #expect(all.count == 3)
        let stored = try #require(all.first { $0.id == greta.id })
        #expect(stored.referredBy == anna.id)
        #expect(stored.email == "greta@new.example", "the newer address is the one to use")
        let jan = try #require(all.first { $0.name == "Jan Jansen" })
        #expect(jan.source == .referral)
        #expect(jan.id.rawValue.hasPrefix("p-"), "one way to make an id: \(jan.id)")
        #expect(filed.referralFilings.count == 2)
        // The index followed the write: Jan is found without reading a bucket.
        #expect(try f.store.contactIndex().match(ContactCard(id: "", name: "Front Desk", phone: "020 555 0114")) == nil)
        #expect(try f.store.contactIndex().match(ContactCard(id: "", name: "Jan Jansen", phone: "020 555 0114"))?.id == jan.id)
    }

    /// A referral given with only a new email, under the name and company on file, is the
    /// person on file, even when `contacts.json` was written before it held companies.
    @Test func aReferralWithOnlyANewEmailIsThePersonOnFileNotASecondOne() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        let carla = try f.desk.add(
            NewProspect(name: "Carla Smit", company: "Smit BV", phone: "+31 20 555 0199", email: "carla@old.example"), at: now)
        // The index as the previous version wrote it: version 1, no companies.
        let contacts = f.store.directory.appendingPathComponent("contacts.json")
        let old = try String(contentsOf: contacts, encoding: .utf8)
            .replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 1")
            .replacingOccurrences(of: "\"company\" : \"Smit BV\",", with: "")
        #expect(old.contains("\"schemaVersion\" : 1") && !old.contains("Smit BV"), "the old file: \(old)")
        try old.write(to: contacts, atomically: true, encoding: .utf8)

        let filed = try f.desk.fileCall(
            call(with: anna, referrals: [Referral(name: "Carla Smit", company: "Smit B.V.", email: "carla@new.example")]),
            prospect: anna, at: now)
        let carlas = try f.store.prospects().filter { $0.name == "Carla Smit" }
        #expect(carlas.count == 1, "no second Carla")
        #expect(carlas.first?.email == "carla@new.example")
        #expect(carlas.first?.phone == "+31 20 555 0199")
        #expect(filed.referralFilings == [.linked(carla.id, name: "Carla Smit")])
    }

    // MARK: Adding: one workflow for the command line and the dashboard

    @Test func theSamePersonIsRefusedWhereverTheyAreFiled() throws {
        let f = try DeskFixture()
        // Filed long ago and closed: outside any working set.
        let old = try f.desk.add(NewProspect(name: "Olga Old", phone: "+31 20 555 0199"), at: now)
        var closed = old
        closed.status = .lost
        try f.store.upsert(prospect: closed)
        #expect(!(try f.store.workingSet(today: f.desk.day(of: now))).prospects.contains { $0.id == old.id })
        #expect(throws: AddRefusal.samePerson(ContactCard(id: old.id, name: "Olga Old", phone: "+31 20 555 0199"))) {
            try f.desk.add(NewProspect(name: "olga old", phone: "+31 (20) 555-0199"), at: now)
        }
        // A colleague on the same number is someone else.
        #expect(try f.desk.add(NewProspect(name: "Front Desk", phone: "+31 20 555 0199"), at: now).name == "Front Desk")
    }

    @Test func addCleansTextAndMakesTheWorkingSetWhenThereIsNone() throws {
        let f = try DeskFixture()
        let added = try f.desk.add(
            NewProspect(name: "Eve\u{1B}[2J Evil", company: "Bad\u{07}Co", email: "eve@example.com"), at: now)
        #expect(added.name == "Eve[2J Evil")
        #expect(added.company == "BadCo")
        #expect(FileManager.default.fileExists(atPath: f.store.queueFile.path))
        #expect(try f.desk.queue(on: f.desk.day(of: now), now: now).entries.map(\.id) == [added.id])
    }

    @Test func theContactRulesRefuseBeforeTheStoreIsTouched() throws {
        let f = try DeskFixture()
        #expect(throws: AddRefusal.self) { try f.desk.add(NewProspect(name: "Anna"), at: now) }
        #expect(NewProspect(name: "Anna", phone: "abc").problems.map(\.field) == [.phone])
        #expect(try f.store.prospects().isEmpty)
    }

    // MARK: Filing a call

    @Test func aFiledCallWritesItsFollowUpAndUpdatesTheProspect() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        var made = call(with: anna, outcome: .opportunity)
        made.followUp = FollowUp(subject: "Thanks", body: "Hello Anna", status: .pending)
        let filed = try f.desk.fileCall(made, prospect: anna, at: now)
        #expect(filed.followUpFile != nil)
        #expect(try f.store.outboxMessages() == [try #require(filed.followUpFile)])
        #expect(try f.store.calls(on: f.desk.day(of: now)).map(\.id) == [made.id])
        #expect(try f.store.prospects(ids: [anna.id]).first?.attempts == 1)
    }

    @Test func aFailedWriteThrowsAndCountsNothingAsDone() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        // A day file this version refuses stands where the call would go.
        let dayFile = f.store.dayFile(for: f.desk.day(of: now))
        try FileManager.default.createDirectory(at: dayFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 99, "day": "2026-11-30", "calls": []}"#.utf8).write(to: dayFile)
        #expect(throws: StoreError.self) { try f.desk.fileCall(call(with: anna), prospect: anna, at: now) }
        #expect(try f.store.prospects(ids: [anna.id]).first?.attempts == 0, "the prospect was not counted as called")
    }

    // MARK: A day's figures: the same on the review screen and in `callboard review`

    @Test func theDayReportAndTheReviewScreenReadTheSameFigures() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        _ = try f.desk.fileCall(call(with: anna), prospect: anna, at: now)
        // A summary saved under other targets (or hand-edited) must not change the day's figures.
        let day = f.desk.day(of: now)
        let strict = Desk(store: f.store, settings: Settings(targets: TalkTargets(targetShare: 0.10, warnShare: 0.20)))
        let report = try strict.dayReport(day)
        let screen = try strict.reviewScreen(day, trendLength: 30)
        #expect(report.totals == DaySummary(day: day, calls: screen.calls, targets: strict.settings.targets))
        #expect(report.totals.callsInBand == 0)
    }

    // MARK: Calling blocks: kept when they end, shown in every review of their day

    @Test func aSavedBlockIsInTheDayReportTheReviewScreenAndTheRange() throws {
        let f = try DeskFixture()
        let anna = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        _ = try f.desk.fileCall(call(with: anna), prospect: anna, at: now)
        let later = CallingBlockSummary(startedAt: now.addingTimeInterval(7_200), seconds: 900, dials: 6, connects: 1,
                                        wrapUpSeconds: 120, skipped: 0)
        let first = CallingBlockSummary(startedAt: now, seconds: 1_800, dials: 12, connects: 4, wrapUpSeconds: 300,
                                        skipped: 2)
        try f.desk.saveBlock(later)
        try f.desk.saveBlock(first)
        let day = f.desk.day(of: now)
        let stored = f.directory.appendingPathComponent("blocks/\(day).json")
        #expect(FileManager.default.fileExists(atPath: stored.path))
        #expect(try f.desk.dayReport(day).blocks == [first, later])
        #expect(try f.desk.reviewScreen(day, trendLength: 30).blocks.count == 2)
        #expect(try f.desk.rangeReport(from: day, to: day, withCalls: true).days.first?.blocks.count == 2)
        #expect(try f.desk.dayReport(day.adding(days: -1)).blocks.isEmpty)
    }

    // MARK: A call a crash left live

    /// The dashboard holds only some queue rows; the recovered call brings its prospect
    /// from the store, so their address and company are there to end the call with.
    @Test func aRecoveredCallComesWithItsProspectFromTheStore() throws {
        let f = try DeskFixture()
        _ = try f.desk.add(NewProspect(name: "Anna de Vries", email: "anna@acme.example"), at: now)
        let eva = try f.desk.add(NewProspect(name: "Eva Claes", company: "Claes Transport", email: "eva@claes.example"), at: now)
        #expect(try f.desk.recoveredCall() == nil)
        let live = Call(id: Call.makeID(prospect: eva.id, startedAt: now), prospectID: eva.id, prospectName: eva.name, startedAt: now)
        try f.desk.checkpoint(LiveCallCheckpoint(call: live, elapsed: 30, savedAt: now))
        let found = try #require(try f.desk.recoveredCall())
        #expect(found.checkpoint.call.prospectID == eva.id)
        #expect(found.prospect == eva)
        #expect(found.prospectUnread == nil)

        // A prospect the store no longer has: the call is still offered, without them.
        var gone = live
        gone.prospectID = "gone"
        try f.desk.checkpoint(LiveCallCheckpoint(call: gone, elapsed: 30, savedAt: now))
        let orphan = try #require(try f.desk.recoveredCall())
        #expect(orphan.checkpoint.call.prospectID == "gone")
        #expect(orphan.prospect == nil)
        #expect(orphan.prospectUnread == nil)

        // A prospects file that cannot be read: the call is still offered, and says why
        // whom it was with is not known.
        try f.desk.checkpoint(LiveCallCheckpoint(call: live, elapsed: 30, savedAt: now))
        for name in try FileManager.default.contentsOfDirectory(atPath: f.store.prospectsDirectory.path) {
            try Data("not json".utf8).write(to: f.store.prospectsDirectory.appendingPathComponent(name))
        }
        let unread = try #require(try f.desk.recoveredCall())
        #expect(unread.checkpoint.call.prospectID == eva.id)
        #expect(unread.prospect == nil)
        #expect(unread.prospectUnread != nil)
    }
}

/// Rules that used to be written twice, and whose copies disagreed: each former caller now
/// asks the one rule, so they agree.
@Suite struct OneRuleTests {
    let now = DeskFixture.monday

    /// "Who is due" was decided by the queue and again by the store's working set; a
    /// callback next week with a next call day today was in one and not the other. The
    /// queue of every day the working set covers is the queue of all prospects.
    @Test func theWorkingSetHoldsExactlyWhoTheQueueShowsOnEveryDayItCovers() throws {
        let f = try DeskFixture()
        let today = f.desk.day(of: now)
        let zone = f.desk.zone
        var prospects: [Prospect] = []
        for (i, offset) in [-3, 0, 2, 9, 20].enumerated() {
            prospects.append(
                Prospect(
                    id: ProspectID("due-\(i)"), name: "Due \(i)", phone: "+31 20 555 01\(i)0",
                    nextCallDay: today.adding(days: offset), createdAt: now))
        }
        prospects.append(
            Prospect(
                id: "callback", name: "Callback Next Week", phone: "+31 20 555 0199", nextCallDay: today,
                callbackAt: today.adding(days: 7).at(hour: 10, minute: 0, in: zone), createdAt: now))
        prospects.append(
            Prospect(id: "dnc", name: "Never", phone: "+31 20 555 0188", status: .doNotCall, createdAt: now))
        try f.store.save(prospects: prospects)
        let working = try f.store.workingSet(today: today)
        for offset in 0...WorkingSet.reach {
            let day = today.adding(days: offset)
            let at = day.at(hour: 10, minute: 0, in: zone) ?? now
            let fromAll = CallQueue.entries(prospects: prospects, today: day, now: at, zone: zone).map(\.id)
            let fromWorking = CallQueue.entries(prospects: working.prospects, today: day, now: at, zone: zone).map(\.id)
            #expect(fromWorking == fromAll, "day +\(offset)")
        }
        #expect(!working.prospects.contains { $0.id == "dnc" })
    }

    /// The retry the end-of-call dialog announces is the retry the saved prospect gets.
    @Test func theRetryTheDialogAnnouncesIsTheOneSaved() {
        let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let friday = CalendarDay(year: 2026, month: 12, day: 4)
        let rule = RetryRule(businessDays: 2, maxAttempts: 3)
        for attempts in 0..<4 {
            let prospect = Prospect(id: "p", name: "Pat", phone: "+31 20 555 0101", attempts: attempts, createdAt: now)
            let start = friday.at(hour: 10, minute: 0, in: zone) ?? now
            let call = Call(id: "c", prospectID: "p", startedAt: start, duration: 20, outcome: .noAnswer)
            let after = AfterCall(call: call, prospect: prospect, today: friday, zone: zone, retry: rule, newID: { "n" })
            let announced = rule.plan(attemptsBefore: attempts, on: friday)
            #expect(after.prospect.attempts == announced.attempt, "attempts \(attempts)")
            #expect(after.prospect.nextCallDay == announced.next, "attempts \(attempts)")
            #expect((after.prospect.status == .unreachable) == (announced.next == nil), "attempts \(attempts)")
        }
    }
}
