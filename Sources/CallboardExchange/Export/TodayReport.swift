import CallboardCore
import Foundation

/// Today's queue for scripts and for a glance in the shell.
public enum TodayReport {
    struct Document: Encodable {
        var date: String
        var queue: [Row]
    }

    struct Row: Encodable {
        var id: String
        var name: String
        var company: String
        var title: String
        var phone: String
        var email: String
        var reason: String
        var referredBy: String?
        var callbackAt: String?
        var localTime: String?
        var timeZone: String?
        var inBusinessHours: Bool?
        var priority: Int
        var attempts: Int
        var lastOutcome: String?

        enum CodingKeys: String, CodingKey {
            case id, name, company, title, phone, email, reason, priority, attempts
            case referredBy = "referred_by", callbackAt = "callback_at", localTime = "local_time"
            case timeZone = "time_zone", inBusinessHours = "in_business_hours"
            case lastOutcome = "last_outcome"
        }

        // Absent values are written as null so every row has the same keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(company, forKey: .company)
            try c.encode(title, forKey: .title)
            try c.encode(phone, forKey: .phone)
            try c.encode(email, forKey: .email)
            try c.encode(reason, forKey: .reason)
            try c.encode(referredBy, forKey: .referredBy)
            try c.encode(callbackAt, forKey: .callbackAt)
            try c.encode(localTime, forKey: .localTime)
            try c.encode(timeZone, forKey: .timeZone)
            try c.encode(inBusinessHours, forKey: .inBusinessHours)
            try c.encode(priority, forKey: .priority)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(lastOutcome, forKey: .lastOutcome)
        }
    }

    /// `referrerNames` names referrers who are not among `prospects`.
    static func rows(
        _ entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:]
    ) -> [Row] {
        var names = referrerNames
        for prospect in prospects.reversed() { names[prospect.id] = prospect.name }
        let stamp = ISO8601DateFormatter()
        return entries.map { entry in
            let p = entry.prospect
            var referrer = p.referredBy.flatMap { names[$0] }
            if case .referral(let from?) = entry.reason { referrer = from }
            var callback: String?
            if case .callback(let at) = entry.reason { callback = stamp.string(from: at) }
            return Row(
                id: p.id.rawValue, name: p.name, company: p.company, title: p.title, phone: p.phone,
                email: p.email, reason: entry.reason.name, referredBy: referrer, callbackAt: callback,
                localTime: entry.local?.text, timeZone: p.timeZone,
                inBusinessHours: entry.local?.isBusinessHours, priority: p.priority,
                attempts: p.attempts, lastOutcome: p.lastOutcome?.reportName)
        }
    }

    public static func json(
        day: CalendarDay, entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:]
    ) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(date: day.description, queue: rows(entries, prospects: prospects, referrerNames: referrerNames)))
        data.append(0x0A)
        return JSONText.escapingInvisibles(data)
    }

    /// One line per prospect, cleaned of control characters because it goes to a terminal.
    public static func text(
        day: CalendarDay, entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:],
        zone: TimeZone
    ) -> String {
        guard !entries.isEmpty else {
            return "Nobody is due on \(day). Add prospects with `callboard add` or `callboard import`.\n"
        }
        let clock = DateFormatter()
        clock.locale = Locale(identifier: "en_US_POSIX")
        clock.timeZone = zone
        clock.dateFormat = "HH:mm"
        var out = "\(day) — \(entries.count) to call\n"
        for (number, row) in rows(entries, prospects: prospects, referrerNames: referrerNames).enumerated() {
            let entry = entries[number]
            var why: String
            switch entry.reason {
            case .callback(let at): why = "callback \(clock.string(from: at))"
            case .referral: why = "referral" + (row.referredBy.map { " from \($0)" } ?? "")
            case .due: why = "due"
            case .new: why = "new"
            }
            var parts = [row.name]
            if !row.company.isEmpty { parts.append(row.company) }
            if !row.phone.isEmpty { parts.append(row.phone) }
            if let local = entry.local {
                let why = local.isBusinessHours ? "" : (local.isWeekend ? " (their weekend)" : " (outside hours)")
                parts.append("their time \(local.text)" + why)
            }
            let line = "\(number + 1). [\(why)] " + parts.joined(separator: " · ")
            out += ImportedText.line(line) + "\n"
        }
        return out
    }
}
