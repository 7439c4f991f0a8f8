/// How one role looks: colours for each kind of terminal and the attributes.
public struct RoleLook: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    /// The colours on 16- and 8-colour terminals; nil works them out from the 256 ones.
    public var foreground16: ThemeColor?
    public var background16: ThemeColor?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        foreground16: ThemeColor? = nil, background16: ThemeColor? = nil, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.foreground16 = foreground16
        self.background16 = background16
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The (foreground, background) to use on a terminal with `colorCount` colours.
    public func colors(forColorCount colorCount: Int) -> (ThemeColor, ThemeColor) {
        if colorCount >= 256 { return (foreground, background) }
        let fg = foreground16 ?? foreground.nearestBasic
        let bg = background16 ?? background.nearestBasic
        if colorCount >= 16 { return (fg, bg) }
        return (fg.eightColor, bg.eightColor)
    }

    /// The colours on a terminal with `colorCount` colours, made readable: a foreground
    /// that folded onto the colour it is drawn on (grey onto black on an 8-colour
    /// terminal) becomes the plain colour that stands out there. `onDark` says what the
    /// terminal's own background is taken to be. `faded` is true when that happened, so
    /// the role can be dimmed to stay quieter than text.
    public func readableColors(forColorCount colorCount: Int, onDark: Bool) -> (fg: ThemeColor, bg: ThemeColor, faded: Bool) {
        let (fg, bg) = colors(forColorCount: colorCount)
        guard case .index(let f) = fg else { return (fg, bg, false) }
        let ground: Int
        switch bg {
        case .index(let b): ground = b
        case .terminalDefault: ground = onDark ? 0 : (colorCount >= 16 ? 15 : 7)
        }
        let groundIsDark = ThemeColor.index(ground).luminance < 128
        let clash = colorCount >= 256
            ? f == ground
            : ThemeColor.index(f).basicIndex == ThemeColor.index(ground).basicIndex
        // Black text on a dark ground or white on a light one is as unreadable as a clash.
        let lost = groundIsDark ? ThemeColor.index(f).luminance < 20 : ThemeColor.index(f).luminance >= 220
        guard clash || lost else { return (fg, bg, false) }
        return (.index(groundIsDark ? 7 : 0), bg, true)
    }
}

/// A look for every ``ColorRole``. Views name roles; the theme decides what they look like,
/// so one view serves a dark terminal, a light one and `NO_COLOR` alike.
public struct Theme: Hashable, Sendable {
    public var name: String
    /// False for themes made of attributes only (monochrome).
    public var usesColor: Bool
    public var looks: [ColorRole: RoleLook]

    public init(name: String, usesColor: Bool, looks: [ColorRole: RoleLook]) {
        self.name = name
        self.usesColor = usesColor
        self.looks = looks
    }

    /// Whether the theme is meant for a dark background: its text sits on a dark colour,
    /// or (on the terminal's own background) is itself light.
    public var isDark: Bool {
        let text = look(for: .text)
        if case .index(let b) = text.background { return ThemeColor.index(b).luminance < 128 }
        if case .index(let f) = text.foreground { return ThemeColor.index(f).luminance >= 128 }
        return true
    }

    /// The look of a role; a role the theme leaves out looks like plain text.
    public func look(for role: ColorRole) -> RoleLook {
        looks[role] ?? looks[.text] ?? RoleLook()
    }
}
