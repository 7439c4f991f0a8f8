import CallboardUI
import Testing

@testable import CallboardTerminal

@Suite struct ColorPlanTests {
    let dark = ThemeCatalog.standard
    let mono = ThemeCatalog.builtIn(named: "monochrome") ?? ThemeCatalog.standard

    @Test func a256ColourTerminalGetsTheThemesOwnColours() {
        let plan = ColorPlan(theme: dark, colorCount: 256, pairCount: 256, defaultColors: true, monochrome: mono)
        let pair = plan.appearance(of: Style(.me)).pair
        let registered = plan.pairs.first { $0.number == pair }
        #expect(registered?.foreground == 209)
        #expect(registered?.background == -1)
    }

    @Test func a16ColourTerminalGetsTheFallbackColours() {
        let plan = ColorPlan(theme: dark, colorCount: 16, pairCount: 64, defaultColors: true, monochrome: mono)
        let pair = plan.appearance(of: Style(.me)).pair
        #expect(plan.pairs.first { $0.number == pair }?.foreground == 3)  // yellow
        #expect(plan.pairs.allSatisfy { $0.foreground < 16 && $0.background < 16 })
    }

    @Test func an8ColourTerminalFoldsBrightColoursOntoBaseOnes() {
        let plan = ColorPlan(theme: dark, colorCount: 8, pairCount: 64, defaultColors: true, monochrome: mono)
        #expect(plan.pairs.allSatisfy { $0.foreground < 8 && $0.background < 8 })
        #expect(!plan.pairs.isEmpty)
    }

    @Test func rolesWithTheSameColoursShareOnePair() {
        let plan = ColorPlan(theme: dark, colorCount: 256, pairCount: 256, defaultColors: true, monochrome: mono)
        // border and silence are both 240 on the default background.
        #expect(plan.appearance(of: Style(.border)).pair == plan.appearance(of: Style(.silence)).pair)
        #expect(Set(plan.pairs.map(\.number)).count == plan.pairs.count)
    }

    @Test func noColourTerminalOrMonochromeThemeUsesAttributesOnly() {
        let noColour = ColorPlan(theme: dark, colorCount: 0, pairCount: 0, defaultColors: false, monochrome: mono)
        #expect(noColour.pairs.isEmpty)
        #expect(noColour.appearance(of: Style(.selection)).reverse)
        let monoPlan = ColorPlan(theme: mono, colorCount: 256, pairCount: 256, defaultColors: true, monochrome: mono)
        #expect(monoPlan.pairs.isEmpty)
        #expect(monoPlan.appearance(of: Style(.muted)).dim)
    }

    @Test func withoutDefaultColoursTheDefaultBecomesWhiteOnBlack() {
        let plan = ColorPlan(theme: dark, colorCount: 256, pairCount: 256, defaultColors: false, monochrome: mono)
        let pair = plan.appearance(of: Style(.me)).pair
        #expect(plan.pairs.first { $0.number == pair }?.background == 0)
    }

    @Test func rolesPastThePairLimitFallBackToDefaultColours() {
        let plan = ColorPlan(theme: dark, colorCount: 256, pairCount: 3, defaultColors: true, monochrome: mono)
        #expect(plan.pairs.count == 2)
        #expect(plan.pairs.allSatisfy { $0.number < 3 })
    }

    @Test func aViewsAttributesAddToTheThemes() {
        let plan = ColorPlan(theme: dark, colorCount: 256, pairCount: 256, defaultColors: true, monochrome: mono)
        let look = plan.appearance(of: Style(.text, bold: true, underline: true))
        #expect(look.bold && look.underline && !look.reverse)
    }
}

/// Every shipped theme stays readable on every kind of terminal: no role's colour is its
/// background's, and no text is black on a dark theme or white on a light one.
@Suite struct ThemeReadabilityTests {
    static let depths = [8, 16, 256, 16_777_216]

    static func themes() -> [Theme] { ThemeCatalog.builtInNames.compactMap { ThemeCatalog.builtIn(named: $0) } }

    @Test(arguments: [true, false])
    func everyRoleOfEveryThemeIsReadableAtEveryColourDepth(defaultColors: Bool) throws {
        let mono = try #require(ThemeCatalog.builtIn(named: "monochrome"))
        #expect(Self.themes().count == ThemeCatalog.builtInNames.count)
        for theme in Self.themes() {
            for depth in Self.depths {
                let plan = ColorPlan(theme: theme, colorCount: depth, pairCount: 32_767, defaultColors: defaultColors, monochrome: mono)
                let dark = theme.isDark
                for role in ColorRole.allCases {
                    let where_ = "\(theme.name), \(depth) colours, \(role)"
                    guard let number = plan.pairForRole[role] else {
                        // The terminal's own colours: readable by definition.
                        continue
                    }
                    let pair = try #require(plan.pairs.first { $0.number == number })
                    // The terminal's own background is what the theme was made for.
                    let ground = pair.background == -1 ? (dark ? 0 : (depth >= 16 ? 15 : 7)) : pair.background
                    if pair.foreground == -1 { continue }
                    let fg = ThemeColor.index(pair.foreground), bg = ThemeColor.index(ground)
                    if depth >= 256 {
                        #expect(pair.foreground != ground, "\(where_): colour \(pair.foreground) on itself")
                    } else {
                        #expect(fg.eightColor != bg.eightColor || depth >= 16 && pair.foreground != ground,
                            "\(where_): \(pair.foreground) on \(ground)")
                    }
                    if bg.luminance < 128 {
                        #expect(fg.luminance >= 20, "\(where_): black on a dark background")
                    } else {
                        #expect(fg.luminance < 220, "\(where_): white on a light background")
                    }
                }
            }
        }
    }

    @Test func mutedTextOnAnEightColourTerminalIsNotBlackOnBlack() throws {
        let mono = try #require(ThemeCatalog.builtIn(named: "monochrome"))
        let plan = ColorPlan(theme: ThemeCatalog.standard, colorCount: 8, pairCount: 64, defaultColors: true, monochrome: mono)
        let pair = try #require(plan.pairs.first { $0.number == plan.pairForRole[.muted] })
        #expect(pair.foreground == 7)
        // Still quieter than text.
        #expect(plan.appearance(of: Style(.muted)).dim)
        #expect(!plan.appearance(of: Style(.text)).dim)
    }

    @Test func theLightThemeWithoutDefaultColoursIsDarkOnLight() throws {
        let mono = try #require(ThemeCatalog.builtIn(named: "monochrome"))
        let light = try #require(ThemeCatalog.builtIn(named: "light"))
        #expect(!light.isDark)
        #expect(ThemeCatalog.standard.isDark)
        let plan = ColorPlan(theme: light, colorCount: 256, pairCount: 256, defaultColors: false, monochrome: mono)
        let pair = try #require(plan.pairs.first { $0.number == plan.pairForRole[.text] })
        #expect(pair.background == 7)
        #expect(pair.foreground == 235)
    }
}
