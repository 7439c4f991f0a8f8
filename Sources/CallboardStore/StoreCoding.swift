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
    static func explain<Document: Decodable>(_ error: any Error, in data: Data, reading type: Document.Type) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        let what = explainWithoutPlace(error, in: data, reading: type)
        let path: [any CodingKey]
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context): path = context.codingPath
        case .keyNotFound(_, let context): path = context.codingPath
        @unknown default: path = []
        }
        // Broken text already says where; a value callboard cannot use is placed by its key path.
        guard !path.isEmpty, let place = JSONSyntax.position(of: path, in: data) else { return what }
        return "line \(place.line), column \(place.column), \(what)"
    }

    private static func explainWithoutPlace<Document: Decodable>(
        _ error: DecodingError, in data: Data, reading type: Document.Type
    ) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if let problem = JSONSyntax.firstProblem(in: data) { return problem.description }
            if let number = unusableNumber(in: data, reading: type) { return number }
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

    /// Foundation refuses a number that does not fit its field (`1.5` or a 23-digit
    /// number for a whole number) as "not valid JSON", without saying where. Each number
    /// that could be the one is replaced by `0` in turn, halving the candidates, until
    /// the first whose replacement makes the refusal go away is found.
    private static func unusableNumber<Document: Decodable>(in data: Data, reading type: Document.Type) -> String? {
        let candidates = JSONSyntax.numbers(in: data).filter { number in
            let digits = number.literal.filter(\.isNumber).count
            return number.literal.contains { ".eE".contains($0) } || digits > 18
        }
        guard !candidates.isEmpty else { return nil }
        let bytes = [UInt8](data)
        /// Whether the refusal remains when every candidate outside `kept` is replaced.
        func stillRefused(keeping kept: Range<Int>) -> Bool {
            var patched = bytes
            for (i, number) in candidates.enumerated() where !kept.contains(i) {
                patched.replaceSubrange(number.range, with: [UInt8(ascii: "0")] + Array(repeating: 0x20, count: number.range.count - 1))
            }
            do {
                _ = try decoder().decode(type, from: Data(patched))
                return false
            } catch let error as DecodingError {
                if case .dataCorrupted(let context) = error, context.codingPath.isEmpty { return true }
                return false
            } catch {
                return false
            }
        }
        // The first culprit is the smallest k for which keeping candidates 0..<k still fails.
        guard stillRefused(keeping: 0..<candidates.count) else { return nil }
        var low = 1, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if stillRefused(keeping: 0..<middle) { high = middle } else { low = middle + 1 }
        }
        let culprit = candidates[low - 1]
        let problem = JSONSyntax.place(
            culprit.range.lowerBound, in: data,
            "\(culprit.path.isEmpty ? "the top level" : culprit.path): the number \(culprit.literal) does not fit here "
                + "(a whole number is expected, or the number is too large)")
        return problem.description
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
