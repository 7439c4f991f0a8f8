import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

/// Someone else's text in the files callboard writes: an email, a calendar, the exports.
@Suite struct HostileEmailTests {
    func rendered(toName: String = "Anna", subject: String = "Thanks", body: String = "Hello") -> String {
        let message = EmailMessage(
            fromName: "Sam Seller", fromAddress: "sam@seller.example", toName: toName, toAddress: "anna@example.org",
            subject: subject, body: body, date: Date(timeIntervalSince1970: 1_795_000_000), zone: .gmt, uniqueID: "c-1")
        return String(decoding: message.rendered(), as: UTF8.self)
    }

    private func toHeader(_ text: String) -> String {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") } ?? ""
    }

    @Test func aNameThatLooksLikeAnEncodedWordIsEncodedItself() {
        // Unquoted, a reader would decode this to "Bob the CEO".
        let fake = "=?UTF-8?B?Qm9iIHRoZSBDRU8=?="
        let header = toHeader(rendered(toName: fake))
        let words = header.dropFirst(4).components(separatedBy: " <")[0].components(separatedBy: " ")
        let decoded = words.compactMap { word -> String? in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return nil }
            return Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) }
        }.joined()
        #expect(decoded == fake, "\(header)")
    }

    @Test func noHeaderLinePassesTheLimitWhateverTheName() {
        let text = rendered(toName: String(repeating: "A", count: 2000), subject: String(repeating: "B", count: 2000))
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line.prefix(40))…") }
    }

    @Test func controlCharactersNeverReachTheBody() {
        let text = rendered(body: "Hello Eve\u{1B}[2J\u{07} of Acme\u{9B}1m\nBye")
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(!body.contains("=1B") && !body.contains("=07") && !body.contains("=C2=9B"), "\(body)")
        #expect(String(decoding: QuotedPrintable.decode(body), as: UTF8.self) == "Hello Eve[2J of Acme1m\r\nBye\r\n")
    }

    @Test func aLineWithALoneDotCannotEndTheMessage() {
        let text = rendered(body: "Before\n.\nAfter\n" + String(repeating: "x", count: 75) + ".")
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(!body.components(separatedBy: "\r\n").contains { $0.hasPrefix(".") }, "\(body)")
        #expect(String(decoding: QuotedPrintable.decode(body), as: UTF8.self).contains("Before\r\n.\r\nAfter"))
    }
}

@Suite struct HostileCalendarTests {
    @Test func aTamperedIDCannotInjectAProperty() {
        var prospect = Prospect(
            id: ProspectID("p-1\r\nATTENDEE:mailto:evil@example.com\r\nX"), name: "Anna", createdAt: Date(timeIntervalSince1970: 0))
        prospect.callbackAt = Date(timeIntervalSince1970: 1_795_000_000)
        let text = CalendarExport.document(prospects: [prospect], createdAt: Date(timeIntervalSince1970: 1_794_000_000))
        let lines = text.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0 == "X" }, "\(text)")
        let uid = lines.first { $0.hasPrefix("UID:") } ?? ""
        #expect(uid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@:%".contains($0)) }, "\(uid)")
    }
}

@Suite struct HostileExportTests {
    static let when = Date(timeIntervalSince1970: 1_795_000_000)

    func prospect(notes: String) -> Prospect {
        var prospect = Prospect(id: "p-1", name: "Eve\u{9B}31m Evil", email: "eve@example.com", notes: notes, createdAt: Self.when)
        prospect.world = Prospect.World(organization: "40 drivers", challenges: "late\u{202E}invoices", requirements: "EDI")
        prospect.lastCallNotes = "call back\u{2028}Monday"
        return prospect
    }

    @Test func theJSONExportEscapesInvisibleCharactersAndReadsBackTheSame() throws {
        let original = prospect(notes: "a\u{7F}b\u{202E}c\u{2028}d")
        let data = try JSONExport.document(prospects: [original], calls: [], exportedAt: Self.when)
        let text = String(decoding: data, as: UTF8.self)
        for raw in ["\u{9B}", "\u{202E}", "\u{2028}", "\u{7F}"] { #expect(!text.contains(raw), "raw \(raw.unicodeScalars.first?.value ?? 0)") }
        #expect(text.contains("\\u202e") && text.contains("\\u2028"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let notes = ((object?["prospects"] as? [[String: Any]])?.first?["notes"] as? String)
        #expect(notes == original.notes)
    }

    @Test func theCSVExportHasNoNulOrDelAndImportsBack() throws {
        let original = prospect(notes: "first\u{0}line\u{7F}\nsecond line")
        let csv = CSVExport.document(prospects: [original])
        #expect(!csv.unicodeScalars.contains { $0.value == 0 || $0.value == 0x7F || $0.value == 0x9B })
        let header = csv.components(separatedBy: "\r\n")[0]
        #expect(header.hasSuffix(",notes,organization_notes,challenges,requirements,last_call_notes,last_outcome_crm"))
        #expect(csv.contains("40 drivers") && csv.contains("EDI") && csv.contains("call back\nMonday"))
        let back = try ProspectImport().run(csv: csv, existing: [], now: Self.when, newID: { "p-2" })
        #expect(back.problems.isEmpty)
        #expect(back.prospects.first?.notes == "firstline\nsecond line")
        #expect(back.prospects.first?.name == "Eve31m Evil")
    }
}

@Suite struct ReviewNextStepTests {
    static var withNextStep: DayReport {
        var call = ReviewFixtures.conversation
        call.nextStepAt = ReviewFixtures.at(16, 30).addingTimeInterval(86_400)
        var voicemail = ReviewFixtures.heldOnSilence
        voicemail.segments = [TalkSegment(speaker: .me, start: 0, end: 40)]
        return DayReport(day: ReviewFixtures.day, calls: [call, voicemail], prospects: ReviewFixtures.prospects)
    }

    @Test func theJSONReviewHasTheNextStepWithItsZoneAndNoShareForAVoicemail() throws {
        let root = try ReviewFixtures.json(ReviewJSON.day(Self.withNextStep, zone: ReviewFixtures.zone))
        let calls = try #require(root["calls"] as? [[String: Any]])
        let next = try #require(calls[0]["next_step"] as? [String: Any])
        #expect(next["at"] as? String == "2026-11-30T16:30:00+01:00")
        #expect(next["zone"] as? String == "Europe/Amsterdam")
        #expect(calls[1]["next_step"] is NSNull)
        #expect(calls[1]["me_share"] is NSNull, "a message on a voicemail is no share of a talk")
    }

    @Test func theCSVReviewHasTheNextStepColumns() {
        let csv = ReviewCSV.day(Self.withNextStep, zone: ReviewFixtures.zone).components(separatedBy: "\r\n")
        #expect(csv[0].hasSuffix(",follow_up,next_step_at,next_step_zone"))
        #expect(csv[1].hasSuffix(",2026-11-30T16:30:00+01:00,Europe/Amsterdam"))
        #expect(csv[2].hasSuffix(",,"))
        let voicemailShare = csv[2].components(separatedBy: ",")[9]
        #expect(voicemailShare == "")
    }
}
