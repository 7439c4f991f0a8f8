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
        var why: String
        var overdue: Bool
        var referredBy: String?
        var callbackAt: String?
        var localTime: String?
        var localTimeAt: String?
        var timeZone: String?
        var inBusinessHours: Bool?
        var priority: Int
        var attempts: Int
        var lastOutcome: String?

        enum CodingKeys: String, CodingKey {
            case id, name, company, title, phone, email, reason, why, overdue, priority, attempts
            case referredBy = "referred_by", callbackAt = "callback_at", localTime = "local_time"
            case localTimeAt = "local_time_at"
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
            try c.encode(why, forKey: .why)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(referredBy, forKey: .referredBy)
            try c.encode(callbackAt, forKey: .callbackAt)
            try c.encode(localTime, forKey: .localTime)
            try c.encode(localTimeAt, forKey: .localTimeAt)
            try c.encode(timeZone, forKey: .timeZone)
            try c.encode(inBusinessHours, forKey: .inBusinessHours)
            try c.encode(priority, forKey: .priority)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(lastOutcome, forKey: .lastOutcome)
        }
    }

    /// `referrerNames` names referrers who are not among `prospects`; `seenAt` is the
    /// instant the queue read everyone's clock at. A callback's local time is of its
    /// agreed instant instead, and `local_time_at` says which instant each one is of.
    static func rows(
        _ entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:],
        seenAt: Date, zone: TimeZone
    ) -> [Row] {
        var names = referrerNames
        for prospect in prospects.reversed() { names[prospect.id] = prospect.name }
        let stamp = ISO8601DateFormatter()
        return entries.map { entry in
            let p = entry.prospect
            var referrer = p.referredBy.flatMap { names[$0] }
            if case .referral(let from?) = entry.reason { referrer = from }
            var callback: String?
            var local = entry.local
            var localAt = seenAt
            if case .callback(let at) = entry.reason {
                callback = stamp.string(from: at)
                local = entry.callbackLocal
                localAt = at
            }
            return Row(
                id: p.id.rawValue, name: p.name, company: p.company, title: p.title, phone: p.phone,
                email: p.email, reason: entry.reason.name, why: entry.purpose(sellerZone: zone),
                overdue: entry.isOverdue, referredBy: referrer, callbackAt: callback,
                localTime: local?.text, localTimeAt: local.map { _ in stamp.string(from: localAt) },
                timeZone: p.timeZone, inBusinessHours: local?.isBusinessHours, priority: p.priority,
                attempts: p.attempts, lastOutcome: p.lastOutcome?.reportName)
        }
    }

    public static func json(
        day: CalendarDay, entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:],
        seenAt: Date, zone: TimeZone
    ) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(date: day.description, queue: rows(
            entries, prospects: prospects, referrerNames: referrerNames, seenAt: seenAt, zone: zone)))
        data.append(0x0A)
        return JSONText.escapingInvisibles(data)
    }

    /// One line per prospect, cleaned of control characters because it goes to a terminal.
    /// `isNow` says whether `seenAt` is now (today's queue) or the start of the seller's
    /// business day (another day's), so an untimed row can say which instant its local
    /// time is of.
    public static func text(
        day: CalendarDay, entries: [QueueEntry], prospects: [Prospect], referrerNames: [ProspectID: String] = [:],
        seenAt: Date, isNow: Bool, zone: TimeZone, hours: BusinessHours = BusinessHours()
    ) -> String {
        guard !entries.isEmpty else {
            return "Nobody is due on \(day). Add prospects with `callboard add` or `callboard import`.\n"
        }
        let startOfDay = LocalTime(at: seenAt, in: zone, sellerZone: zone, hours: hours).text
        var out = "\(day) — \(entries.count) to call\n"
        for (number, row) in rows(
            entries, prospects: prospects, referrerNames: referrerNames, seenAt: seenAt, zone: zone
        ).enumerated() {
            let entry = entries[number]
            var why = row.why
            var parts = [row.name]
            if !row.company.isEmpty { parts.append(row.company) }
            if !row.phone.isEmpty { parts.append(row.phone) }
            if let times = entry.callbackTimes(sellerZone: zone, hours: hours) {
                why += " " + times
                if let theirs = entry.callbackLocal, !theirs.isBusinessHours {
                    why += theirs.isWeekend ? " (their weekend)" : " (outside their hours)"
                }
            } else if let local = entry.local {
                let outside = local.isBusinessHours ? "" : (local.isWeekend ? " (their weekend)" : " (outside hours)")
                let when = isNow ? "now" : "at your \(startOfDay)"
                parts.append("their time \(local.text) \(when)" + outside)
            }
            let line = "\(number + 1). [\(why)] " + parts.joined(separator: " · ")
            out += ImportedText.line(line) + "\n"
        }
        return out
    }
}
