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

    @Test func withoutTheKeyTheFourBuiltInTypesApply() throws {
        #expect(try parse("{}").settings.callTypes == .standard)
    }
}
