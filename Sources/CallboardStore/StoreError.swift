import Foundation

/// Everything that can go wrong with the data directory, worded so the seller knows what
/// to do next. `exitCode` follows sysexits(3) so scripts can tell the cases apart.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file that exists but cannot be used: broken JSON, a missing or wrong field.
    /// `problem` says where (line and column, or the key path) and what.
    case badData(file: String, problem: String)
    /// A file written by a newer callboard. It is never rewritten by this one.
    case newerSchema(file: String, found: Int, supported: Int)
    /// A part of the store that must be there is not, or is the wrong kind of thing.
    case damaged(path: String, problem: String)
    /// The data directory is not there (opening read-only).
    case missing(path: String)
    /// An outbox message that is not there (already sent and removed, say).
    case missingMessage(path: String)
    /// A directory or file could not be created.
    case cannotCreate(path: String, reason: String)
    /// Reading or writing failed part way.
    case io(path: String, operation: String, reason: String)
    /// Another callboard holds the write lock.
    case locked(directory: String, holder: Int32?)
    /// A write was asked of a store opened for reading only.
    case readOnly(directory: String)
    /// No flag, no environment variable and no home directory to place the data in.
    case noDataDirectory
    /// An outbox message name that is not a plain file name.
    case invalidMessageName(String)

    public var description: String {
        switch self {
        case .badData(let file, let problem):
            return "\(file) cannot be read: \(problem). The file was left as it is; "
                + "fix it in an editor or restore it from a backup."
        case .newerSchema(let file, let found, let supported):
            return "\(file) is from a newer callboard (schema version \(found); this one reads up to "
                + "\(supported)): upgrade callboard to use it. The file was left untouched."
        case .damaged(let path, let problem):
            return "The store is damaged at \(path): \(problem). Nothing was changed; "
                + "restore it from a backup (opening the dashboard starts it afresh, empty)."
        case .missing(let path):
            return "\(path) does not exist. Check the --store flag or $CALLBOARD_HOME, "
                + "or import prospects to start a new store."
        case .missingMessage(let path):
            return "\(path) does not exist; it may have been sent and removed already."
        case .cannotCreate(let path, let reason):
            return "\(path) could not be created: \(reason). "
                + "Check that the folder exists and is writable."
        case .io(let path, let operation, let reason):
            return "\(operation) \(path) failed: \(reason). "
                + "The file on disk is as it was before; nothing was half-written."
        case .locked(let directory, let holder):
            let who = holder.map { "another callboard (pid \($0))" } ?? "another callboard"
            return "\(directory) is in use by \(who). Close that one first; "
                + "commands that only read, such as today, review and export, still work."
        case .readOnly(let directory):
            return "\(directory) was opened for reading only, so nothing can be saved."
        case .noDataDirectory:
            return "No place for callboard's data: $HOME is not set. "
                + "Pass --store DIR or set $CALLBOARD_HOME."
        case .invalidMessageName(let name):
            return "\"\(name)\" is not a usable outbox file name: "
                + "use letters, digits, '-', '_' and '.', not starting with '.'."
        }
    }

    /// The process exit status for this error, from sysexits(3).
    public var exitCode: Int32 {
        switch self {
        case .badData, .newerSchema, .invalidMessageName, .damaged: return 65  // EX_DATAERR
        case .missing, .missingMessage: return 66  // EX_NOINPUT
        case .cannotCreate, .readOnly: return 73  // EX_CANTCREAT
        case .io: return 74  // EX_IOERR
        case .locked: return 75  // EX_TEMPFAIL
        case .noDataDirectory: return 78  // EX_CONFIG
        }
    }
}
