import CallboardCore
import Foundation

/// Callbacks and meetings as an iCalendar file (RFC 5545) that Google Calendar, Outlook
/// and Thunderbird import. Times are written in UTC, which every importer places
/// correctly in the reader's own zone without a VTIMEZONE block; the prospect's local
/// time goes in the description.
public enum CalendarExport {
    public struct Appointment: Hashable, Sendable {
        public enum Kind: String, Sendable { case callback, meeting }
        public var kind: Kind
        public var at: Date
        public var prospect: Prospect
    }

    /// Every callback and meeting still to come after `now`, by time: one already past
    /// has no place in a calendar someone imports today.
    public static func appointments(in prospects: [Prospect], after now: Date) -> [Appointment] {
        prospects.flatMap { appointments(of: $0, after: now) }.sorted { ($0.at, $0.prospect.id) < ($1.at, $1.prospect.id) }
    }

    /// One prospect's callback and meeting still to come after `now`.
    public static func appointments(of prospect: Prospect, after now: Date) -> [Appointment] {
        guard prospect.status.isCallable else { return [] }
        var result: [Appointment] = []
        if let at = prospect.callbackAt, at > now { result.append(Appointment(kind: .callback, at: at, prospect: prospect)) }
        if let at = prospect.meetingAt, at > now { result.append(Appointment(kind: .meeting, at: at, prospect: prospect)) }
        return result
    }

    /// The calendar of what is still open at `createdAt`.
    public static func document(prospects: [Prospect], createdAt: Date) -> String {
        let sink = DataSink()
        // A DataSink never fails.
        try? write(prospects: prospects, createdAt: createdAt, to: sink)
        return String(decoding: sink.data, as: UTF8.self)
    }

    /// The calendar, an event at a time; with `days`, only the appointments on those days
    /// (in `zone`).
    public static func write(
        prospects: [Prospect], createdAt: Date, days: ClosedRange<CalendarDay>? = nil, zone: TimeZone = .current,
        to sink: any ExportSink
    ) throws {
        let opening = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//callboard//callboard//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        try sink.write(lines(opening))
        for appointment in appointments(in: prospects, after: createdAt)
        where days.map({ $0.contains(CalendarDay(containing: appointment.at, in: zone)) }) ?? true {
            try sink.write(lines(event(appointment, stamp: createdAt)))
        }
        try sink.write(lines(["END:VCALENDAR"]))
    }

    private static func lines(_ lines: [String]) -> String {
        lines.map { folded($0) + "\r\n" }.joined()
    }

    static func event(_ a: Appointment, stamp: Date) -> [String] {
        let p = a.prospect
        let minutes: Double = a.kind == .meeting ? 30 : 15
        let who = p.company.isEmpty ? p.name : "\(p.name) (\(p.company))"
        let summary = (a.kind == .meeting ? "Meeting: " : "Call back: ") + who
        var details: [String] = []
        if !p.phone.isEmpty { details.append("Phone: \(p.phone)") }
        if !p.email.isEmpty { details.append("Email: \(p.email)") }
        if let zone = p.zone {
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.timeZone = zone
            local.dateFormat = "EEE d MMM HH:mm"
            details.append("Their time: \(local.string(from: a.at)) (\(zone.identifier))")
        }
        if !p.lastCallNotes.isEmpty { details.append("Last notes: \(p.lastCallNotes)") }
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(uidPart(p.id.rawValue))-\(a.kind.rawValue)-\(Int(a.at.timeIntervalSince1970))@callboard",
            "DTSTAMP:\(utc(stamp))",
            "DTSTART:\(utc(a.at))",
            "DTEND:\(utc(a.at.addingTimeInterval(minutes * 60)))",
            "SUMMARY:\(escaped(summary))",
        ]
        if !details.isEmpty { lines.append("DESCRIPTION:\(escaped(details.joined(separator: "\n")))") }
        if !p.phone.isEmpty { lines.append("LOCATION:\(escaped(p.phone))") }
        lines.append("END:VEVENT")
        return lines
    }

    /// The prospect's id in a UID: letters, digits, `-`, `_` and `.` as they are, every
    /// other byte percent-encoded, so a tampered id can carry no line break or property.
    static func uidPart(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// `20261203T091500Z`.
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .gmt
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`, other
    /// control characters dropped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                if ControlCharacters.isDropped(scalar) || scalar == "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a CRLF and a space,
    /// split between characters, never inside one.
    public static func folded(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        var limit = 75
        for character in line {
            let size = character.utf8.count
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
                limit = 74  // the leading space of a continuation counts
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
