/// A one-line text field: the text and where the cursor is, edited by keys.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// Cursor position in characters, 0...text.count.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public init(_ text: String, cursor: Int) {
        self.text = text
        self.cursor = max(0, min(cursor, text.count))
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    /// Applies an editing key; returns false when the key is not an editing key (Enter,
    /// Esc and the like are for the dialog).
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            // Control characters never enter a field; pasted text is still data.
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            else { return true }
            insert(c)
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end: cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor)
            cursor = 0
        default: return false
        }
        return true
    }

    private mutating func insert(_ c: Character) {
        text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }
}
