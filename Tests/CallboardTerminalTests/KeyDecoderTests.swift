import CallboardUI
import Testing

@testable import CallboardTerminal

@Suite struct KeyDecoderTests {
    @Test func typedTextArrivesAsCharactersIncludingAccentsAndCJK() {
        #expect(KeyDecoder.decode(character: 0x6D) == .key(.char("m")))
        #expect(KeyDecoder.decode(character: 0xE9) == .key(.char("é")))
        #expect(KeyDecoder.decode(character: 0x4E2D) == .key(.char("中")))
        #expect(KeyDecoder.decode(character: 0x20) == .key(.char(" ")))
    }

    @Test func enterTabEscapeAndBackspaceAreRecognisedInRawMode() {
        #expect(KeyDecoder.decode(character: 0x0D) == .key(.enter))
        #expect(KeyDecoder.decode(character: 0x0A) == .key(.enter))
        #expect(KeyDecoder.decode(character: 0x09) == .key(.tab))
        #expect(KeyDecoder.decode(character: 0x1B) == .key(.escape))
        #expect(KeyDecoder.decode(character: 0x7F) == .key(.backspace))
        #expect(KeyDecoder.decode(character: 0x08) == .key(.backspace))
    }

    @Test func controlLettersBecomeCtrlKeys() {
        #expect(KeyDecoder.decode(character: 0x03) == .key(.ctrl("c")))
        #expect(KeyDecoder.decode(character: 0x1A) == .key(.ctrl("z")))
    }

    @Test func otherControlCharactersAreDropped() {
        #expect(KeyDecoder.decode(character: 0x00) == nil)
        #expect(KeyDecoder.decode(character: 0x1C) == nil)
        #expect(KeyDecoder.decode(character: 0x9B) == nil)
        #expect(KeyDecoder.decode(character: 0xD800) == nil)
    }

    @Test func ncursesFunctionKeysMapToArrowsPagesAndResize() {
        #expect(KeyDecoder.decode(functionKey: 0o402) == .key(.down))
        #expect(KeyDecoder.decode(functionKey: 0o403) == .key(.up))
        #expect(KeyDecoder.decode(functionKey: 0o404) == .key(.left))
        #expect(KeyDecoder.decode(functionKey: 0o405) == .key(.right))
        #expect(KeyDecoder.decode(functionKey: 0o407) == .key(.backspace))
        #expect(KeyDecoder.decode(functionKey: 0o527) == .key(.enter))
        #expect(KeyDecoder.decode(functionKey: 0o541) == .key(.backTab))
        #expect(KeyDecoder.decode(functionKey: 0o632) == .resize)
        #expect(KeyDecoder.decode(functionKey: 0o410 + 5) == .key(.function(5)))
        #expect(KeyDecoder.decode(functionKey: 0o631) == nil)  // the mouse: not used
    }
}

@Suite struct SignalActionTests {
    @Test func exitSignalsCheckpointAndExitWithTheShellsStatus() {
        #expect(SignalAction.action(for: .interrupt) == .checkpointAndExit(status: 130))
        #expect(SignalAction.action(for: .terminate) == .checkpointAndExit(status: 143))
        #expect(SignalAction.action(for: .hangup) == .checkpointAndExit(status: 129))
    }

    @Test func stopAndContinueSuspendAndRepaint() {
        #expect(SignalAction.action(for: .suspend) == .suspend)
        #expect(SignalAction.action(for: .resume) == .repaint)
    }

    @Test func ctrlCAndCtrlZInRawModeActLikeTheirSignals() {
        #expect(SignalAction.action(for: .key(.ctrl("c"))) == .checkpointAndExit(status: 130))
        #expect(SignalAction.action(for: .key(.ctrl("z"))) == .suspend)
        #expect(SignalAction.action(for: .key(.char("q"))) == nil)
        #expect(SignalAction.action(for: .resize) == nil)
    }

    @Test func signalNumbersRoundTrip() {
        for signal in TerminalSignal.allCases { #expect(TerminalSignal(number: signal.number) == signal) }
        #expect(TerminalSignal(number: 9) == nil)
    }
}
