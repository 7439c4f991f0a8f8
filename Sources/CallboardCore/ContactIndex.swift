import Foundation

/// Every prospect's contact card, indexed by email and phone, so "is this person already
/// here?" is a lookup rather than a scan, whatever the size of the store. Who counts as
/// the same person is ``ContactCheck/isSamePerson(_:_:)``; this only finds candidates fast.
public struct ContactIndex: Hashable, Sendable {
    public private(set) var cards: [ContactCard]
    /// Each card's keys, in the order of `cards`: worked out once, not on every comparison.
    private var keys: [ContactCheck.Keys] = []
    private var positions: [ProspectID: Int] = [:]
    private var byEmail: [String: [Int]] = [:]
    /// Everyone with the number, in order: colleagues behind one switchboard share it.
    private var byPhone: [String: [Int]] = [:]
    /// Everyone by full name and organisation (``ContactCheck/nameAtCompanyKey(_:)``).
    private var byNameAtCompany: [String: [Int]] = [:]

    public init(_ cards: some Sequence<ContactCard> = []) {
        self.cards = []
        for card in cards { insert(card) }
    }

    public var count: Int { cards.count }

    public func contains(_ id: ProspectID) -> Bool { positions[id] != nil }

    public func card(_ id: ProspectID) -> ContactCard? { positions[id].map { cards[$0] } }

    /// The first one filed who is the same person as `card`, never `card` itself.
    public func match(_ card: ContactCard) -> ContactCard? {
        match(card, keys: ContactCheck.Keys(card))
    }

    /// ``match(_:)`` with the card's keys already worked out (`ContactCheck.Keys(card)`).
    public func match(_ card: ContactCard, keys wanted: ContactCheck.Keys) -> ContactCard? {
        var candidates: [Int] = []
        if let key = wanted.email { candidates += byEmail[key] ?? [] }
        if let key = wanted.phone { candidates += byPhone[key] ?? [] }
        if let key = wanted.nameAtCompany { candidates += byNameAtCompany[key] ?? [] }
        return candidates.sorted().lazy
            .first { cards[$0].id != card.id && ContactCheck.isSamePerson(wanted, keys[$0]) }
            .map { cards[$0] }
    }

    /// Adds a card, or replaces the one with its id.
    public mutating func insert(_ card: ContactCard) {
        insert(card, keys: ContactCheck.Keys(card))
    }

    /// ``insert(_:)`` with the card's keys already worked out (`ContactCheck.Keys(card)`).
    public mutating func insert(_ card: ContactCard, keys cardKeys: ContactCheck.Keys) {
        if let at = positions[card.id] {
            forget(at)
            cards[at] = card
            keys[at] = cardKeys
            remember(at)
        } else {
            cards.append(card)
            keys.append(cardKeys)
            positions[card.id] = cards.count - 1
            remember(cards.count - 1)
        }
    }

    private mutating func remember(_ index: Int) {
        let card = keys[index]
        if let key = card.email { byEmail[key, default: []].append(index) }
        if let key = card.phone { byPhone[key, default: []].append(index) }
        if let key = card.nameAtCompany { byNameAtCompany[key, default: []].append(index) }
    }

    private mutating func forget(_ index: Int) {
        let card = keys[index]
        if let key = card.email { byEmail[key]?.removeAll { $0 == index } }
        if let key = card.phone { byPhone[key]?.removeAll { $0 == index } }
        if let key = card.nameAtCompany { byNameAtCompany[key]?.removeAll { $0 == index } }
    }
}
