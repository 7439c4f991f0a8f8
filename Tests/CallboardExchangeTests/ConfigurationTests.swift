import Foundation
import Testing

@testable import CallboardExchange

@Suite struct ConfigurationTests {
    @Test func commentsAndTrailingCommasAreAllowedAndValuesApply() throws {
        let text = """
            {
              // the From line
              "sellerName": "Sam Seller",
              "sellerEmail": "sam@seller.example",
              "sendCommand": "msmtp -t",
              "targetShare": 0.4, /* a little stricter */
              "businessHoursStart": 8,
              "dailyCallGoal": 60,
              "retryMaxAttempts": 4,
            }
            """
        let config = try Configuration.parse(Data(text.utf8), file: "/c/config.json")
        #expect(config.settings.sellerName == "Sam Seller")
        #expect(config.sendCommand == "msmtp -t")
        #expect(config.settings.targets.targetShare == 0.4)
        #expect(config.settings.targets.warnShare == 0.65)
        #expect(config.settings.businessHours.start == 8)
        #expect(config.settings.dailyCallGoal == 60)
        #expect(config.settings.retry.maxAttempts == 4)
        #expect(config.origin(of: "dailyCallGoal") == "/c/config.json")
        #expect(config.origin(of: "warnShare") == "default")
        #expect(config.warnings.isEmpty)
    }

    @Test func handsFreeIsOffUntilTheFileTurnsItOn() throws {
        let defaults = try Configuration.parse(Data("{}".utf8), file: "/c/config.json")
        #expect(!defaults.settings.handsFree)
        #expect(defaults.report().contains("\"handsFree\": false"))
        let on = try Configuration.parse(
            Data(#"{"handsFree": true, "handsFreeKeySeconds": 3, "handsFreeLine": "off"}"#.utf8), file: "/c/config.json")
        #expect(on.settings.handsFree)
        #expect(on.settings.handsFreeKeySeconds == 3)
        #expect(on.handsFreeLine == "off")
        #expect(on.handsFreeMic == nil)
        #expect(on.report().contains("\"handsFree\": true"))
        #expect(throws: ConfigurationError.invalid(file: "/c/config.json", key: "handsFree", allowed: "true or false")) {
            try Configuration.parse(Data(#"{"handsFree": "on"}"#.utf8), file: "/c/config.json")
        }
    }

    @Test func anInvalidValueNamesTheFileTheKeyAndWhatIsAllowed() {
        #expect(throws: ConfigurationError.invalid(file: "/c/config.json", key: "targetShare", allowed: "a number from 0 to 1, e.g. 0.43")) {
            try Configuration.parse(Data(#"{"targetShare": 43}"#.utf8), file: "/c/config.json")
        }
        #expect(throws: ConfigurationError.invalid(file: "/c/config.json", key: "dailyCallGoal", allowed: "a whole number")) {
            try Configuration.parse(Data(#"{"dailyCallGoal": "forty"}"#.utf8), file: "/c/config.json")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"businessHoursStart": 18, "businessHoursEnd": 9}"#.utf8), file: "f")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"sendCommand": "msmtp \"-t"}"#.utf8), file: "f")
        }
        #expect(throws: ConfigurationError.self) { try Configuration.parse(Data("{ nope".utf8), file: "f") }
    }

    @Test func keysThatDisagreeAreNamedBothInOneSentence() {
        let messages = [
            #"{"monologueNudgeSeconds": 120, "monologueStrongSeconds": 60}"#,
            #"{"targetShare": 0.7, "warnShare": 0.5}"#,
            #"{"businessHoursStart": 18, "businessHoursEnd": 9}"#,
        ].map { message($0) }
        #expect(messages == [
            "/c/config.json: \"monologueNudgeSeconds\" (120) and \"monologueStrongSeconds\" (60) do not go together: "
                + "the strong nudge must not come before the gentle one. Change one of them.",
            "/c/config.json: \"targetShare\" (0.7) and \"warnShare\" (0.5) do not go together: "
                + "the warning share must not be below the target share. Change one of them.",
            "/c/config.json: \"businessHoursStart\" (18) and \"businessHoursEnd\" (9) do not go together: "
                + "business hours must start before they end. Change one of them.",
        ])
    }

    @Test func brokenJSONSaysLineAndColumnOnce() {
        #expect(message("{\n  \"sellerName\": \"Sam\",\n  \"dailyCallGoal\": 4") == "/c/config.json cannot be read: "
            + "line 3, column 21: the file ends before an object { … } is closed; it may have been cut short. "
            + "Fix the file or move it aside to use the defaults.")
        #expect(message("{\n  \"sellerName\": \"Sa").contains(
            "line 2, column 20: the file ends before the text in quotes that starts at line 2, column 17 is closed"))
        #expect(message("{\n  // fine\n  \"dailyCallGoal\": 4,\n  \"theme\": dark\n}").contains(
            "line 4, column 12: \"dark\" is not a value (text needs quotes)."))
        #expect(message("{ \"a\": 1 \"b\": 2 }").contains("line 1, column 10: a \",\" or \"}\" was expected here."))
        #expect(!message("{ \"dailyCallGoal\": ").contains(".."))
    }

    @Test func aLoneSurrogateInTheConfigurationIsPlaced() {
        #expect(message("{\n  \"sellerName\": \"Sam \\ud800\"\n}").contains("line 2, column 22: \\ud800 is half of a character"))
        #expect(message("{\"sellerName\": \"\\ud83d\\ude00\"}") == "accepted")
    }

    @Test func theLocatorAcceptsWhatTheConfigurationAllows() {
        let relaxed = "{ // note\n sellerName: 'Sam', \"n\": [1, -2.5e3, 0x1F, .5, +1, Infinity, null, true,], /* x */ }"
        #expect(JSONLocator.firstProblem(in: Data(relaxed.utf8)) == nil)
    }

    /// The error a configuration text gives, or "accepted".
    private func message(_ text: String) -> String {
        do {
            _ = try Configuration.parse(Data(text.utf8), file: "/c/config.json")
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func anUnknownKeyIsAWarningWithASuggestion() throws {
        let config = try Configuration.parse(Data(#"{"dailycallgoal": 10, "colour": "red"}"#.utf8), file: "/c/config.json")
        #expect(config.settings.dailyCallGoal == 40)
        #expect(config.warnings == [
            "/c/config.json: unknown key \"colour\" was ignored.",
            "/c/config.json: unknown key \"dailycallgoal\" was ignored; did you mean \"dailyCallGoal\"?",
        ])
    }

    @Test func theReportIsItselfAValidConfigurationWithTheSameValues() throws {
        let original = try Configuration.parse(Data(#"{"sellerName": "Zoë \"Z\"", "warnShare": 0.7}"#.utf8), file: "f")
        let again = try Configuration.parse(Data(original.report().utf8), file: "g")
        #expect(again.settings == original.settings)
        #expect(original.report().contains("\"warnShare\": 0.7"))
        #expect(original.report().contains("Default 0.65; from f."))
        #expect(Configuration().report().contains("Default 40; from default."))
    }

    @Test func theSendCommandsTimeoutIsSecondsAboveZeroThirtyByDefault() throws {
        #expect(Configuration().commandTimeout == 30)
        #expect(try Configuration.parse(Data(#"{"commandTimeout": 2.5}"#.utf8), file: "f").commandTimeout == 2.5)
        let allowed = "a number of seconds above 0 and at most 3600, e.g. 30"
        for bad in ["0", "-1", "7200", "\"30\""] {
            #expect(throws: ConfigurationError.invalid(file: "f", key: "commandTimeout", allowed: bad == "\"30\"" ? "a number" : allowed)) {
                try Configuration.parse(Data("{\"commandTimeout\": \(bad)}".utf8), file: "f")
            }
        }
        let report = try Configuration.parse(Data(#"{"commandTimeout": 45}"#.utf8), file: "f").report()
        #expect(report.contains("\"commandTimeout\": 45,"))
        #expect(report.contains("Default 30; from f."))
    }
}
