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
