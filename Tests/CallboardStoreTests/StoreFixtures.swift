import CallboardCore
import Foundation

@testable import CallboardStore

/// A fresh directory per test, removed when the test is done with it.
final class ScratchDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-store-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Where a store goes; the store creates it.
    var store: URL { url.appendingPathComponent("data", isDirectory: true) }

    deinit { try? FileManager.default.removeItem(at: url) }
}

enum Sample {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
    static let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? .gmt

    /// 2026-11-29 at `hour:minute` UTC.
    static func at(_ hour: Int, _ minute: Int = 0, second: Double = 0) -> Date {
        utc(29, hour, minute, second: second)
    }

    /// November `day`, 2026, at `hour:minute` UTC.
    static func utc(_ day: Int, _ hour: Int, _ minute: Int = 0, second: Double = 0) -> Date {
        let midnight = CalendarDay(year: 2026, month: 11, day: day).start(in: .gmt) ?? Date()
        return midnight.addingTimeInterval(Double(hour * 3_600 + minute * 60) + second)
    }

    static func prospect(_ id: String, name: String = "Anna de Vries") -> Prospect {
        Prospect(
            id: ProspectID(id), name: name, company: "Brightwater BV", title: "Head of Operations",
            phone: "+31 20 555 0101", email: "anna@example.org", timeZone: "Europe/Amsterdam",
            source: .referral, referredBy: "p-0", priority: 2, nextCallDay: CalendarDay("2026-12-01"),
            callbackAt: utc(30, 9, 15), attempts: 2,
            world: Prospect.World(organization: "40 drivers", challenges: "late invoices", requirements: ""),
            notes: "met at the fair", createdAt: utc(1, 8, second: 0.25), lastOutcome: .callback,
            lastCalledAt: utc(28, 14), lastCallNotes: "call back Monday")
    }

    static func call(
        _ id: String, prospect: String = "p-1", at start: Date, me: Double = 30, them: Double = 70,
        outcome: Outcome? = .meetingBooked
    ) -> Call {
        Call(
            id: CallID(id), prospectID: ProspectID(prospect), startedAt: start,
            segments: [
                TalkSegment(speaker: .me, start: 0, end: me),
                TalkSegment(speaker: .prospect, start: me, end: me + them),
            ],
            duration: me + them, outcome: outcome, referralAsk: .asked,
            referrals: [Referral(name: "Bram Jansen", company: "Harbour Freight")],
            notes: [CallNote(text: "needs it by March", tag: .requirement, at: 12.5)],
            followUp: FollowUp(subject: "Thank you", body: "Hi Anna,\n…", status: .pending),
            nextStepAt: utc(30, 10))
    }

    static func checkpoint(seconds: Int) -> LiveCallCheckpoint {
        var live = call("live", at: at(9), outcome: nil)
        live.duration = nil
        live.segments = (0..<seconds).map {
            TalkSegment(speaker: $0.isMultiple(of: 2) ? .me : .prospect, start: Double($0), end: Double($0 + 1))
        }
        return LiveCallCheckpoint(call: live, elapsed: Double(seconds), savedAt: at(9, 0, second: Double(seconds)))
    }
}

/// Writes `text` into `url` as a seller's editor would (no atomic dance, no 0600).
func handWrite(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The StoreError a throwing expression produced, or nil.
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// Permission bits of a path, e.g. 0o600.
func mode(of url: URL) -> Int? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes?[.posixPermissions] as? NSNumber).map { $0.intValue & 0o777 }
}

extension Store {
    /// The bucket file that holds the prospect `id`.
    func prospectFile(_ id: ProspectID) -> URL { bucketFile(ProspectBucket.index(of: id)) }
    /// November 2026's summaries, where the samples' calls fall.
    var novemberSummaries: URL { summaryFile(year: 2026, month: 11) }
}
