import CallboardCore
import Foundation
import Testing

@testable import CallboardExchange

/// The calling session's keys: the dialer, the block, the after-call command.
@Suite struct CallingConfigurationTests {
    @Test func theCallingKeysApply() throws {
        let config = try Configuration.parse(
            Data(#"""
                { "dialer": "baresip", "baresipControl": "127.0.0.1:5555", "blockCountdownSeconds": 5,
                  "blockCallsOutsideHours": true, "afterCallCommand": "crm-log --stdin" }
                """#.utf8), file: "f")
        #expect(config.settings.dialer == .baresip)
        #expect(BaresipAddress(config.baresipControl) == BaresipAddress("127.0.0.1:5555"))
        #expect(config.settings.callingBlock == CallingBlock.Rules(countdown: 5, callsOutsideHours: true))
        #expect(config.afterCallCommand == "crm-log --stdin")
        #expect(Configuration().settings.dialer == .none)
    }

    @Test func badCallingValuesNameTheKey() {
        #expect(throws: ConfigurationError.invalid(file: "f", key: "dialer", allowed: #"one of "none", "system", "command", "baresip""#)) {
            try Configuration.parse(Data(#"{"dialer": "skype"}"#.utf8), file: "f")
        }
        // The phone is driven on this machine only.
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"baresipControl": "10.0.0.5:4444"}"#.utf8), file: "f")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"blockCallsOutsideHours": "yes"}"#.utf8), file: "f")
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"dialer": "command"}"#.utf8), file: "f")
        }
    }
}
