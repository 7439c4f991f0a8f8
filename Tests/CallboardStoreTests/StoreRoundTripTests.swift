import CallboardCore
import Foundation
import Testing

@testable import CallboardStore

@Suite("Saving and loading")
struct StoreRoundTripTests {
    @Test func aNewStoreIsEmpty() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        #expect(try store.prospects().isEmpty)
        #expect(try store.calls(on: CalendarDay(year: 2026, month: 11, day: 29)).isEmpty)
        #expect(try store.checkpoint() == nil)
        #expect(try store.summaries(from: CalendarDay(year: 2000, month: 1, day: 1), to: CalendarDay(year: 2100, month: 1, day: 1)).isEmpty)
        #expect(try store.allCalls().isEmpty)
        #expect(try store.outboxMessages().isEmpty)
    }

    @Test func prospectsComeBackExactlyAsSaved() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        let saved = [Sample.prospect("p-1"), Prospect(id: "p-2", name: "Bram", createdAt: Sample.utc(2, 10))]
        try store.save(prospects: saved)
        let reopened = try Store(directory: scratch.store, zone: Sample.amsterdam, access: .readOnly)
        #expect(try reopened.prospects() == saved)
    }

    @Test func upsertReplacesByIDAndAddsNewOnesAtTheEnd() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        try store.save(prospects: [Sample.prospect("p-1"), Sample.prospect("p-2", name: "Bram")])
        var changed = Sample.prospect("p-1")
        changed.attempts = 3
        try store.upsert(prospect: changed)
        try store.upsert(prospect: Sample.prospect("p-3", name: "Carla"))
        let loaded = try store.prospects()
        #expect(loaded.map(\.id) == ["p-1", "p-2", "p-3"])
        #expect(loaded[0].attempts == 3)
    }

    @Test func manyProspectsAreUpsertedInOneGo() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        try store.save(prospects: [Sample.prospect("p-1")])
        var called = Sample.prospect("p-1")
        called.lastOutcome = .meetingBooked
        let lead = Sample.prospect("p-2", name: "Bram Jansen")
        try store.upsert(prospects: [called, lead])
        #expect(try store.prospects() == [called, lead])
    }

    @Test func filesArePrettySortedJSONWithISODates() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: Sample.amsterdam)
        try store.save(prospects: [Prospect(id: "p-1", name: "Anna", createdAt: Sample.at(14, 5))])
        let text = String(decoding: try Data(contentsOf: store.prospectFile("p-1")), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(text.contains("\"createdAt\" : \"2026-11-29T14:05:00Z\""))
        let keys = ["attempts", "company", "createdAt", "email", "id"]
        let positions = keys.compactMap { text.range(of: "\"\($0)\"")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func aCallIsFiledUnderTheDayItStartedInTheSellersZone() throws {
        let scratch = ScratchDirectory()
        // 23:30 UTC on the 29th is still the 29th in New York but already the 30th in Tokyo.
        let late = Sample.call("c-1", at: Sample.utc(29, 23, 30))
        let newYork = try Store(directory: scratch.url.appendingPathComponent("ny"), zone: Sample.newYork)
        try newYork.save(call: late, targets: .standard)
        let tokyo = try Store(directory: scratch.url.appendingPathComponent("tokyo"), zone: Sample.tokyo)
        try tokyo.save(call: late, targets: .standard)

        let the29th = CalendarDay(year: 2026, month: 11, day: 29)
        let the30th = CalendarDay(year: 2026, month: 11, day: 30)
        #expect(FileManager.default.fileExists(atPath: newYork.directory.appendingPathComponent("calls/2026/2026-11-29.json").path))
        #expect(FileManager.default.fileExists(atPath: tokyo.directory.appendingPathComponent("calls/2026/2026-11-30.json").path))
        #expect(try newYork.calls(on: the29th) == [late])
        #expect(try newYork.calls(on: the30th).isEmpty)
        #expect(try tokyo.calls(on: the30th) == [late])
    }

    @Test func savingTheSameCallAgainReplacesIt() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        var call = Sample.call("c-1", at: Sample.at(10))
        try store.save(call: call, targets: .standard)
        call.outcome = .opportunity
        call.followUp?.status = .sent
        let summary = try store.save(call: call, targets: .standard)
        let day = CalendarDay(year: 2026, month: 11, day: 29)
        #expect(try store.calls(on: day) == [call])
        #expect(summary.dials == 1)
        #expect(summary.followUpsSent == 1 && summary.followUpsPending == 0)
    }

    @Test func callsOfADayComeBackEarliestFirst() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let afternoon = Sample.call("c-2", at: Sample.at(15))
        let morning = Sample.call("c-1", at: Sample.at(9, 30, second: 0.5))
        try store.save(call: afternoon, targets: .standard)
        try store.save(call: morning, targets: .standard)
        #expect(try store.calls(on: CalendarDay(year: 2026, month: 11, day: 29)) == [morning, afternoon])
    }

    @Test func aHandReorderedDayFileStillReadsEarliestFirst() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let file = store.dayFile(for: CalendarDay(year: 2026, month: 11, day: 29))
        try handWrite(
            """
            {"schemaVersion": 1, "day": "2026-11-29", "calls": [
              {"id": "late", "prospectID": "p-1", "startedAt": "2026-11-29T15:00:00Z"},
              {"id": "early", "prospectID": "p-2", "startedAt": "2026-11-29T08:00:00Z"}
            ]}
            """, to: file)
        #expect(try store.calls(on: CalendarDay(year: 2026, month: 11, day: 29)).map(\.id) == ["early", "late"])
    }

    @Test func daySummariesStayInStepWithTheCalls() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let monday = [
            Sample.call("a", at: Sample.utc(30, 9), me: 20, them: 80),
            Sample.call("b", at: Sample.utc(30, 11), me: 80, them: 20),
        ]
        let sunday = [Sample.call("c", at: Sample.utc(29, 16), outcome: .noAnswer)]
        for call in monday + sunday { try store.save(call: call, targets: .standard) }

        let days = try store.summaries(from: CalendarDay(year: 2026, month: 11, day: 1), to: CalendarDay(year: 2026, month: 11, day: 30))
        #expect(days == [
            DaySummary(day: CalendarDay(year: 2026, month: 11, day: 29), calls: sunday, targets: .standard),
            DaySummary(day: CalendarDay(year: 2026, month: 11, day: 30), calls: monday, targets: .standard),
        ])
        #expect(days.last?.dials == 2)
        #expect(days.last?.callsInBand == 1)

        let onlyMonday = try store.summaries(from: CalendarDay(year: 2026, month: 11, day: 30), to: CalendarDay(year: 2026, month: 12, day: 31))
        #expect(onlyMonday.map(\.day) == [CalendarDay(year: 2026, month: 11, day: 30)])
    }

    @Test func rebuildingSummariesAppliesNewTargets() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        try store.save(call: Sample.call("a", at: Sample.at(9), me: 50, them: 50), targets: .standard)
        let day = CalendarDay(year: 2026, month: 11, day: 29)
        #expect(try store.summaries(from: day, to: day).first?.callsInBand == 0)
        try store.rebuildSummaries(targets: TalkTargets(targetShare: 0.5))
        #expect(try store.summaries(from: day, to: day).first?.callsInBand == 1)
    }

    @Test func exportReadsEveryDayInOrderAndHonoursTheRange() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let lastYear = Sample.call("old", at: Date(timeIntervalSince1970: 1_766_000_000))  // 2025-12-17
        let calls = [Sample.call("b", at: Sample.utc(30, 9)), Sample.call("a", at: Sample.utc(28, 9)), lastYear]
        for call in calls { try store.save(call: call, targets: .standard) }
        #expect(try store.callDays().map(\.description) == ["2025-12-17", "2026-11-28", "2026-11-30"])
        #expect(try store.allCalls().map(\.id) == ["old", "a", "b"])
        let november = try store.allCalls(from: CalendarDay(year: 2026, month: 11, day: 1), to: CalendarDay(year: 2026, month: 11, day: 29))
        #expect(november.map(\.id) == ["a"])
    }

    @Test func aCheckpointSurvivesTheProgramGoingAway() throws {
        let scratch = ScratchDirectory()
        let checkpoint = Sample.checkpoint(seconds: 42)
        do {
            let store = try Store(directory: scratch.store, zone: .gmt)
            try store.writeCheckpoint(Sample.checkpoint(seconds: 41))
            try store.writeCheckpoint(checkpoint)
        }
        // The next start finds it and can save it as it was.
        let store = try Store(directory: scratch.store, zone: .gmt)
        let found = try #require(try store.checkpoint())
        #expect(found == checkpoint)
        #expect(found.callAsEnded.duration == 42)
        try store.save(call: found.callAsEnded, targets: .standard)
        try store.clearCheckpoint()
        #expect(try store.checkpoint() == nil)
        #expect(try store.calls(on: CalendarDay(year: 2026, month: 11, day: 29)).map(\.id) == ["live"])
        try store.clearCheckpoint()  // clearing twice is harmless
    }

    @Test func aCheckpointTakenInTheEndOfCallDialogsKeepsTheirAnswers() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        var checkpoint = Sample.checkpoint(seconds: 42)
        checkpoint.answers = EndOfCallAnswers(
            askAnswer: true, referralText: "Half typed",
            referrals: [Referral(name: "Jan Jansen", company: "Jansen BV", phone: "020-5550114")],
            outcome: .callback, nextStepText: "fri 14:30", nextStepAt: Sample.at(14),
            draft: FollowUp(subject: "Thanks", body: "Talk on Friday"))
        checkpoint.noteDraft = "budget 50k, decision in Q1"
        try store.writeCheckpoint(checkpoint)
        let found = try #require(try store.checkpoint())
        #expect(found.answers == checkpoint.answers, "\(String(describing: found.answers))")
        #expect(found == checkpoint)
        // Without answers the key is left out, so an ordinary checkpoint stays small.
        try store.writeCheckpoint(Sample.checkpoint(seconds: 43))
        let text = try String(contentsOf: store.directory.appendingPathComponent("live-call.json"), encoding: .utf8)
        #expect(!text.contains("answers") && !text.contains("noteDraft"))
    }

    @Test func contactCardsHoldEveryProspectsIdNameEmailAndPhone() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        #expect(try store.contactCards().isEmpty)
        var prospects = (1...40).map { Sample.prospect("p-\($0)") }
        prospects.append(Prospect(id: "bare", name: "No Contact Yet", createdAt: Sample.at(9)))
        try store.save(prospects: prospects)
        let cards = try store.contactCards()
        #expect(Set(cards) == Set(prospects.map(\.card)))
        #expect(cards.first { $0.id == "bare" } == ContactCard(id: "bare", name: "No Contact Yet"))
    }

    @Test func outboxMessagesAreWrittenListedReadAndRemoved() throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let message = Data("Subject: Thank you\r\n\r\nHi Anna\r\n".utf8)
        let url = try store.writeOutboxMessage(message, name: "2026-11-29-anna.eml")
        try store.writeOutboxMessage(Data("b".utf8), name: "2026-11-29-bram.eml")
        #expect(url.path == store.outboxDirectory.appendingPathComponent("2026-11-29-anna.eml").path)
        #expect(try store.outboxMessages() == ["2026-11-29-anna.eml", "2026-11-29-bram.eml"])
        #expect(try store.readOutboxMessage(name: "2026-11-29-anna.eml") == message)
        try store.removeOutboxMessage(name: "2026-11-29-anna.eml")
        #expect(try store.outboxMessages() == ["2026-11-29-bram.eml"])
        #expect(storeError { _ = try store.readOutboxMessage(name: "2026-11-29-anna.eml") }?.exitCode == 66)
    }

    @Test(arguments: ["../escape.eml", "sub/dir.eml", ".hidden.eml", "", "naïve.eml"])
    func outboxNamesThatCouldEscapeAreRefused(name: String) throws {
        let scratch = ScratchDirectory()
        let store = try Store(directory: scratch.store, zone: .gmt)
        let error = storeError { try store.writeOutboxMessage(Data("x".utf8), name: name) }
        #expect(error == .invalidMessageName(name))
        #expect(error?.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("escape.eml").path))
    }

    @Test func aReadOnlyStoreReadsButNeverWrites() throws {
        let scratch = ScratchDirectory()
        let writer = try Store(directory: scratch.store, zone: .gmt)
        try writer.save(prospects: [Sample.prospect("p-1")])
        let reader = try Store(directory: scratch.store, zone: .gmt, access: .readOnly)
        #expect(try reader.prospects().map(\.id) == ["p-1"])
        let error = storeError { try reader.upsert(prospect: Sample.prospect("p-2")) }
        #expect(error == .readOnly(directory: reader.directory.path))
        #expect(storeError { try reader.save(call: Sample.call("c", at: Sample.at(9)), targets: .standard) } != nil)
        #expect(try writer.prospects().map(\.id) == ["p-1"])
    }

    @Test func aReadOnlyStoreNeedsTheDirectoryToExist() {
        let scratch = ScratchDirectory()
        let error = storeError { _ = try Store(directory: scratch.store, zone: .gmt, access: .readOnly) }
        #expect(error == .missing(path: scratch.store.standardizedFileURL.path))
        #expect(error?.exitCode == 66)
        #expect(!FileManager.default.fileExists(atPath: scratch.store.path))
    }
}

@Suite("Saving many calls at once")
struct StoreBulkTests {
    @Test func aBatchEndsUpExactlyAsSavingEachCallInTurn() throws {
        let scratch = ScratchDirectory()
        let calls = [
            Sample.call("a", at: Sample.utc(28, 9)), Sample.call("b", at: Sample.utc(29, 9), me: 60, them: 10),
            Sample.call("c", at: Sample.utc(29, 8), outcome: .voicemail), Sample.call("a", at: Sample.utc(28, 9), outcome: .noFit),
        ]
        let batch = try Store(directory: scratch.url.appendingPathComponent("batch"), zone: .gmt)
        try batch.save(calls: calls, targets: .standard)
        let oneByOne = try Store(directory: scratch.url.appendingPathComponent("single"), zone: .gmt)
        for call in calls { try oneByOne.save(call: call, targets: .standard) }

        let first = CalendarDay(year: 2026, month: 11, day: 1)
        let last = CalendarDay(year: 2026, month: 11, day: 30)
        #expect(try batch.allCalls() == oneByOne.allCalls())
        #expect(try batch.allCalls().map(\.id) == ["a", "c", "b"])
        #expect(try batch.allCalls().first?.outcome == .noFit)
        #expect(try batch.summaries(from: first, to: last) == oneByOne.summaries(from: first, to: last))
    }
}
