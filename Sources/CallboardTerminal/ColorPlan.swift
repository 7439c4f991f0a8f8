import CallboardUI

/// How a cell of a given style is drawn on this terminal: a colour pair and attributes.
public struct Appearance: Hashable, Sendable {
    /// The colour pair; 0 is the terminal's own colours.
    public var pair: Int
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
}

/// The colour pairs a theme needs on a particular terminal, worked out once at start (and
/// again only if the theme changes). Pure, so the palette fallbacks are unit-tested.
public struct ColorPlan: Hashable, Sendable {
    /// One pair to register with `init_pair`; -1 is the terminal's default colour.
    public struct Pair: Hashable, Sendable {
        public var number: Int
        public var foreground: Int
        public var background: Int
    }

    public private(set) var pairs: [Pair] = []
    public private(set) var pairForRole: [ColorRole: Int] = [:]
    /// Roles whose colour could not be shown here and became plain text's: drawn dim, so
    /// muted text stays quieter than text.
    public private(set) var fadedRoles: Set<ColorRole> = []
    public let theme: Theme
    /// Each role's pair and the theme's attributes for it, worked out here once rather than
    /// for every cell drawn.
    private var roleAppearance: [ColorRole: Appearance] = [:]

    /// - Parameters:
    ///   - colorCount: the terminal's `COLORS`; below 8 (or a theme without colour) no
    ///     pairs are used and the monochrome looks stand in for colour.
    ///   - pairCount: the terminal's `COLOR_PAIRS`; roles past it draw in default colours.
    ///   - defaultColors: whether `use_default_colors` succeeded, so -1 is allowed.
    public init(theme: Theme, colorCount: Int, pairCount: Int, defaultColors: Bool, monochrome: Theme) {
        guard theme.usesColor, colorCount >= 8 else {
            self.theme = monochrome
            roleAppearance = Self.appearances(theme: monochrome, pairForRole: [:], fadedRoles: [])
            return
        }
        self.theme = theme
        var numberFor: [Pair: Int] = [:]
        // Without the terminal's own colours, the default stands in as the theme expects it.
        let dark = theme.isDark
        for role in ColorRole.allCases {
            let (fg, bg, faded) = theme.look(for: role).readableColors(forColorCount: colorCount, onDark: dark)
            if faded { fadedRoles.insert(role) }
            let f = Self.number(fg, defaultColors: defaultColors, standIn: dark ? 7 : 0)
            let b = Self.number(bg, defaultColors: defaultColors, standIn: dark ? 0 : 7)
            if f == -1 && b == -1 { continue }
            let key = Pair(number: 0, foreground: f, background: b)
            if let existing = numberFor[key] {
                pairForRole[role] = existing
                continue
            }
            let number = pairs.count + 1
            guard number < pairCount else { continue }
            numberFor[key] = number
            pairs.append(Pair(number: number, foreground: f, background: b))
            pairForRole[role] = number
        }
        roleAppearance = Self.appearances(theme: theme, pairForRole: pairForRole, fadedRoles: fadedRoles)
    }

    private static func appearances(theme: Theme, pairForRole: [ColorRole: Int], fadedRoles: Set<ColorRole>)
        -> [ColorRole: Appearance]
    {
        var all: [ColorRole: Appearance] = [:]
        for role in ColorRole.allCases {
            let look = theme.look(for: role)
            all[role] = Appearance(
                pair: pairForRole[role] ?? 0, bold: look.bold, dim: look.dim || fadedRoles.contains(role),
                reverse: look.reverse, underline: look.underline)
        }
        return all
    }

    /// The pair and attributes for a cell's style: the theme's look for the role, plus the
    /// attributes the view asked for.
    public func appearance(of style: Style) -> Appearance {
        var look = roleAppearance[style.role] ?? Appearance(pair: 0, bold: false, dim: false, reverse: false, underline: false)
        look.bold = look.bold || style.bold
        look.dim = look.dim || style.dim
        look.reverse = look.reverse || style.reverse
        look.underline = look.underline || style.underline
        return look
    }

    private static func number(_ color: ThemeColor, defaultColors: Bool, standIn: Int) -> Int {
        switch color {
        case .terminalDefault: defaultColors ? -1 : standIn
        case .index(let i): i
        }
    }
}
