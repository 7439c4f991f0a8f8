import Foundation

/// A decoder error in words: what is wrong and where, without Foundation's noise.
public enum JSONProblem {
    /// - Parameter data: the text that failed, so a syntax error can say its line and column.
    public static func describe(_ error: any Error, in data: Data? = nil) -> String {
        guard let decoding = error as? DecodingError else { return sentence(error.localizedDescription) }
        // A text that is not JSON can make the decoder blame a value; the place comes first.
        if let data, let problem = JSONLocator.firstProblem(in: data) { return problem.description }
        switch decoding {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return sentence(underlying ?? context.debugDescription)
        case .keyNotFound(let key, _):
            return "the key \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "the top level" : "\"\(path)\"") holds the wrong kind of value"
        @unknown default:
            return String(describing: decoding)
        }
    }

    /// Foundation's messages end in a full stop; ours add their own after the reason.
    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        return text.isEmpty ? text : text.prefix(1).lowercased() + text.dropFirst()
    }
}
