import CallboardCore
import Foundation
import Testing

/// Themes as the terminal shows them: the demo takes `--theme` like the dashboard, and an
/// 8-colour terminal draws no text black on black.
@Suite(.serialized) struct ThemeEndToEndTests {
    /// The SGR colour of the queue panel's frame on the first row, e.g. "38;5;75".
    static func frameColour(_ styled: String) -> String? {
        guard let first = styled.split(separator: "\n").first,
            let range = first.range(of: #"38;5;\d+"#, options: .regularExpression)
        else { return nil }
        return String(first[range])
    }

    @Test(arguments: [["demo", "--theme", "light"], ["--theme", "light", "demo"]])
    func theDemoDrawsInTheThemeAskedFor(arguments: [String]) throws {
        let fixture = try DashboardFixture(prospects: [])
        let session = try fixture.run(arguments, term: "xterm-256color")
        try session.waitFor(text: "Today's queue")
        // The light theme's accent is 25; the dark one's 75.
        #expect(Self.frameColour(try session.styledScreen()) == "38;5;25")
    }

    @Test func anUnknownThemeInTheDemoIsNamedAndTheDefaultUsed() throws {
        let fixture = try DashboardFixture(prospects: [])
        let session = try fixture.run(["demo", "--theme", "nosuch"], term: "xterm-256color")
        let screen = try session.waitFor(text: "\"nosuch\"")
        #expect(screen.contains("Today's queue"))
        #expect(Self.frameColour(try session.styledScreen()) == "38;5;75")
    }

    @Test func onAnEightColourTerminalMutedTextIsNotBlack() throws {
        let fixture = try DashboardFixture(prospects: [DashboardEndToEndTests.anna])
        let session = try fixture.start(term: "xterm")
        try session.waitFor(text: "Anna Berg")
        let styled = try session.styledScreen()
        // The column headers are muted text on the terminal's own background.
        let header = try #require(styled.split(separator: "\n").first { $0.contains("Name") })
        #expect(header.range(of: #"\[(\d+;)*30m"#, options: .regularExpression) == nil, "black text: \(header)")
        #expect(header.range(of: #"\[(\d+;)*37m"#, options: .regularExpression) != nil, "\(header)")
    }
}

/// Keys a seller presses without looking are never lost in the real terminal.
@Suite(.serialized) struct KeysEndToEndTests {
    @Test func aTalkKeyOverHelpMarksTheTalkAndTheMeterStaysInView() throws {
        let fixture = try DashboardFixture(prospects: [DashboardEndToEndTests.anna])
        let session = try fixture.start(width: 100, height: 30)
        try session.waitFor(text: "Anna Berg")
        try session.send("Enter")
        try session.waitFor(text: "Anna Berg · cold call · 0:")
        try session.send("p")
        try session.waitFor(text: "They are talking")
        try session.send("?")
        try session.waitFor(text: "Keys — ? or Esc closes")
        try session.send("m")
        let screen = try session.waitFor(text: "I am talking")
        #expect(screen.contains("Keys — ? or Esc closes"), "help stays open")
        #expect(screen.contains("Talk"))
    }

    @Test func helpScrollsToItsEndWithPageDown() throws {
        let fixture = try DashboardFixture(prospects: [DashboardEndToEndTests.anna])
        let session = try fixture.start(width: 80, height: 24)
        try session.waitFor(text: "Anna Berg")
        try session.send("?")
        try session.waitFor(text: "more lines: j/↓, PgDn")
        for _ in 0..<8 { try session.send("NPage") }
        let screen = try session.waitFor(text: "End of the keys")
        #expect(screen.contains("Legend"))
    }
}
