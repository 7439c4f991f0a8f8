import Foundation
import Testing

@testable import CallboardExchange

private func message(
    toName: String = "Zoë Ångström", to: String = "zoe@example.se",
    subject: String = "Thank you for your time"
) -> EmailMessage {
    EmailMessage(
        fromName: "Sam Seller", fromAddress: "sam@seller.example", toName: toName, toAddress: to,
        subject: subject, body: "Hej Zoë,\n\nthanks = great call. \nBye", date: Date(timeIntervalSince1970: 1_795_000_000),
        zone: TimeZone(identifier: "Europe/Amsterdam") ?? .gmt, uniqueID: "p-1@179")
}

/// Header name to unfolded value, as a mail reader would see them.
private func headers(_ data: Data) -> [(String, String)] {
    let text = String(decoding: data, as: UTF8.self)
    let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
    return head.components(separatedBy: "\r\n").map { line in
        let colon = line.firstIndex(of: ":") ?? line.endIndex
        return (String(line[..<colon]), String(line[colon...].dropFirst().drop(while: { $0 == " " })))
    }
}

@Suite struct EmailMessageTests {
    @Test func headersParseBackWithEncodedNames() {
        let parsed = headers(message().rendered())
        #expect(parsed.map(\.0) == [
            "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding", "X-Mailer",
        ])
        let values = Dictionary(parsed, uniquingKeysWith: { a, _ in a })
        #expect(values["From"] == "Sam Seller <sam@seller.example>")
        #expect(values["To"] == "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.se>")
        #expect(values["Subject"] == "Thank you for your time")
        #expect(values["Date"] == "Wed, 18 Nov 2026 12:06:40 +0100")
        #expect(values["Message-ID"] == "<p-1179@seller.example>")
        #expect(values["Content-Type"] == "text/plain; charset=utf-8")
    }

    @Test func lineBreaksInNamesAndSubjectsNeverMakeHeaders() {
        let evil = message(
            toName: "Eve\r\nBcc: victim@example.com", subject: "Hi\r\nBcc: other@example.com\nX-Evil: 1")
        let parsed = headers(evil.rendered())
        #expect(!parsed.contains { $0.0 == "Bcc" || $0.0 == "X-Evil" })
        #expect(parsed.count == 9)
        let values = Dictionary(parsed, uniquingKeysWith: { a, _ in a })
        #expect(values["Subject"] == "Hi Bcc: other@example.com X-Evil: 1")
    }

    @Test func nonASCIISubjectIsEncodedInWordsOfAtMost75Characters() {
        let subject = String(repeating: "Tack för samtalet, Zoë! ", count: 4)
        let text = String(decoding: message(subject: subject).rendered(), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") { #expect(line.count <= 78) }
        let words = head.components(separatedBy: "=?UTF-8?B?").dropFirst()
        let decoded = words.compactMap { word -> String? in
            let base64 = word.components(separatedBy: "?=")[0]
            return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
        }.joined()
        #expect(decoded.hasSuffix(ImportedText.line(subject)))
    }

    @Test func bodyIsQuotedPrintableAndDecodesToTheText() {
        let text = String(decoding: message().rendered(), as: UTF8.self)
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(body.contains("Hej Zo=C3=AB,"))
        #expect(body.contains("thanks =3D great call.=20\r\n"))
        #expect(String(decoding: QuotedPrintable.decode(body), as: UTF8.self) == "Hej Zoë,\r\n\r\nthanks = great call. \r\nBye\r\n")
        let long = QuotedPrintable.encode(String(repeating: "ä", count: 100))
        for line in long.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
    }

    @Test func aMissingOrMalformedRecipientStillWritesADraftButCannotBeSent() {
        for address in ["", "not an address", "a@b.c>\r\nBcc: x@y.z"] {
            let draft = message(to: address)
            #expect(!draft.hasRecipient)
            #expect(draft.sendProblem != nil)
            let parsed = headers(draft.rendered())
            #expect(parsed.contains { $0 == ("X-Callboard-Draft", "no recipient") })
            #expect(parsed.contains { $0 == ("To", "undisclosed-recipients:;") })
            #expect(!parsed.contains { $0.0 == "Bcc" })
        }
        #expect(message().sendProblem == nil)
    }
}

@Suite struct CommandTests {
    @Test func commandLinesSplitLikeAShellWithoutRunningOne() throws {
        #expect(try CommandWords.split("msmtp -t") == ["msmtp", "-t"])
        #expect(try CommandWords.split("  code   --wait ") == ["code", "--wait"])
        #expect(try CommandWords.split("msmtp -a \"work account\" -t") == ["msmtp", "-a", "work account", "-t"])
        #expect(try CommandWords.split("vi '-c' 'set tw=72'") == ["vi", "-c", "set tw=72"])
        #expect(try CommandWords.split("say \"$(rm -rf ~)\" `id` ; ls | cat") == ["say", "$(rm -rf ~)", "`id`", ";", "ls", "|", "cat"])
        #expect(try CommandWords.split("a\\ b \"q\\\"uote\" ''") == ["a b", "q\"uote", ""])
        #expect(throws: CommandWords.Problem.unclosedQuote("\"")) { try CommandWords.split("msmtp \"-t") }
        #expect(throws: CommandWords.Problem.trailingBackslash) { try CommandWords.split("msmtp \\") }
    }

    @Test func theSendCommandGetsTheMessageOnStdinAndItsStatusIsReported() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("captured.eml")
        let script = folder.appendingPathComponent("fake-sendmail")
        try Data("#!/bin/sh\ncat > \"$1\"\necho \"sent with $2\" >&2\nexit \"$3\"\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        let runner = CommandRunner(searchPath: folder.path)
        let mail = message().rendered()
        // A quoted argument holding $(...) arrives as text: no shell ever sees it.
        let line = "fake-sendmail '\(capture.path)' '$(touch \(folder.path)/pwned)' 0"
        let sent = try runner.run(line, input: mail)
        #expect(sent.succeeded)
        #expect(try Data(contentsOf: capture) == mail)
        #expect(sent.errorOutput == "sent with $(touch \(folder.path)/pwned)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned").path))
        let failed = try runner.run("fake-sendmail '\(capture.path)' x 75", input: mail)
        #expect(failed.status == 75)
        #expect(!failed.succeeded)
        #expect(throws: CommandRunner.Failure.notFound("no-such-mailer")) {
            try runner.run("no-such-mailer -t", input: mail)
        }
    }
}
