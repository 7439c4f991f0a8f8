import CallboardCore
import Foundation

/// `contacts.json`: every prospect's id, name, email, phone and company, so "is this person
/// already here?" reads one small file instead of every bucket. Like the working set it is
/// only a copy: every prospect write removes it before touching a bucket and brings it up
/// to date after; when missing or broken it is rebuilt from the buckets.
extension Store {
    public var contactsFile: URL { directory.appendingPathComponent("contacts.json") }

    /// Everyone filed, indexed for the same-person check. Reads `contacts.json`, or every
    /// bucket once when it is missing (and writes it, on a read-write store).
    public func contactIndex() throws(StoreError) -> ContactIndex {
        if !hasLegacyProspects, let stored = storedContacts() { return ContactIndex(stored.cards) }
        guard access == .readWrite, !hasLegacyProspects else { return ContactIndex(try contactCards()) }
        return try locked { () throws(StoreError) -> ContactIndex in
            let cards = try contactCards()
            try writeContacts(cards)
            return ContactIndex(cards)
        }
    }

    func storedContacts() -> ContactsDocument? {
        try? VersionedFile.read(ContactsDocument.self, from: contactsFile, migration: .contacts)
    }

    /// Written without waiting for the disk: a copy, rebuilt when a crash leaves it
    /// missing or broken (see docs/storage.md).
    func writeContacts(_ cards: some Collection<ContactCard>) throws(StoreError) {
        let ids: [ProspectID] = cards.map(\.id)
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        let all = Array(cards.indices)
        try VersionedFile.write(
            ContactsDocument(schemaVersion: SchemaMigration.contacts.current, cards: []),
            list: "cards", elements: order.lazy.map { cards[all[$0]] }, to: contactsFile, durable: false)
    }

    func removeContacts() throws(StoreError) {
        try AtomicFile.remove(contactsFile)
    }

    /// `contacts` with `written` put in.
    func updatedContacts(_ contacts: ContactsDocument, written: [Prospect]) -> [ContactCard] {
        var index = ContactIndex(contacts.cards)
        for prospect in written { index.insert(prospect.card) }
        return index.cards
    }
}
