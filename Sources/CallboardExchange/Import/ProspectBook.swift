import CallboardCore
import Foundation

/// The prospects during an import, indexed by email and phone so a duplicate row updates
/// the person already there instead of adding them twice. Who counts as the same person
/// is ``ContactCheck``'s rule.
struct ProspectBook {
    private(set) var prospects: [Prospect]
    private var index: ContactIndex
    private var positions: [ProspectID: Int] = [:]

    /// - Parameter rows: how many rows may be added, so the list is made its size once.
    init(_ prospects: [Prospect], rows: Int = 0) {
        self.prospects = prospects
        self.prospects.reserveCapacity(prospects.count + rows)
        index = ContactIndex(prospects.map(\.card))
        for (position, prospect) in prospects.enumerated() { positions[prospect.id] = position }
    }

    /// What a row did.
    enum Merged {
        /// A new prospect.
        case added
        /// The same person was there, and the row changed something of theirs.
        case updated
        /// The same person was there, exactly as the row has them.
        case unchanged
    }

    /// Adds the row as a new prospect, or updates the one who is the same person.
    mutating func merge(_ row: ImportRow, now: Date, newID: () -> ProspectID) -> Merged {
        let card = ContactCard(id: "", name: row.name, email: row.email, phone: row.phone, company: row.company)
        let keys = ContactCheck.Keys(card)
        if let twin = index.match(card, keys: keys), let position = positions[twin.id] {
            var prospect = prospects[position]
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
            if !row.greeting.isEmpty { prospect.greetingName = row.greeting }
            // A status in the file wins, except that no import lifts a do-not-call: that
            // takes the seller's own hand.
            if let status = row.status, prospect.status != .doNotCall { prospect.status = status }
            if row.doNotCall { prospect.status = .doNotCall }
            guard prospect != prospects[position] else { return .unchanged }
            prospects[position] = prospect
            index.insert(prospect.card)
            return .updated
        }
        var prospect = Prospect(
            id: newID(), name: row.name, company: row.company, title: row.title,
            phone: row.phone, email: row.email, timeZone: row.timeZone,
            source: row.source ?? .list, priority: row.priority ?? 3,
            status: row.doNotCall ? .doNotCall : (row.status ?? .active), notes: row.notes, createdAt: now)
        if !row.greeting.isEmpty { prospect.greetingName = row.greeting }
        prospects.append(prospect)
        positions[prospect.id] = prospects.count - 1
        // The row's name, email, phone and company: the keys worked out above.
        index.insert(prospect.card, keys: keys)
        return .added
    }}
