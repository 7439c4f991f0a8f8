import CallboardUI
import Foundation
import Testing

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").resolvingSymlinksInPath()

    static func shippedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: themesFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyShippedThemeParsesAndIsTheEmbeddedCopy() throws {
        let files = try Self.shippedFiles()
        #expect(!files.isEmpty, "no themes found in \(Self.themesFolder.path)")
        #expect(Set(files.map { $0.deletingPathExtension().lastPathComponent }) == Set(ThemeCatalog.builtInNames))
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(ThemeCatalog.builtInSource(named: name) == text, "themes/\(name).json differs from the embedded copy")
            let theme = try Theme.decode(Data(text.utf8), file: file.path, fallbackName: name, base: ThemeCatalog.standard)
            #expect(theme.name == name)
            #expect(theme == ThemeCatalog.builtIn(named: name))
        }
    }

    @Test func theDefaultThemeGivesEveryRoleAColour() {
        for role in ColorRole.allCases {
            #expect(ThemeCatalog.standard.looks[role] != nil, "\(role) has no look")
        }
        #expect(ThemeCatalog.standard.look(for: .me).foreground == .index(209))
        #expect(ThemeCatalog.standard.usesColor)
    }

    @Test func keysLeftOutComeFromTheDefaultTheme() throws {
        let text = """
            // only my colour differs
            { "roles": { "me": { "fg": "red" } } }
            """
        let theme = try Theme.decode(Data(text.utf8), file: "mine.json", fallbackName: "mine", base: ThemeCatalog.standard)
        #expect(theme.name == "mine")
        #expect(theme.look(for: .me).foreground == .index(1))
        #expect(theme.look(for: .me).foreground16 == ThemeCatalog.standard.look(for: .me).foreground16)
        #expect(theme.look(for: .prospect) == ThemeCatalog.standard.look(for: .prospect))
    }

    @Test(arguments: [
        (#"{ "roles": { "me": { "fg": 300 } } }"#, "roles.me.fg", "300 is not a colour"),
        (#"{ "roles": { "me": { "fg": "pink" } } }"#, "roles.me.fg", "\"pink\" is not a colour"),
        (#"{ "roles": { "me": { "fg16": 200 } } }"#, "roles.me.fg16", "not one of the 16"),
        (#"{ "roles": { "me": { "bold": "yes" } } }"#, "roles.me.bold", "true or false"),
        (#"{ "roles": { "speaker": { } } }"#, "roles.speaker", "not a role"),
        (#"{ "roles": { "me": { "colour": 1 } } }"#, "roles.me.colour", "unknown key"),
        (#"{ "colours": { } }"#, "colours", "unknown key"),
        (#"{ "color": 1 }"#, "color", "true or false"),
    ])
    func aBrokenThemeNamesTheFileAndTheKey(text: String, key: String, problem: String) {
        #expect {
            _ = try Theme.decode(Data(text.utf8), file: "/home/x/themes/bad.json", fallbackName: "bad", base: ThemeCatalog.standard)
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            let message = error.description
            return error.key == key && message.contains("/home/x/themes/bad.json") && message.contains(key)
                && message.contains(problem)
        }
    }

    @Test func invalidJSONIsReportedForTheFile() {
        #expect {
            _ = try Theme.decode(Data("{ \"roles\": ".utf8), file: "broken.json", fallbackName: "b", base: nil)
        } throws: { error in
            (error as? ThemeError)?.description.hasPrefix("theme file broken.json: not valid JSON") == true
        }
    }

    @Test func noColorGivesMonochromeUnlessAThemeIsAskedFor() {
        let chosen = ThemeCatalog.choose(requested: nil, noColor: "1", userThemes: [])
        #expect(chosen.theme.name == "monochrome")
        #expect(!chosen.theme.usesColor)
        #expect(ThemeCatalog.choose(requested: nil, noColor: "", userThemes: []).theme.name == "dark")
        #expect(ThemeCatalog.choose(requested: "light", noColor: "1", userThemes: []).theme.name == "light")
        #expect(ThemeCatalog.choose(requested: "default", noColor: "1", userThemes: []).theme.name == "monochrome")
        #expect(ThemeCatalog.choose(requested: "default", noColor: nil, userThemes: []).theme.name == "dark")
    }

    @Test func aUserThemeIsFoundByItsFileName() {
        let source = ThemeSource(name: "sunset", path: "/cfg/themes/sunset.json", data: Data(#"{ "roles": { "me": { "fg": 202 } } }"#.utf8))
        let chosen = ThemeCatalog.choose(requested: "sunset", noColor: nil, userThemes: [source])
        #expect(chosen.warnings.isEmpty)
        #expect(chosen.theme.name == "sunset")
        #expect(chosen.theme.look(for: .me).foreground == .index(202))
    }

    @Test func aBrokenOrUnknownThemeFallsBackToTheDefaultWithAWarning() {
        let broken = ThemeSource(name: "sunset", path: "/cfg/themes/sunset.json", data: Data(#"{ "roles": { "me": { "fg": -1 } } }"#.utf8))
        let chosen = ThemeCatalog.choose(requested: "sunset", noColor: nil, userThemes: [broken])
        #expect(chosen.theme == ThemeCatalog.standard)
        #expect(chosen.warnings.count == 1)
        #expect(chosen.warnings.first?.contains("/cfg/themes/sunset.json") == true)
        #expect(chosen.warnings.first?.contains("roles.me.fg") == true)

        let unknown = ThemeCatalog.choose(requested: "neon", noColor: nil, userThemes: [])
        #expect(unknown.theme == ThemeCatalog.standard)
        #expect(unknown.warnings.first?.contains("\"neon\"") == true)
    }

    @Test func paletteColoursFallBackToTheNearestBasicColour() {
        #expect(ThemeColor.index(196).nearestBasic == .index(9))  // pure red → bright red
        #expect(ThemeColor.index(16).nearestBasic == .index(0))  // cube black → black
        #expect(ThemeColor.index(231).nearestBasic == .index(15))  // cube white → bright white
        #expect(ThemeColor.index(4).nearestBasic == .index(4))
        #expect(ThemeColor.index(12).eightColor == .index(4))
        #expect(ThemeColor.terminalDefault.nearestBasic == .terminalDefault)
    }
}
