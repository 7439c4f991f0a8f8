import CallboardCore
import Foundation

/// The `outcomes` key: the outcomes a call can end with, in the dialog's order.
///
/// An entry is a name (`"voicemail"`: a built-in outcome as it is; any other name: a
/// conversation that closes the prospect) or an object with a `name` and any of the
/// fields below; a field left out keeps the built-in outcome's value, else the default.
enum OutcomeConfig {
    static let fields = ["name", "key", "conversation", "then", "stayInTouchDays", "crm"]
    static let nextWords = ["retry", "callback", "meeting", "followUp", "stayInTouch", "never"]

    static let allowed =
        "a list of outcomes, each a name or {\"name\": ..., and any of \"key\" (one character), "
        + "\"conversation\" (true or false), \"then\" (" + nextWords.map { "\"\($0)\"" }.joined(separator: ", ")
        + "), \"stayInTouchDays\" (1-\(Outcomes.longestStayInTouch)), \"crm\" (text)}"

    /// The outcomes the value describes, or what is wrong with it.
    static func parse(_ value: JSONValue) -> Result<Outcomes, ConfigProblem> {
        guard case .array(let entries) = value, !entries.isEmpty else { return .failure(ConfigProblem(allowed)) }
        var rules: [OutcomeRule] = []
        for entry in entries {
            switch rule(entry) {
            case .success(let rule): rules.append(rule)
            case .failure(let problem): return .failure(problem)
            }
        }
        if let problem = Outcomes.problem(in: rules) { return .failure(ConfigProblem("\(allowed); \(problem)")) }
        return .success(Outcomes(rules))
    }

    private static func rule(_ entry: JSONValue) -> Result<OutcomeRule, ConfigProblem> {
        func refuse(_ why: String) -> Result<OutcomeRule, ConfigProblem> { .failure(ConfigProblem("\(allowed); \(why)")) }
        switch entry {
        case .string(let name):
            return .success(named(name))
        case .object(let values):
            guard case .string(let name)? = values["name"] else { return refuse("an outcome has no \"name\"") }
            var rule = named(name)
            let shown = rule.outcome.rawValue
            var then: String?
            var days: Int?
            for field in values.keys.sorted() where field != "name" {
                guard let value = values[field], fields.contains(field) else {
                    return refuse("\"\(field)\" of \"\(shown)\" is not one of them")
                }
                switch (field, value) {
                case ("key", .string(let text)) where text.count == 1:
                    rule.key = text.first
                case ("conversation", .bool(let flag)):
                    rule.isConversation = flag
                case ("then", .string(let word)) where nextWords.contains(word):
                    then = word
                case ("stayInTouchDays", .number(let n)) where n.rounded() == n && abs(n) < 1e6:
                    days = Int(n)
                case ("crm", .string(let text)):
                    let clean = ImportedText.line(text.trimmingCharacters(in: .whitespaces))
                    guard !clean.isEmpty else { return refuse("\"crm\" of \"\(shown)\" is empty") }
                    rule.crmLabel = clean
                default:
                    return refuse("\"\(field)\" of \"\(shown)\" has a value it cannot take")
                }
            }
            if let days {
                guard then == nil || then == "stayInTouch" else {
                    return refuse("\"stayInTouchDays\" of \"\(shown)\" goes only with \"then\": \"stayInTouch\"")
                }
                rule.next = .stayInTouch(days: days)
            } else if let then {
                rule.next = next(then)
            }
            return .success(rule)
        default:
            return refuse("an entry is neither a name nor an object")
        }
    }

    /// The built-in outcome called `raw` (by its stored name), or a new conversation that
    /// closes the prospect under that name.
    private static func named(_ raw: String) -> OutcomeRule {
        let name = raw.trimmingCharacters(in: .whitespaces)
        return OutcomeRule.builtIn(Outcome(name)) ?? OutcomeRule(Outcome(name), isConversation: true, next: .never)
    }

    private static func next(_ word: String) -> OutcomeRule.Next {
        switch word {
        case "retry": .retry
        case "callback": .callback
        case "meeting": .meeting
        case "followUp": .followUp
        case "stayInTouch": .stayInTouch(days: 90)
        default: .never
        }
    }

    private static func word(_ next: OutcomeRule.Next) -> String {
        switch next {
        case .retry: "retry"
        case .callback: "callback"
        case .meeting: "meeting"
        case .followUp: "followUp"
        case .stayInTouch: "stayInTouch"
        case .never: "never"
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The list as `callboard config` prints it: one line of JSON.
    static func render(_ outcomes: Outcomes) -> String {
        "[" + outcomes.list.map { rule in
            var fields = [
                "\"name\": \"\(escaped(rule.outcome.rawValue))\"", "\"key\": \"\(escaped(rule.key.map(String.init) ?? ""))\"",
                "\"conversation\": \(rule.isConversation)", "\"then\": \"\(word(rule.next))\"",
            ]
            if let days = rule.stayInTouchDays { fields.append("\"stayInTouchDays\": \(days)") }
            fields.append("\"crm\": \"\(escaped(rule.crmLabel))\"")
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ") + "]"
    }
}
