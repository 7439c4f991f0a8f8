import Foundation

/// Quoted-printable (RFC 2045) for a UTF-8 text body: lines end in CRLF, no encoded line
/// passes 76 characters, trailing spaces survive mail relays, and no line starts with a dot.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false)
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func encodeLine(_ bytes: [UInt8]) -> String {
        var out: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case 0x21...0x3C, 0x3E...0x7E: token = String(UnicodeScalar(byte))
            case 0x20, 0x09: token = isLast ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
            default: token = String(format: "=%02X", byte)
            }
            // 75 leaves room for the "=" of a soft line break.
            if current.count + token.count > 75 {
                out.append(current + "=")
                current = ""
            }
            // A line that is a lone "." ends the message for `sendmail` without -i, so a
            // dot starting an encoded line is encoded too.
            current += current.isEmpty && byte == UInt8(ascii: ".") ? "=2E" : token
        }
        out.append(current)
        return out.joined(separator: "\r\n")
    }

    /// The bytes back, for tests and for reading a draft from the outbox.
    public static func decode(_ text: String) -> Data {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return Data(bytes)
    }
}
