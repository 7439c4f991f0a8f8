/// A terminal colour as a theme names it: the terminal's own default, or an index into
/// the 256-colour palette (0–15 are the 16 named colours).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)

    /// The 16 names, in palette order.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue",
        "brightMagenta", "brightCyan", "brightWhite",
    ]

    /// A colour from its name in a theme file ("default", "red", "brightBlue"), or nil.
    public init?(name: String) {
        if name == "default" {
            self = .terminalDefault
        } else if let i = Self.names.firstIndex(of: name) {
            self = .index(i)
        } else {
            return nil
        }
    }

    /// A colour from a palette index, or nil outside 0...255.
    public init?(paletteIndex: Int) {
        guard (0...255).contains(paletteIndex) else { return nil }
        self = .index(paletteIndex)
    }

    /// The closest of the 16 basic colours, for terminals without the 256-colour palette.
    public var nearestBasic: ThemeColor {
        guard case .index(let i) = self, i > 15 else { return self }
        let rgb = Self.rgb(ofPaletteIndex: i)
        var best = 0
        var bestDistance = Int.max
        for (candidate, basic) in Self.basicRGB.enumerated() {
            let d = (rgb.0 - basic.0) * (rgb.0 - basic.0) + (rgb.1 - basic.1) * (rgb.1 - basic.1)
                + (rgb.2 - basic.2) * (rgb.2 - basic.2)
            if d < bestDistance { (best, bestDistance) = (candidate, d) }
        }
        return .index(best)
    }

    /// The colour on an 8-colour terminal: bright variants fold onto their base colour.
    public var eightColor: ThemeColor {
        guard case .index(let i) = nearestBasic else { return self }
        return .index(i % 8)
    }

    /// How light the colour is in xterm's default palette, 0 (black) to 255 (white); the
    /// terminal's default counts as mid-grey, since it could be either.
    public var luminance: Int {
        guard case .index(let i) = self else { return 128 }
        let (r, g, b) = Self.rgb(ofPaletteIndex: i)
        return (299 * r + 587 * g + 114 * b) / 1000
    }

    /// The index of the nearest of the 8 base colours, bright ones folded onto theirs.
    var basicIndex: Int? {
        if case .index(let i) = eightColor { return i }
        return nil
    }

    // xterm's default palette: the 16 basic colours, the 6×6×6 cube and the grey ramp.
    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func rgb(ofPaletteIndex i: Int) -> (Int, Int, Int) {
        if i < 16 { return basicRGB[i] }
        if i >= 232 {
            let level = 8 + (i - 232) * 10
            return (level, level, level)
        }
        let cube = i - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }
}
