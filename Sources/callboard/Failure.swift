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
        writeAll(Data(("callboard: " + message + "\n").utf8), to: 2)
    }

    static func warning(_ message: String) {
        writeAll(Data(("callboard: warning: " + message + "\n").utf8), to: 2)
    }

    static func note(_ message: String) {
        writeAll(Data((message + "\n").utf8), to: 2)
    }

    /// A result on standard output. A full disk or a closed file is an I/O error (exit
    /// 74) in one sentence, not a crash.
    static func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    static func write(_ data: Data) throws {
        if let problem = writeAll(data, to: 1) {
            throw Failure.io("The output could not be written to standard output: \(problem).")
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Writes all of `data` to `descriptor`; the system's reason when it cannot.
    @discardableResult
    static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            guard var next = bytes.baseAddress else { return nil }
            var left = bytes.count
            while left > 0 {
                let written = Glibc.write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                next += written
                left -= written
            }
            return nil
        }
    }
}
