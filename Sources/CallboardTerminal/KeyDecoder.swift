import CallboardUI

/// Turns what `wget_wch` returns into a ``Key``. Pure, so the table is unit-tested without
/// a terminal; the codes are ncurses' own (`KEY_UP` is 0o403 on every ncurses).
public enum KeyDecoder {
    /// A character read as text (`wget_wch` returned `OK`).
    public static func decode(character code: UInt32) -> TerminalInput? {
        switch code {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A:
            // Ctrl-A … Ctrl-Z arrive as 1 … 26 in raw mode.
            guard let scalar = Unicode.Scalar(code + 0x60) else { return nil }
            return .key(.ctrl(Character(scalar)))
        case 0x00...0x1F, 0x80...0x9F:
            // Other controls (and C1 from odd terminals) mean nothing to the app.
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// A function key (`wget_wch` returned `KEY_CODE_YES`).
    public static func decode(functionKey code: Int32) -> TerminalInput? {
        if code == resizeCode { return .resize }
        if let key = functionKeys[code] { return .key(key) }
        if code > firstFunctionKey, code <= firstFunctionKey + 63 {
            return .key(.function(Int(code - firstFunctionKey)))
        }
        return nil
    }

    static let resizeCode: Int32 = 0o632
    static let firstFunctionKey: Int32 = 0o410

    static let functionKeys: [Int32: Key] = [
        0o402: .down, 0o403: .up, 0o404: .left, 0o405: .right, 0o406: .home,
        0o407: .backspace, 0o512: .delete, 0o522: .pageDown, 0o523: .pageUp,
        0o527: .enter, 0o541: .backTab, 0o550: .end,
        // Keypad Enter and the keypad's diagonal keys that some terminals send.
        0o534: .home, 0o540: .end, 0o536: .pageUp, 0o535: .pageDown,
    ]
}
