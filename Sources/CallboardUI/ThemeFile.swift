import Foundation

/// Why a theme file cannot be used, naming the file and the key so the fix is obvious.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// The key path inside the file, e.g. `roles.me.fg`; nil when the file as a whole is bad.
    public var key: String?
    public var problem: String

    public init(file: String, key: String?, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    public var description: String {
        if let key { return "theme file \(file), key \"\(key)\": \(problem)" }
        return "theme file \(file): \(problem)"
    }
}

extension Theme {
    /// Reads a theme from JSON with comments. A role or key left out takes its value from
    /// `base` (the default theme); an unknown key or a bad value is an error.
    ///
    /// - Parameters:
    ///   - file: how to name the file in errors (its path).
    ///   - fallbackName: the theme's name when the file does not give one.
    public static func decode(
        _ data: Data, file: String, fallbackName: String, base: Theme?
    ) throws(ThemeError) -> Theme {
        let root: ThemeJSON
        do {
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            root = try decoder.decode(ThemeJSON.self, from: data)
        } catch {
            throw ThemeError(file: file, key: nil, problem: "not valid JSON: \(Self.reason(error))")
        }
        return try ThemeReader(file: file, base: base).theme(from: root, fallbackName: fallbackName)
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey]
            return (underlying as? String) ?? context.debugDescription
        }
        return String(describing: error)
    }
}

/// Any JSON value, so the reader can name the exact key that is wrong.
enum ThemeJSON: Decodable {
    case object([String: ThemeJSON])
    case array([ThemeJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: ThemeJSON].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([ThemeJSON].self))
        }
    }

    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .string: "text"
        case .number: "a number"
        case .bool: "true/false"
        case .null: "null"
        }
    }
}

private struct ThemeReader {
    let file: String
    let base: Theme?

    private static let topKeys = ["name", "description", "color", "roles"]
    private static let colorKeys = ["fg", "bg", "fg16", "bg16"]
    private static let flagKeys = ["bold", "dim", "reverse", "underline"]

    func fail(_ key: String?, _ problem: String) -> ThemeError {
        ThemeError(file: file, key: key, problem: problem)
    }

    func theme(from root: ThemeJSON, fallbackName: String) throws(ThemeError) -> Theme {
        guard case .object(let top) = root else {
            throw fail(nil, "the file must hold one object, found \(root.kind)")
        }
        for key in top.keys.sorted() where !Self.topKeys.contains(key) {
            throw fail(key, "unknown key; a theme has \(Self.topKeys.joined(separator: ", "))")
        }
        var name = fallbackName
        if let value = top["name"] {
            guard case .string(let text) = value, !text.isEmpty else {
                throw fail("name", "must be non-empty text, found \(value.kind)")
            }
            name = text
        }
        var usesColor = base?.usesColor ?? true
        if let value = top["color"] {
            guard case .bool(let flag) = value else { throw fail("color", "must be true or false, found \(value.kind)") }
            usesColor = flag
        }
        var rolesJSON: [String: ThemeJSON] = [:]
        if let value = top["roles"] {
            guard case .object(let object) = value else { throw fail("roles", "must be an object, found \(value.kind)") }
            rolesJSON = object
        }
        for key in rolesJSON.keys.sorted() where ColorRole(rawValue: key) == nil {
            let known = ColorRole.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("roles.\(key)", "not a role; the roles are \(known)")
        }
        var looks: [ColorRole: RoleLook] = [:]
        for role in ColorRole.allCases {
            let inherited = base?.looks[role] ?? RoleLook()
            looks[role] = try look(rolesJSON[role.rawValue], inherited: inherited, path: "roles.\(role.rawValue)")
        }
        return Theme(name: name, usesColor: usesColor, looks: looks)
    }

    private func look(_ json: ThemeJSON?, inherited: RoleLook, path: String) throws(ThemeError) -> RoleLook {
        guard let json else { return inherited }
        guard case .object(let fields) = json else { throw fail(path, "must be an object, found \(json.kind)") }
        for key in fields.keys.sorted() where !(Self.colorKeys + Self.flagKeys).contains(key) {
            let known = (Self.colorKeys + Self.flagKeys).joined(separator: ", ")
            throw fail("\(path).\(key)", "unknown key; a role has \(known)")
        }
        var look = inherited
        if let v = fields["fg"] { look.foreground = try color(v, path: "\(path).fg") }
        if let v = fields["bg"] { look.background = try color(v, path: "\(path).bg") }
        if let v = fields["fg16"] { look.foreground16 = try basicColor(v, path: "\(path).fg16") }
        if let v = fields["bg16"] { look.background16 = try basicColor(v, path: "\(path).bg16") }
        if let v = fields["bold"] { look.bold = try flag(v, path: "\(path).bold") }
        if let v = fields["dim"] { look.dim = try flag(v, path: "\(path).dim") }
        if let v = fields["reverse"] { look.reverse = try flag(v, path: "\(path).reverse") }
        if let v = fields["underline"] { look.underline = try flag(v, path: "\(path).underline") }
        return look
    }

    private func color(_ json: ThemeJSON, path: String) throws(ThemeError) -> ThemeColor {
        let expected = "use 0-255, \"default\" or a name such as \"red\" or \"brightBlue\""
        switch json {
        case .number(let n):
            guard n == n.rounded(), let color = ThemeColor(paletteIndex: Int(exactly: n) ?? -1) else {
                let shown = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
                throw fail(path, "\(shown) is not a colour; \(expected)")
            }
            return color
        case .string(let name):
            guard let color = ThemeColor(name: name) else {
                throw fail(path, "\"\(name)\" is not a colour; \(expected)")
            }
            return color
        default:
            throw fail(path, "found \(json.kind); \(expected)")
        }
    }

    private func basicColor(_ json: ThemeJSON, path: String) throws(ThemeError) -> ThemeColor {
        let color = try color(json, path: path)
        if case .index(let i) = color, i > 15 {
            throw fail(path, "\(i) is not one of the 16 basic colours; use 0-15, \"default\" or a name")
        }
        return color
    }

    private func flag(_ json: ThemeJSON, path: String) throws(ThemeError) -> Bool {
        guard case .bool(let value) = json else { throw fail(path, "must be true or false, found \(json.kind)") }
        return value
    }
}
