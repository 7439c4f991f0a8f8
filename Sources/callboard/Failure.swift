import ArgumentParser
import CallboardExchange
import CallboardStore
import Foundation

/// An error for the user: one or two plain sentences on stderr and a sysexits code.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    var description: String { message }

    static func usage(_ message: String) -> Failure { Failure(message: message, code: 64) }
    static func badData(_ message: String) -> Failure { Failure(message: message, code: 65) }
    static func missingInput(_ message: String) -> Failure { Failure(message: message, code: 66) }
    static func unavailable(_ message: String) -> Failure { Failure(message: message, code: 69) }
    static func cannotCreate(_ message: String) -> Failure { Failure(message: message, code: 73) }
    static func io(_ message: String) -> Failure { Failure(message: message, code: 74) }
    static func config(_ message: String) -> Failure { Failure(message: message, code: 78) }

    /// Runs a command body; any error it throws is printed and becomes the exit status.
    static func reported(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = Failure(error)
            Output.error(failure.message)
            throw ExitCode(failure.code)
        }
    }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    init(_ error: any Error) {
        switch error {
        case let failure as Failure: self = failure
        case let store as StoreError: self.init(message: store.description, code: store.exitCode)
        case let config as ConfigurationError: self.init(message: config.description, code: 78)
        case let importing as ImportFailure:
            self.init(message: importing.description, code: { if case .badMapping = importing { 64 } else { 65 } }())
        default: self.init(message: "\(error.localizedDescription)", code: 70)
        }
    }
}

/// Where the program's words go: results to stdout, messages to stderr.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("callboard: " + message + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("callboard: warning: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
