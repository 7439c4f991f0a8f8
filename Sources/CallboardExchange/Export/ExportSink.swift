import Foundation

/// Where an export's bytes go as they are made: a file, stdout, or memory in a test.
/// Streaming writers hand it small pieces; what it does with them (and where the file
/// lives) is the caller's business.
public protocol ExportSink: AnyObject {
    func write(_ bytes: Data) throws
}

extension ExportSink {
    func write(_ text: String) throws { try write(Data(text.utf8)) }
}

/// Collects everything in memory: for tests and for callers that want the whole document.
public final class DataSink: ExportSink {
    public private(set) var data = Data()
    public init() {}
    public func write(_ bytes: Data) throws { data.append(bytes) }
}

/// Writes to a file handle in chunks of `chunkSize`, so a million small pieces cost a
/// few hundred system calls. Call ``flush()`` when done; nothing is written twice.
public final class FileHandleSink: ExportSink {
    private let handle: FileHandle
    private let chunkSize: Int
    private var pending = Data()

    public init(_ handle: FileHandle, chunkSize: Int = 256 * 1024) {
        self.handle = handle
        self.chunkSize = chunkSize
        pending.reserveCapacity(chunkSize)
    }

    public func write(_ bytes: Data) throws {
        pending.append(bytes)
        if pending.count >= chunkSize { try flush() }
    }

    public func flush() throws {
        guard !pending.isEmpty else { return }
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
