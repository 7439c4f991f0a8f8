import Foundation

/// How the store turns values into its JSON files and back: pretty printed with sorted
/// keys (so a hand edit or a diff is easy to read), dates as ISO-8601 in UTC.
enum StoreCoding {
    /// `compact` writes one line: for the live call's checkpoint, which is rewritten every
    /// few seconds and read only by callboard, so its size is what matters.
    static func encoder(compact: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(isoText(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = isoDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected a date like 2026-11-29T14:05:00Z, found \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    static func isoText(_ date: Date) -> String { ISOTimestamp.text(date) }

    static func isoDate(_ text: String) -> Date? { ISOTimestamp.parse(text) }

    /// What is wrong with a file the decoder refused, in words: where (line and column for
    /// broken JSON, the key path for a wrong field) and what.
    static func explain(_ error: any Error, in data: Data) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if let problem = JSONSyntax.firstProblem(in: data) { return problem.description }
            if String(data: data, encoding: .utf8) == nil { return "the file is not UTF-8 text" }
            return "the file is not JSON callboard can read (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "\(keyPath(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "the top level" : keyPath(context.codingPath)
            return "\(parent) is missing the key \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            return "\(keyPath(context.codingPath)): expected \(typeName(type)), "
                + "found something else (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(keyPath(context.codingPath)): expected \(typeName(type)), found null"
        @unknown default:
            return String(describing: error)
        }
    }

    /// `calls[2].segments[0].speaker`
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the top level" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }
}
