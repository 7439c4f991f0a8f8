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

    /// The look of a role; a role the theme leaves out looks like plain text.
    public func look(for role: ColorRole) -> RoleLook {
        looks[role] ?? looks[.text] ?? RoleLook()
    }
}
