import CallboardCore
import CallboardStore
import Foundation

/// The first byte picks the file kind; the rest is written as that file and read back
/// through the store, as callboard reads it at start-up.
enum StoreFuzz {
    static let directory: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-fuzz-store-\(getpid())")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("calls/2026"), withIntermediateDirectories: true)
        return folder
    }()
    static let store: Store? = try? Store(directory: directory, zone: .gmt, access: .readOnly)
    static let day = CalendarDay(year: 2026, month: 11, day: 27)
    static let files = ["prospects.json", "calls/2026/2026-11-27.json", "summaries.json", "live-call.json"]

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let store, let kind = bytes.first else { return }
        let file = directory.appendingPathComponent(files[Int(kind) % files.count])
        let body = Data(bytes.dropFirst())
        guard (try? body.write(to: file)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: file) }
        // Every outcome is fine but a crash, a trap or a hang: errors are the point.
        switch Int(kind) % files.count {
        case 0: _ = try? store.prospects()
        case 1: _ = try? store.calls(on: day)
        case 2: _ = try? store.summaries(from: day.adding(days: -400), to: day)
        default: _ = try? store.checkpoint()
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    StoreFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
