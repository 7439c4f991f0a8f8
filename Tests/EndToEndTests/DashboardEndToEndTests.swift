import CallboardCore
import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a seller sees and what their terminal
/// is left like. These fail, never skip, when tmux is missing.
@Suite(.serialized) struct DashboardEndToEndTests {
    static let anna = Prospect(id: "p-anna", name: "Anna Berg", company: "Nordlicht GmbH", phone: "+49 30 1234", createdAt: Date())
    static let wei = Prospect(id: "p-wei", name: "张伟", company: "深圳科技", phone: "+86 755 1234", createdAt: Date())

    @Test func theQueueTalkAndReferralPanelsAreShown() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna, Self.wei])
        let session = try fixture.start()
        let screen = try session.waitFor("the three panels") {
            $0.contains("Today's queue") && $0.contains("Talk") && $0.contains("Referral ask")
        }
        #expect(screen.contains("Anna Berg"))
        #expect(screen.contains("张伟"))
        #expect(screen.contains("? help"))
    }

    @Test func talkKeysMoveTheShownShareAsTheWaitsImply() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        // They talk four seconds, I talk two, then hold so the share stops moving. Seconds,
        // not less: a key delivered half a second late on a loaded machine must not move
        // the share out of the band.
        try session.send("p")
        Thread.sleep(forTimeInterval: 4)
        try session.send("m")
        Thread.sleep(forTimeInterval: 2)
        try session.send("s")
        let screen = try session.waitFor(text: "on hold")
        guard let share = Self.myShare(in: screen) else {
            Issue.record("no \"me NN%\" on the screen:\n\(screen)")
            return
        }
        #expect((26...40).contains(share), "my share should be about 33 %, the screen says \(share) %")
    }

    @Test func theMonologueNudgeComesThenGetsStrongerAndCalmsWhenTheyTalk() throws {
        let fixture = try DashboardFixture(
            prospects: [Self.anna], config: #"{ "monologueNudgeSeconds": 2, "monologueStrongSeconds": 4 }"#)
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("m")
        try session.waitFor(text: "take a breath", timeout: 6)
        try session.waitFor(text: "of you talking", timeout: 6)
        try session.send("p")
        try session.waitFor("the nudge to calm down", timeout: 4) {
            !$0.contains("take a breath") && !$0.contains("of you talking")
        }
    }

    @Test func aTinyWindowShowsTheSizeNeededAndTheDashboardComesBack() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Today's queue")
        try session.resize(width: 40, height: 10)
        let small = try session.waitFor(text: "Need 60×18")
        #expect(!small.contains("Today's queue"))
        try session.resize(width: 100, height: 30)
        try session.waitFor(text: "Today's queue")
        try session.resize(width: 1, height: 1)
        try session.resize(width: 100, height: 30)
        try session.waitFor(text: "Referral ask")
    }

    @Test func quitExitsZeroAndGivesTheTerminalBack() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Today's queue")
        #expect(try session.value("#{alternate_on}") == "1")
        try session.send("q")
        let screen = try session.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=0"))
        #expect(!screen.contains("Today's queue"))
        #expect(try session.value("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(try session.value("#{cursor_flag}") == "1", "the cursor is still hidden")
    }

    @Test func qStillQuitsInATinyWindow() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start(width: 20, height: 5)
        try session.waitFor(text: "q quits")
        try session.send("q")
        #expect(try session.waitFor(text: "EXIT=").contains("EXIT=0"))
    }

    @Test func terminateDuringACallSavesItAndRestoresTheTerminal() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start()
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        let pid = try session.value("#{pane_pid}")
        // The pane runs sh, which runs env → callboard; signal the dashboard itself.
        let child = try Self.run("pgrep", ["-P", pid]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let childPID = Int32(child) else {
            Issue.record("no dashboard process under the pane (\(child))")
            return
        }
        #expect(kill(childPID, SIGTERM) == 0)
        #expect(try session.waitFor(text: "EXIT=").contains("EXIT=143"))
        #expect(try session.value("#{alternate_on}") == "0")
        let checkpoint = fixture.storeDirectory.appendingPathComponent("live-call.json")
        #expect(FileManager.default.fileExists(atPath: checkpoint.path), "the live call was not saved")
    }

    @Test func aNameWithEscapeSequencesIsDrawnAsHarmlessText() throws {
        let hostile = Prospect(
            id: "p-eve", name: "Eve\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m",
            company: "\u{9B}1;1HAcme\u{1B}]52;c;aGk=\u{07}", phone: "+1 555 0100", createdAt: Date())
        let fixture = try DashboardFixture(prospects: [hostile, Self.anna])
        let session = try fixture.start()
        // The escape, CSI and bell bytes are gone; what is left is plain, visible text.
        let screen = try session.waitFor(text: "Eve[2J]0;pwned31m")
        #expect(screen.contains("Anna Berg"))
        #expect(screen.contains("Today's queue"))
        #expect(try session.value("#{pane_title}") != "pwned")
    }

    @Test(arguments: [
        ("dumb", "TERM=dumb cannot move the cursor"),
        ("no-such-terminal-here", "not in the terminfo database"),
    ])
    func anUnusableTerminalGetsAClearErrorAndANonZeroExit(term: String, message: String) throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let session = try fixture.start(term: term)
        let screen = try session.waitFor(text: "EXIT=")
        #expect(screen.contains(message))
        #expect(!screen.contains("EXIT=0"))
    }

    @Test func outputThatIsNotATerminalGetsAClearError() throws {
        let fixture = try DashboardFixture(prospects: [Self.anna])
        let process = Process()
        process.executableURL = try DashboardFixture.binary()
        process.arguments = ["--store", fixture.storeDirectory.path]
        process.environment = fixture.environment(term: "xterm")
        let errors = Pipe()
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("needs a terminal"))
    }

    /// The percentage after "me " on the talk panel.
    static func myShare(in screen: String) -> Int? {
        guard let range = screen.range(of: #"me (\d+)%"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(3).dropLast())
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try Spawn.run("/usr/bin/env", [tool] + arguments).output
    }
}
