import Foundation

/// Finds where a JSON text first goes wrong, as line and column.
///
/// Foundation's decoder on Linux only says "not valid JSON"; a seller who broke a file by
/// hand needs to know where. This is used only after decoding has already failed.
struct JSONSyntax {
    struct Problem: Hashable, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private static let maxDepth = 512

    private init(_ data: Data) { bytes = [UInt8](data) }

    /// The first syntax problem in `data`, or nil when it is well-formed JSON.
    static func firstProblem(in data: Data) -> Problem? {
        var parser = JSONSyntax(data)
        do throws(Problem) {
            parser.skipSpace()
            if parser.index == 0, parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                parser.index = 3
                parser.skipSpace()
            }
            if parser.index == parser.bytes.count { throw parser.fail("the file is empty") }
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the end") }
            return nil
        } catch {
            return error
        }
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < Self.maxDepth else { throw fail("nested too deeply") }
        guard index < bytes.count else {
            throw fail("the file ends too early (truncated?)")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("expected a value, found \(found())")
        }
    }

    private mutating func object(depth: Int) throws(Problem) {
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "}")) { index += 1; return }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a quoted key, found \(found())") }
            try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipSpace()
            try value(depth: depth + 1)
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return
        }
    }

    private mutating func array(depth: Int) throws(Problem) {
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "]")) { index += 1; return }
        while true {
            skipSpace()
            try value(depth: depth + 1)
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return
        }
    }

    private mutating func string() throws(Problem) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return }
            if byte < 0x20 { throw fail("control character inside a string (a line break needs \\n)") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                if escaped == UInt8(ascii: "u") {
                    let escape = index - 1
                    let unit = try hexUnit()
                    if (0xDC00...0xDFFF).contains(unit) {
                        index = escape
                        throw fail("\\u\(hex(unit)) is half of a character (a lone surrogate)")
                    }
                    if (0xD800...0xDBFF).contains(unit) {
                        let low = index + 1
                        let paired = low + 1 < bytes.count && bytes[low] == UInt8(ascii: "\\") && bytes[low + 1] == UInt8(ascii: "u")
                        var second: UInt16 = 0
                        if paired {
                            index = low + 1
                            second = try hexUnit()
                        }
                        guard paired, (0xDC00...0xDFFF).contains(second) else {
                            index = escape
                            throw fail("\\u\(hex(unit)) is half of a character (a lone surrogate)")
                        }
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                    throw fail("unknown escape \\\(Character(UnicodeScalar(escaped)))")
                }
            }
            index += 1
        }
        throw fail("a string is not closed before the end of the file (truncated?)")
    }

    /// The four hex digits after `\\u` (at `index`); leaves `index` on the last one.
    private mutating func hexUnit() throws(Problem) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            index += 1
            guard index < bytes.count, isHex(bytes[index]) else { throw fail("\\u needs four hex digits") }
            let digit = bytes[index]
            unit = unit << 4 + UInt16(isDigit(digit) ? digit - 0x30 : (digit | 0x20) - 0x57)
        }
        return unit
    }

    private func hex(_ unit: UInt16) -> String { String(unit, radix: 16) }

    private mutating func number() throws(Problem) {
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit") }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected a digit after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("expected an exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
    }

    private mutating func literal(_ word: String) throws(Problem) {
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw fail("expected \(word), found \(found())")
            }
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
        guard peek(byte) else { throw fail("expected \(what), found \(found())") }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
    }

    private func found() -> String {
        guard index < bytes.count else { return "the end of the file (truncated?)" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    /// Line and column of the value at `path` in well-formed `data`, so a value that is
    /// valid JSON but not what callboard expects (`1.5` for a whole number) is placed too.
    static func position(of path: [any CodingKey], in data: Data) -> Problem? {
        var walker = JSONSyntax(data)
        walker.skipSpace()
        if walker.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            walker.index = 3
            walker.skipSpace()
        }
        for key in path {
            guard walker.index < walker.bytes.count else { return nil }
            do throws(Problem) {
                if walker.bytes[walker.index] == UInt8(ascii: "[") {
                    guard let wanted = key.intValue else { return nil }
                    guard try walker.enterArray(at: wanted) else { return nil }
                } else if walker.bytes[walker.index] == UInt8(ascii: "{") {
                    guard try walker.enterObject(at: key.stringValue) else { return nil }
                } else {
                    return nil
                }
            } catch {
                return nil
            }
        }
        return walker.fail("")
    }

    /// A number in the text: where it is, its digits and the key path of its value.
    struct Number {
        var range: Range<Int>
        var literal: String
        var path: String
    }

    /// Every number in well-formed `data`, in order, with its key path (`calls[2].elapsed`).
    static func numbers(in data: Data) -> [Number] {
        var walker = JSONSyntax(data)
        var found: [Number] = []
        walker.skipSpace()
        if walker.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { walker.index = 3 }
        walker.skipSpace()
        do throws(Problem) {
            try walker.collectNumbers(path: "", into: &found, depth: 0)
        } catch {
            return found
        }
        return found
    }

    private mutating func collectNumbers(path: String, into found: inout [Number], depth: Int) throws(Problem) {
        guard depth < Self.maxDepth, index < bytes.count else { throw fail("") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if peek(UInt8(ascii: "}")) { index += 1; return }
            while true {
                skipSpace()
                let start = index
                try string()
                let key = (try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))) ?? "?"
                skipSpace()
                try expect(UInt8(ascii: ":"), "':'")
                skipSpace()
                try collectNumbers(path: path.isEmpty ? key : path + "." + key, into: &found, depth: depth + 1)
                skipSpace()
                if peek(UInt8(ascii: ",")) { index += 1; continue }
                try expect(UInt8(ascii: "}"), "'}'")
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if peek(UInt8(ascii: "]")) { index += 1; return }
            var element = 0
            while true {
                skipSpace()
                try collectNumbers(path: path + "[\(element)]", into: &found, depth: depth + 1)
                skipSpace()
                if peek(UInt8(ascii: ",")) { index += 1; element += 1; continue }
                try expect(UInt8(ascii: "]"), "']'")
                return
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try number()
            found.append(Number(range: start..<index, literal: String(decoding: bytes[start..<index], as: UTF8.self), path: path))
        default:
            try value(depth: depth)
        }
    }

    /// The place of the byte offset `offset`, as a problem saying `message`.
    static func place(_ offset: Int, in data: Data, _ message: String) -> Problem {
        var walker = JSONSyntax(data)
        walker.index = offset
        return walker.fail(message)
    }

    /// Moves to the element `wanted` of the array at `index`; false when it has fewer.
    private mutating func enterArray(at wanted: Int) throws(Problem) -> Bool {
        index += 1
        var count = 0
        while true {
            skipSpace()
            if peek(UInt8(ascii: "]")) { return false }
            if count == wanted { return true }
            try value(depth: 0)
            skipSpace()
            guard peek(UInt8(ascii: ",")) else { return false }
            index += 1
            count += 1
        }
    }

    /// Moves to the value of `wanted` in the object at `index`; false when it has none.
    private mutating func enterObject(at wanted: String) throws(Problem) -> Bool {
        index += 1
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { return false }
            let start = index
            try string()
            let raw = Data(bytes[start..<index])
            let key = (try? JSONDecoder().decode(String.self, from: raw)) ?? ""
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipSpace()
            if key == wanted { return true }
            try value(depth: 0)
            skipSpace()
            guard peek(UInt8(ascii: ",")) else { return false }
            index += 1
        }
    }

    /// Line and column (both from 1, columns in characters) of the current position.
    private func fail(_ message: String) -> Problem {
        let upTo = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<upTo where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<upTo], as: UTF8.self).count + 1
        return Problem(line: line, column: column, message: message)
    }
}

extension JSONSyntax.Problem: Error {}
