import Foundation

/// Where a configuration or theme file stops being JSON, as line and column. Foundation's
/// decoder on Linux only says the data "was not valid JSON"; someone who broke the file by
/// hand needs the place. Reads the relaxed form the files allow (comments, trailing
/// commas, single quotes, bare keys), and runs only after decoding failed.
struct JSONLocator {
    struct Problem: Error, Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private static let maxDepth = 512

    private init(_ data: Data) { bytes = [UInt8](data) }

    /// The first place `data` goes wrong, or nil when the scan finds nothing.
    static func firstProblem(in data: Data) -> Problem? {
        var scan = JSONLocator(data)
        do throws(Problem) {
            if scan.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scan.index = 3 }
            try scan.skipSpace()
            if scan.atEnd { throw scan.fail("the file is empty") }
            try scan.value(depth: 0)
            try scan.skipSpace()
            if !scan.atEnd { throw scan.fail("there is more text after the end of the object") }
            return nil
        } catch {
            return error
        }
    }

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8? { atEnd ? nil : bytes[index] }

    private func fail(_ message: String, at place: Int? = nil) -> Problem {
        let end = min(place ?? index, bytes.count)
        var line = 1, column = 1
        for byte in bytes[..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
        }
        return Problem(line: line, column: column, message: message)
    }

    private func endOfFile(_ what: String) -> Problem {
        fail("the file ends before \(what) is closed; it may have been cut short")
    }

    private mutating func skipSpace() throws(Problem) {
        while let byte = current {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while let next = current, next != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                if index + 1 >= bytes.count {
                    index = bytes.count
                    throw endOfFile("a /* comment")
                }
                index += 2
            } else {
                return
            }
        }
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < Self.maxDepth else { throw fail("the values are nested too deeply") }
        guard let byte = current else { throw fail("a value is missing at the end of the file; it may have been cut short") }
        switch byte {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): try string()
        default:
            let start = index
            while let next = current, Self.isWordByte(next) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !word.isEmpty, Self.isLiteral(word) else {
                throw fail(word.isEmpty ? "a value was expected here" : "\"\(word)\" is not a value (text needs quotes)", at: start)
            }
        }
    }

    private mutating func container(close: UInt8, keyed: Bool, depth: Int) throws(Problem) {
        let what = keyed ? "an object { … }" : "a list [ … ]"
        index += 1
        while true {
            try skipSpace()
            guard let byte = current else { throw endOfFile(what) }
            if byte == close {
                index += 1
                return
            }
            if keyed {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    try string()
                } else {
                    let start = index
                    while let next = current, Self.isWordByte(next) { index += 1 }
                    if start == index { throw fail("a key in quotes was expected here") }
                }
                try skipSpace()
                guard let colon = current else { throw endOfFile(what) }
                guard colon == UInt8(ascii: ":") else { throw fail("a \":\" was expected after the key") }
                index += 1
                try skipSpace()
            }
            try value(depth: depth + 1)
            try skipSpace()
            guard let next = current else { throw endOfFile(what) }
            if next == UInt8(ascii: ",") {
                index += 1
            } else if next != close {
                throw fail("a \",\" or \"\(Character(Unicode.Scalar(close)))\" was expected here")
            }
        }
    }

    private mutating func string() throws(Problem) {
        guard let quote = current else { return }
        let start = index
        index += 1
        while let byte = current {
            index += 1
            if byte == UInt8(ascii: "\\") {
                try surrogateCheck(at: index - 1)
                index += 1
            } else if byte == quote {
                return
            } else if byte == 0x0A {
                throw fail("the text in quotes is not closed on its line", at: start)
            }
        }
        index = bytes.count
        throw endOfFile("the text in quotes that starts at \(fail("", at: start).lineAndColumn)")
    }

    /// A `\\u` escape of half a character (a lone surrogate) is refused by the decoder
    /// without a place; `escape` is the index of the backslash.
    private func surrogateCheck(at escape: Int) throws(Problem) {
        func unit(at start: Int) -> UInt16? {
            guard start + 5 < bytes.count, bytes[start] == UInt8(ascii: "\\"), bytes[start + 1] | 0x20 == UInt8(ascii: "u")
            else { return nil }
            return UInt16(String(decoding: bytes[(start + 2)..<(start + 6)], as: UTF8.self), radix: 16)
        }
        guard let first = unit(at: escape) else { return }
        let lone = "\\u\(String(first, radix: 16)) is half of a character (a lone surrogate)"
        if (0xDC00...0xDFFF).contains(first) { throw fail(lone, at: escape) }
        if (0xD800...0xDBFF).contains(first) {
            guard let second = unit(at: escape + 6), (0xDC00...0xDFFF).contains(second) else { throw fail(lone, at: escape) }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return byte >= 0x80
        }
    }

    private static func isLiteral(_ word: String) -> Bool {
        if ["true", "false", "null", "Infinity", "+Infinity", "-Infinity", "NaN"].contains(word) { return true }
        let lower = word.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x") {
            return lower.split(separator: "x").last.map { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) } ?? false
        }
        return Double(word) != nil || (word.hasSuffix(".") && Double(word.dropLast()) != nil)
            || (word.hasPrefix(".") && Double("0" + word) != nil)
            || (word.hasPrefix("+") && Double(word.dropFirst()) != nil)
    }
}

extension JSONLocator.Problem {
    var lineAndColumn: String { "line \(line), column \(column)" }
    var description: String { "\(lineAndColumn): \(message)" }
}
