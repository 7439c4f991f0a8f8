import Foundation

/// The characters that must never travel from someone else's text to a terminal, a
/// calendar or an email header: C0 controls, DEL, C1 controls (an escape sequence starts
/// with one), and the bidirectional overrides that could reorder what is shown around
/// them. Every cleaner in callboard (the screen, import, reports) uses this one rule.
public enum ControlCharacters {
    /// Whether `scalar` is whitespace that a cleaner turns into a plain space.
    public static func isSpacing(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D
    }

    /// Whether `scalar` is removed outright.
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
