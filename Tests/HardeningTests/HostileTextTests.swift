import CallboardCore
import CallboardStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Text from other people's spreadsheets never acts on the terminal and never bends the
/// columns: imported through the real `import`, drawn by the real dashboard.
@Suite("Hostile text", .timeLimit(.minutes(6)))
struct HostileTextTests {
    static let hostileNames = [
        "Eve \u{1b}]0;pwned\u{07}Title",
        "Clip \u{1b}]52;c;ZWNobyBoYWNrZWQ=\u{07}Board",
        "Mallory \u{1b}[2J\u{1b}[1;1HMoves",
        "Cee \u{9b}31mOne \u{9d}0;t\u{9c} Ctl",
        "\u{202E}Right\u{202C} To \u{200F}Left",
        "Zero\u{200B}\u{200D}\u{FEFF}Width",
        "山田太郎 👩‍👩‍👧 Wide",
        String(repeating: "Long", count: 2_500),
    ]

    static func csv(names: [String]) -> String {
        var lines = ["name,company,phone,notes"]
        for (index, name) in names.enumerated() {
            let company = index % 2 == 0 ? "\u{1b}]52;c;aGk=\u{07}Corp \(index)" : "Plain Co \(index)"
            let notes = String(repeating: "\u{1b}[31mnote\u{85}", count: 1_000)
            lines.append([name, company, "+1 555 010\(index)", notes].map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Imports `names`, opens the dashboard in a pty, walks the queue; returns the bytes written.
    static func rawOutput(names: [String], scratch: Scratch) throws -> [UInt8] {
        let file = scratch.root.appendingPathComponent("contacts.csv")
        try Data(csv(names: names).utf8).write(to: file)
        let result = try runCallboard(["import", file.path, "--store", scratch.store.path], environment: scratch.environment())
        #expect(result.status == 0, "import failed: \(result.output)")
        let terminal = try scratch.dashboard()
        _ = try terminal.waitFor(" calls")
        for _ in names {
            terminal.type("j")
            terminal.pump(for: 0.08)
        }
        terminal.type("q")
        // Generous: under the address sanitizer, drawing 10,000-character fields is slow.
        let status = terminal.finish(timeout: 60)
        #expect(status == 0, "the dashboard did not quit on q")
        return terminal.output
    }

    @Test func nothingRawReachesTheTerminal() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let output = try Self.rawOutput(names: Self.hostileNames, scratch: scratch)
        let osc = PseudoTerminal.contains(output, Sequences.osc)
        let dcs = PseudoTerminal.contains(output, Sequences.dcs)
        let apc = PseudoTerminal.contains(output, Sequences.apc)
        let bell = output.contains(0x07)
        #expect(!osc, "an OSC sequence (title, clipboard) reached the terminal")
        #expect(!dcs, "a DCS sequence reached the terminal")
        #expect(!apc, "an APC sequence reached the terminal")
        #expect(!bell, "a BEL from the data reached the terminal")
        let text = String(decoding: output, as: UTF8.self)
        let hasEve = text.contains("Eve")
        let hasMallory = text.contains("Mallory")
        let c1 = text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) }
        #expect(c1.isEmpty, "C1 controls reached the terminal: \(c1.map { String($0.value, radix: 16) })")
        let override = text.contains("\u{202E}")
        #expect(!override, "a right-to-left override reached the terminal")
        // The names are there, cleaned, so the test did look at them.
        #expect(hasEve && hasMallory, "the hostile names were not drawn at all")
    }

    /// Box-drawing characters stand in the same columns whatever the names hold.
    @Test func columnsStayAligned() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let clean = try Self.borders(names: Self.hostileNames.indices.map { "Person \($0)" })
        let hostile = try Self.borders(names: Self.hostileNames)
        #expect(!clean.isEmpty)
        #expect(hostile == clean)
    }

    /// For each row of the tmux screen, the display columns of the box-drawing characters.
    static func borders(names: [String]) throws -> [[Int]] {
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let file = scratch.root.appendingPathComponent("contacts.csv")
        try Data(csv(names: names).utf8).write(to: file)
        let result = try runCallboard(["import", file.path, "--store", scratch.store.path], environment: scratch.environment())
        #expect(result.status == 0, "import failed: \(result.output)")
        let tmux = try Tmux(
            command: [try Binaries.callboard().path, "--store", scratch.store.path],
            environment: scratch.environment(), width: 100, height: 30)
        let screen = try tmux.waitFor(" calls")
        try tmux.send("q")
        return screen.split(separator: "\n", omittingEmptySubsequences: false).map(columnsOfBoxDrawing)
    }

    static func columnsOfBoxDrawing(_ line: Substring) -> [Int] {
        setlocale(LC_CTYPE, "C.UTF-8")
        var column = 0
        var found: [Int] = []
        for scalar in line.unicodeScalars {
            if (0x2500...0x257F).contains(scalar.value) { found.append(column) }
            column += max(0, Int(displayWidth(Int32(bitPattern: scalar.value))))
        }
        return found
    }

    /// A file with bytes that are not UTF-8 gets a clear answer, never a crash.
    @Test func invalidUTF8InACSV() throws {
        let turn = OneAtATime.take()
        defer { turn.release() }
        let scratch = try Scratch()
        // Deleting the folder must wait for the end of the test, not the last use.
        defer { withExtendedLifetime(scratch) {} }
        let file = scratch.root.appendingPathComponent("latin1.csv")
        var bytes = Array("name,company,phone\r\n".utf8)
        bytes += Array("Bad ".utf8) + [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80] + Array(",Co,+1 555 0100\r\n".utf8)
        try Data(bytes).write(to: file)
        let result = try runCallboard(["import", file.path, "--store", scratch.store.path], environment: scratch.environment())
        #expect(result.status == 0 || result.status == 65, "status \(result.status): \(result.output)")
        #expect(result.status < 128, "the import crashed")
        if result.status != 0 { #expect(result.output.contains("latin1.csv")) }
    }
}

/// glibc's wcwidth, as tmux uses it; the Glibc module does not export it.
@_silgen_name("wcwidth")
func displayWidth(_ character: Int32) -> Int32
