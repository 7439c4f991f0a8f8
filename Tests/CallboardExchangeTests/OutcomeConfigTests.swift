import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

@Suite struct OutcomeConfigTests {
    func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(Data(text.utf8), file: "/c/config.json")
    }

    static let ten = #"""
        { "outcomes": ["noAnswer", "voicemail", "gatekeeper",
            {"name": "notInterested", "stayInTouchDays": 90},
            {"name": "noFit", "then": "never"}, "callback", "meetingBooked", "opportunity",
            {"name": "not now", "stayInTouchDays": 30, "crm": "Nurture"},
            {"name": "wrong number", "conversation": false, "crm": "Bad Data"}] }
        """#

    @Test func tenOutcomesWithTheirRulesAndKeys() throws {
        let config = try parse(Self.ten)
        let outcomes = config.settings.outcomes
        #expect(outcomes.list.count == 10)
        #expect(outcomes.list.compactMap(\.key) == Array("1234567890"))
        #expect(outcomes.rule(for: .notInterested).next == .stayInTouch(days: 90))
        #expect(outcomes.rule(for: .notInterested).isConversation)
        #expect(outcomes.rule(for: .notInterested).crmLabel == "Not Interested")
        let notNow = outcomes.rule(for: Outcome("not now"))
        #expect(notNow.isConversation && notNow.next == .stayInTouch(days: 30) && notNow.crmLabel == "Nurture")
        let wrong = outcomes.rule(for: Outcome("wrong number"))
        #expect(!wrong.isConversation && wrong.next == .never && wrong.key == "0")
        // What `callboard config` prints reads back as the same list.
        #expect(config.value(of: "outcomes").hasPrefix(#"[{"name": "noAnswer", "key": "1", "conversation": false, "then": "retry", "crm": "No Answer"}"#))
        let again = try parse("{\"outcomes\": \(config.value(of: "outcomes"))}")
        #expect(again.settings.outcomes == outcomes)
    }

    @Test func withoutTheKeyTheBuiltInsApply() throws {
        #expect(try parse("{}").settings.outcomes == .standard)
    }

    @Test(arguments: [
        (#"{"outcomes": []}"#, "a list of outcomes"),
        (#"{"outcomes": "noAnswer"}"#, "a list of outcomes"),
        (#"{"outcomes": [{"key": "x"}]}"#, "an outcome has no \"name\""),
        (#"{"outcomes": [{"name": "later", "days": 3}]}"#, "\"days\" of \"later\" is not one of them"),
        (#"{"outcomes": [{"name": "later", "key": "ab"}]}"#, "\"key\" of \"later\" has a value it cannot take"),
        (#"{"outcomes": [{"name": "later", "then": "someday"}]}"#, "\"then\" of \"later\" has a value it cannot take"),
        (#"{"outcomes": [{"name": "later", "then": "never", "stayInTouchDays": 30}]}"#, "goes only with"),
        (#"{"outcomes": [{"name": "later", "stayInTouchDays": 0}]}"#, "from 1 to 3650"),
        (#"{"outcomes": [{"name": "a", "key": "x"}, {"name": "b", "key": "x"}]}"#, "the key \"x\" is given to both \"a\" and \"b\""),
        (#"{"outcomes": [{"name": "a", "key": "q"}]}"#, "taken by the dialog itself"),
        (#"{"outcomes": ["callback", "Callback"]}"#, "appears twice"),
    ])
    func anInvalidListIsAnErrorNamingTheKey(text: String, words: String) {
        do {
            _ = try parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("/c/config.json: the value of \"outcomes\" is not allowed"), "\(message)")
            #expect(message.contains(words), "\(message)")
        }
    }

    @Test func moreOutcomesThanKeysAreRefused() {
        let names = (1...40).map { "\"o\($0)\"" }.joined(separator: ", ")
        #expect(throws: ConfigurationError.self) { try parse("{\"outcomes\": [\(names)]}") }
    }

    @Test func theCSVExportNamesTheCRMLabel() throws {
        let outcomes = try parse(Self.ten).settings.outcomes
        var p = Prospect(id: "p1", name: "Anna", createdAt: Date(timeIntervalSince1970: 0))
        p.lastOutcome = Outcome("not now")
        let csv = CSVExport.document(prospects: [p], outcomes: outcomes)
        let lines = csv.split(separator: "\r\n")
        #expect(lines[0].hasSuffix(",last_outcome_crm"))
        #expect(lines[1].hasSuffix(",Nurture"))
        #expect(lines[1].contains(",not_now,"))
    }
}
