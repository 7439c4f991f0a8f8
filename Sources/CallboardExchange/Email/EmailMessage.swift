import CallboardCore
import Foundation

/// A follow-up as an RFC 5322 message, ready for the outbox and for `sendmail -t`.
///
/// Every header value passes through one cleaner, so a line break in a prospect's name or
/// a subject can never start a header of its own; non-ASCII text is RFC 2047 encoded and
/// the body is quoted-printable UTF-8.
public struct EmailMessage: Hashable, Sendable {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var date: Date
    /// The writer's time zone, for the Date header.
    public var zone: TimeZone
    /// Unique part of the Message-ID, e.g. the call's id and a random suffix.
    public var uniqueID: String

    public init(
        fromName: String, fromAddress: String, toName: String, toAddress: String,
        subject: String, body: String, date: Date, zone: TimeZone, uniqueID: String
    ) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.zone = zone
        self.uniqueID = uniqueID
    }

    /// Whether the prospect's address can receive the message. Without one the draft is
    /// still written, marked "no recipient", and sending is refused.
    public var hasRecipient: Bool { Self.isAddress(toAddress) }
    public var hasSender: Bool { Self.isAddress(fromAddress) }

    /// Why the message cannot be sent, or nil when it can: the core's one rule.
    public var sendProblem: String? {
        guard let problem = ContactCheck.sendProblem(to: toAddress, from: fromAddress) else { return nil }
        let sentence = problem.prefix(1).uppercased() + problem.dropFirst()
        return canReceive ? sentence + "." : sentence + ", so the follow-up was kept as a draft."
    }

    private var canReceive: Bool { ContactCheck.canReceiveEmail(toAddress) }

    /// The whole message with CRLF line ends.
    public func rendered() -> Data {
        var headers: [String] = []
        headers.append("From: " + MailHeader.mailbox(name: fromName, address: hasSender ? fromAddress : "nobody@localhost"))
        if hasRecipient {
            headers.append("To: " + MailHeader.mailbox(name: toName, address: toAddress))
        } else {
            headers.append("To: undisclosed-recipients:;")
            headers.append("X-Callboard-Draft: no recipient")
        }
        headers.append("Subject: " + MailHeader.unstructured(subject))
        headers.append("Date: " + Self.dateText(date, zone: zone))
        headers.append("Message-ID: <\(messageIDLocalPart)@\(domain)>")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=utf-8")
        headers.append("Content-Transfer-Encoding: quoted-printable")
        headers.append("X-Mailer: callboard")
        let text = headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(StoredText.body(body))
        return Data(text.utf8)
    }

    var domain: String {
        guard hasSender, let at = fromAddress.lastIndex(of: "@") else { return "callboard.localhost" }
        return String(fromAddress[fromAddress.index(after: at)...])
    }

    var messageIDLocalPart: String {
        let allowed = uniqueID.unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-._".unicodeScalars.contains($0)
        }
        let text = String(String.UnicodeScalarView(allowed))
        return text.isEmpty ? "callboard" : text
    }

    /// An addr-spec that is safe to put in a header: plausible, ASCII, no spaces, no
    /// brackets, no line breaks.
    static func isAddress(_ address: String) -> Bool { ContactCheck.canReceiveEmail(address) }

    /// `Sun, 29 Nov 2026 09:14:03 +0100`.
    static func dateText(_ date: Date, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
