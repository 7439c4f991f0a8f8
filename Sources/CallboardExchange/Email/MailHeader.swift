import Foundation

/// Header values per RFC 5322 and RFC 2047. Everything is cleaned to one line first, so
/// no value can carry a CR or LF into the header block.
public enum MailHeader {
    /// `Anna de Vries <anna@example.nl>`, with the name quoted or encoded as needed.
    public static func mailbox(name: String, address: String) -> String {
        let phrase = ImportedText.line(name)
        guard !phrase.isEmpty else { return "<\(address)>" }
        return "\(displayName(phrase)) <\(address)>"
    }

    static func displayName(_ name: String) -> String {
        // Non-ASCII, text that a reader would decode as an encoded word ("=?UTF-8?B?...?="),
        // or a name too long for one header line: encoded words, which fold.
        guard name.unicodeScalars.allSatisfy(\.isASCII), !name.contains("=?"), name.utf8.count <= 60 else {
            return encodedWords(name)
        }
        let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " !#$%&'*+-/=?^_`{|}~"))
        if name.unicodeScalars.allSatisfy({ atext.contains($0) }) { return name }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// A subject: ASCII stays as it is (folded if long), anything else becomes encoded words.
    public static func unstructured(_ text: String) -> String {
        let line = ImportedText.line(text)
        // "=?" in plain text would be read as an encoded word; encode such a subject too.
        if line.unicodeScalars.allSatisfy(\.isASCII), !line.contains("=?") {
            let folded = fold(line)
            // A word too long to fold at a space would make a line past the limit.
            if folded.components(separatedBy: "\r\n").allSatisfy({ $0.utf8.count <= 76 }) { return folded }
        }
        return encodedWords(line)
    }

    /// `=?UTF-8?B?...?=` words, split between characters and joined by a folding line
    /// break; 39 bytes make a 64-character word, so even the first line, after
    /// "Subject: ", stays under 78 characters.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Folds plain ASCII at spaces so no line passes 78 characters where that is possible.
    static func fold(_ text: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 68 {
                lines.append(current)
                current = String(word)
            } else {
                current = current.isEmpty && lines.isEmpty ? String(word) : current + " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}
