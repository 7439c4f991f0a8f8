import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct CallTypeConfigTests {
    func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(Data(text.utf8), file: "/c/config.json")
    }

    @Test func aListOfTypesTakesTheBuiltInValuesForWhatItLeavesOut() throws {
        let config = try parse(#"""
            { "callTypes": ["cold call", {"name": "discovery", "questionsMin": 8, "questionsMax": 12},
                            {"name": "renewal", "targetShare": 0.5, "storySeconds": 90}] }
            """#)
        let list = config.settings.callTypes.list
        #expect(list.map(\.name) == ["cold call", "discovery", "renewal"])
        #expect(list[0] == CallType.cold)
        #expect(list[1].targets.questions == 8...12 && list[1].targets.targetShare == 0.43)
        // A new name starts from discovery's targets.
        #expect(list[2].targets.targetShare == 0.5 && list[2].targets.story == 90 && list[2].targets.questions == 11...14)
        #expect(config.origin(of: "callTypes") == "/c/config.json")
        #expect(config.value(of: "callTypes").hasPrefix(#"[{"name": "cold call", "targetShare": 0.55"#))
        // What `callboard config` prints reads back as the same list.
        let again = try parse("{\"callTypes\": \(config.value(of: "callTypes"))}")
        #expect(again.settings.callTypes == config.settings.callTypes)
    }

    @Test func aBrokenListSaysWhatIsAllowed() {
        for text in [
            #"{"callTypes": []}"#, #"{"callTypes": "demo"}"#, #"{"callTypes": [{"targetShare": 0.5}]}"#,
            #"{"callTypes": [{"name": "demo", "targetShare": "half"}]}"#,
            #"{"callTypes": [{"name": "demo", "targetShare": 0.8, "warnShare": 0.6}]}"#,
            #"{"callTypes": ["demo", "Demo"]}"#,
        ] {
            #expect(throws: ConfigurationError.self) { try parse(text) }
        }
        do {
            _ = try parse(#"{"callTypes": [{"name": "demo", "targetShare": 0.8, "warnShare": 0.6}]}"#)
        } catch {
            #expect(String(describing: error).contains("for \"demo\" the warning share must not be below the target share"))
        }
    }

    @Test func topLevelTalkKeysSpeakForEveryTypeThatDoesNotSetItsOwn() throws {
        let config = try parse(#"""
            { "monologueNudgeSeconds": 2, "monologueStrongSeconds": 4, "targetShare": 0.6,
              "callTypes": ["cold call", {"name": "demo", "monologueNudgeSeconds": 30}] }
            """#)
        let cold = try #require(config.settings.callTypes.named("cold call"))
        let demo = try #require(config.settings.callTypes.named("demo"))
        #expect(cold.targets.monologueNudge == 2 && cold.targets.monologueStrong == 4)
        #expect(demo.targets.monologueNudge == 30 && demo.targets.monologueStrong == 30)  // strong moves up with it
        #expect(cold.targets.targetShare == 0.6 && cold.targets.warnShare == 0.70)
        #expect(cold.targets.questions == 3...6)  // untouched: no top-level key for it
    }

    @Test func withoutTheKeyTheFourBuiltInTypesApply() throws {
        #expect(try parse("{}").settings.callTypes == .standard)
    }
}
