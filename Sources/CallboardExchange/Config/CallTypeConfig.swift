import CallboardCore
import Foundation

/// The `callTypes` key: the seller's list of call types, each with its own targets.
///
/// An entry is a name (`"discovery"`: the built-in type, or discovery's targets under a new
/// name) or an object with a `name` and any of the target keys below; a key left out takes
/// the value of the built-in type of that name, else discovery's.
enum CallTypeConfig {
    static let numberKeys = [
        "targetShare", "warnShare", "monologueNudgeSeconds", "monologueStrongSeconds", "questionsMin",
        "questionsMax", "storySeconds",
    ]

    static let allowed =
        "a list of call types, each a name or {\"name\": ..., and any of "
        + numberKeys.map { "\"\($0)\"" }.joined(separator: ", ") + "}, with different names"

    /// The target keys each type of `value` sets itself, by type name: the top-level keys
    /// fill in the rest (``Configuration``).
    static func keysSet(in value: JSONValue) -> [String: Set<String>] {
        guard case .array(let entries) = value else { return [:] }
        var keys: [String: Set<String>] = [:]
        for case .object(let fields) in entries {
            guard case .string(let name)? = fields["name"] else { continue }
            let clean = ImportedText.line(name.trimmingCharacters(in: .whitespaces)).lowercased()
            keys[clean, default: []].formUnion(fields.keys.filter { $0 != "name" })
        }
        return keys
    }

    /// The top-level keys that also give every call type its value, unless the type sets
    /// its own: so a configuration written before call types keeps its meaning.
    static let sharedKeys = ["targetShare", "warnShare", "monologueNudgeSeconds", "monologueStrongSeconds"]

    /// `types` with the top-level `values` of ``sharedKeys`` given in the file filled in
    /// where a type does not set its own. A warning share or strong nudge pushed below
    /// its partner moves up with it.
    static func overlay(
        _ types: CallTypes, with untyped: TalkTargets, keysInFile: Set<String>, keysSetByType: [String: Set<String>]
    ) -> CallTypes {
        CallTypes(types.list.map { type in
            var type = type
            let own = keysSetByType[type.name.lowercased()] ?? []
            for key in sharedKeys where keysInFile.contains(key) && !own.contains(key) {
                switch key {
                case "targetShare": type.targets.targetShare = untyped.targetShare
                case "warnShare": type.targets.warnShare = untyped.warnShare
                case "monologueNudgeSeconds": type.targets.monologueNudge = untyped.monologueNudge
                case "monologueStrongSeconds": type.targets.monologueStrong = untyped.monologueStrong
                default: break
                }
            }
            type.targets.warnShare = max(type.targets.warnShare, type.targets.targetShare)
            type.targets.monologueStrong = max(type.targets.monologueStrong, type.targets.monologueNudge)
            return type
        })
    }

    /// The types the value describes, or what is wrong with it.
    static func parse(_ value: JSONValue) -> Result<[CallType], ConfigProblem> {
        guard case .array(let entries) = value, !entries.isEmpty else { return .failure(ConfigProblem(allowed)) }
        var types: [CallType] = []
        for entry in entries {
            switch type(entry) {
            case .success(let type):
                guard !types.contains(where: { $0.name.lowercased() == type.name.lowercased() }) else {
                    return .failure(ConfigProblem("\(allowed) (\"\(type.name)\" appears twice)"))
                }
                types.append(type)
            case .failure(let problem):
                return .failure(problem)
            }
        }
        return .success(types)
    }

    private static func type(_ entry: JSONValue) -> Result<CallType, ConfigProblem> {
        switch entry {
        case .string(let name):
            return named(name).map { .success($0) } ?? .failure(ConfigProblem(allowed))
        case .object(let fields):
            guard case .string(let name)? = fields["name"], var type = named(name) else {
                return .failure(ConfigProblem(allowed))
            }
            for key in fields.keys.sorted() where key != "name" {
                guard numberKeys.contains(key), case .number(let n)? = fields[key], n.isFinite else {
                    return .failure(ConfigProblem("\(allowed); \"\(key)\" of \"\(type.name)\" is not one of them or not a number"))
                }
                apply(key, n, to: &type.targets)
            }
            if let problem = type.targets.problem {
                return .failure(ConfigProblem("\(allowed); for \"\(type.name)\" \(problem)"))
            }
            return .success(type)
        default:
            return .failure(ConfigProblem(allowed))
        }
    }

    /// The built-in type called `name`, or discovery's targets under that name.
    private static func named(_ raw: String) -> CallType? {
        let name = ImportedText.line(raw.trimmingCharacters(in: .whitespaces))
        guard !name.isEmpty, name.count <= 24 else { return nil }
        if let builtIn = CallTypes.standard.named(name) { return builtIn }
        return CallType(name: name, targets: CallType.discovery.targets)
    }

    private static func apply(_ key: String, _ n: Double, to t: inout TalkTargets) {
        switch key {
        case "targetShare": t.targetShare = n
        case "warnShare": t.warnShare = n
        case "monologueNudgeSeconds": t.monologueNudge = n
        case "monologueStrongSeconds": t.monologueStrong = n
        case "questionsMin": t.questions = Int(max(0, n))...max(Int(max(0, n)), t.questions.upperBound)
        case "questionsMax": t.questions = min(t.questions.lowerBound, Int(max(0, n)))...Int(max(0, n))
        case "storySeconds": t.story = n
        default: break
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The list as `callboard config` prints it: one line of JSON.
    static func render(_ types: CallTypes) -> String {
        "[" + types.list.map { type in
            let t = type.targets
            let fields = [
                "\"name\": \"\(escaped(type.name))\"", "\"targetShare\": \(Configuration.format(t.targetShare))",
                "\"warnShare\": \(Configuration.format(t.warnShare))",
                "\"monologueNudgeSeconds\": \(Configuration.format(t.monologueNudge))",
                "\"monologueStrongSeconds\": \(Configuration.format(t.monologueStrong))",
                "\"questionsMin\": \(t.questions.lowerBound)", "\"questionsMax\": \(t.questions.upperBound)",
                "\"storySeconds\": \(Configuration.format(t.story))",
            ]
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ", ") + "]"
    }
}

/// Why a configuration value is not allowed: what it must be instead.
struct ConfigProblem: Error {
    var allowed: String
    init(_ allowed: String) { self.allowed = allowed }
}
