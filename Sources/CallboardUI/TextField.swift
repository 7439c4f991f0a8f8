import Foundation

/// A one-line text field: the text and where the cursor is, edited by keys.
///
/// A field holds at most `limit` characters, so a huge paste or a huge file from the
/// editor cannot stall the dashboard: what goes past the limit is not taken, and
/// `wasCut` says so, for the seller to be told.
public struct TextField: Hashable, Sendable {
    /// What a field typed into holds at most.
    public static let lineLimit = 2_000
    /// What a note back from the editor holds at most.
    public static let noteLimit = 20_000

    public var text: String
    /// Cursor position in characters, 0...text.count.
    public var cursor: Int
    public let limit: Int
    /// Whether text was left out because the field was full: when made, or by the last key.
    public private(set) var wasCut = false
    /// `text.count`, kept so a key costs no count of the whole text.
    private var count: Int

    public init(_ text: String = "", limit: Int = TextField.lineLimit) {
        self.init(text, cursor: Int.max, limit: limit)
    }

    public init(_ text: String, cursor: Int, limit: Int = TextField.lineLimit) {
        self.limit = limit
        var kept = text
        var count = 0
        if let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex {
            kept = String(text[..<end])
            count = limit
            wasCut = true
        } else {
            count = text.count
        }
        self.text = kept
        self.count = count
        self.cursor = max(0, min(cursor, count))
    }

    /// "Cut at 2,000 characters: a field holds no more."
    public var cutMessage: String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        let number = formatter.string(from: NSNumber(value: limit)) ?? String(limit)
        return "Cut at \(number) characters: a field holds no more"
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    /// Applies an editing key; returns false when the key is not an editing key (Enter,
    /// Esc and the like are for the dialog).
    public mutating func apply(_ key: Key) -> Bool {
        wasCut = false
        switch key {
        case .char(let c):
            // Control characters never enter a field; pasted text is still data.
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            else { return true }
            insert(c)
        case .backspace:
            guard cursor > 0 else { return true }
            let i = index(cursor - 1)
            guard i < text.endIndex else { return true }
            text.remove(at: i)
            cursor -= 1
            count -= 1
        case .delete:
            guard cursor < count else { return true }
            let i = index(cursor)
            guard i < text.endIndex else { return true }
            text.remove(at: i)
            count -= 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end: cursor = count
        case .ctrl("u"):
            text.removeSubrange(..<index(cursor))
            count -= cursor
            cursor = 0
        default: return false
        }
        return true
    }

    private mutating func insert(_ c: Character) {
        guard count < limit else {
            wasCut = true
            return
        }
        text.insert(c, at: index(cursor))
        // Almost every character adds one; one that can join its neighbour (a combining
        // mark, a joiner, a flag's half) may not, and only then is the text counted.
        if let first = c.unicodeScalars.first,
            first.properties.isGraphemeExtend || first.value == 0x200D || (0x1F1E6...0x1F1FF).contains(first.value)
                || first.properties.isEmojiModifier
        {
            let before = count
            count = text.count
            cursor = min(count, cursor + (count - before))
        } else {
            count += 1
            cursor += 1
        }
    }

    /// The index of the character at `offset`, never past the end.
    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
    }
}
