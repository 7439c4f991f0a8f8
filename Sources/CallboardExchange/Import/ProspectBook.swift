import CallboardCore
import Foundation

/// The prospects during an import, indexed by email and phone so a duplicate row updates
/// the person already there instead of adding them twice. Who counts as the same person
/// is ``ContactCheck``'s rule.
struct ProspectBook {
    private(set) var prospects: [Prospect]
    private var byEmail: [String: Int] = [:]
    /// Everyone with the number, in order: colleagues behind one switchboard share it.
    private var byPhone: [String: [Int]] = [:]

    init(_ prospects: [Prospect]) {
        self.prospects = prospects
        for index in prospects.indices { remember(index) }
    }

    /// Adds the row as a new prospect, or updates the one with the same email or phone.
    /// - Returns: whether an existing prospect was updated.
    mutating func merge(_ row: ImportRow, now: Date, newID: () -> ProspectID) -> Bool {
        if let index = match(row) {
            var prospect = prospects[index]
            // Filled cells win; an empty cell never erases what the seller already has.
            prospect.name = row.name
            if !row.company.isEmpty { prospect.company = row.company }
            if !row.title.isEmpty { prospect.title = row.title }
            if !row.phone.isEmpty { prospect.phone = row.phone }
            if !row.email.isEmpty { prospect.email = row.email }
            if let zone = row.timeZone { prospect.timeZone = zone }
            if !row.notes.isEmpty, !prospect.notes.contains(row.notes) {
                prospect.notes = prospect.notes.isEmpty ? row.notes : prospect.notes + "\n" + row.notes
            }
            if let priority = row.priority { prospect.priority = priority }
            // A status in the file wins, except that no import lifts a do-not-call: that
            // takes the seller's own hand.
            if let status = row.status, prospect.status != .doNotCall { prospect.status = status }
            if row.doNotCall { prospect.status = .doNotCall }
            prospects[index] = prospect
            remember(index)
            return true
        }
        let prospect = Prospect(
            id: newID(), name: row.name, company: row.company, title: row.title,
            phone: row.phone, email: row.email, timeZone: row.timeZone,
            source: row.source ?? .list, priority: row.priority ?? 3,
            status: row.doNotCall ? .doNotCall : (row.status ?? .active), notes: row.notes, createdAt: now)
        prospects.append(prospect)
        remember(prospects.count - 1)
        return false
    }

    private func match(_ row: ImportRow) -> Int? {
        if let key = ContactCheck.emailKey(row.email), let index = byEmail[key] { return index }
        guard let key = ContactCheck.phoneKey(row.phone) else { return nil }
        return byPhone[key]?.first { index in
            let prospect = prospects[index]
            return ContactCheck.isSamePerson(email: row.email, phone: row.phone, asEmail: prospect.email, phone: prospect.phone)
        }
    }

    private mutating func remember(_ index: Int) {
        let prospect = prospects[index]
        if let key = ContactCheck.emailKey(prospect.email), byEmail[key] == nil { byEmail[key] = index }
        if let key = ContactCheck.phoneKey(prospect.phone), byPhone[key]?.contains(index) != true {
            byPhone[key, default: []].append(index)
        }
    }
}
