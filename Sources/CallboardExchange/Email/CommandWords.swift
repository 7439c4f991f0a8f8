import Foundation

/// Splits a command line such as `$EDITOR` or the send command into words the way a
/// shell would quote them, but without a shell: no variables, no `$(...)`, no globbing,
/// no pipes. Whatever the text holds is data for the program, never code.
public enum CommandWords {
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case unclosedQuote(Character)
        case trailingBackslash

        public var description: String {
            switch self {
            case .unclosedQuote(let quote): "a \(quote) quote is not closed"
            case .trailingBackslash: "the command ends in a backslash"
            }
        }
    }

    /// `msmtp -a "work account" -t` → ["msmtp", "-a", "work account", "-t"].
    public static func split(_ line: String) throws(Problem) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in line {
            if escaping {
                word.append(character)
                escaping = false
                continue
            }
            switch quote {
            case "'":
                if character == "'" { quote = nil } else { word.append(character) }
            case "\"":
                if character == "\"" {
                    quote = nil
                } else if character == "\\" {
                    escaping = true
                } else {
                    word.append(character)
                }
            default:
                if character == "'" || character == "\"" {
                    quote = character
                    inWord = true
                } else if character == "\\" {
                    escaping = true
                    inWord = true
                } else if character.isWhitespace {
                    if inWord { words.append(word) }
                    word = ""
                    inWord = false
                } else {
                    word.append(character)
                    inWord = true
                }
            }
        }
        if escaping { throw .trailingBackslash }
        if let quote { throw .unclosedQuote(quote) }
        if inWord { words.append(word) }
        return words
    }
}
