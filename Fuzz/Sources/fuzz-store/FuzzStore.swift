import CallboardCore
import CallboardStore
import Foundation

/// The first byte picks the file; the rest is written as that file and read back through
/// the store the way callboard reads it: the working set and a few buckets at start-up, a
/// day of calls and a month of summaries for the review, the checkpoint after a crash, and
/// the single files of earlier versions before they are migrated.
enum StoreFuzz {
    static let directory: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-fuzz-store-\(getpid())")
        for sub in ["calls/2026", "prospects", "summaries"] {
            try? FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return folder
    }()
    static let store: Store? = try? Store(directory: directory, zone: .gmt, access: .readOnly)
    static let day = CalendarDay(year: 2026, month: 11, day: 27)

    enum Kind: CaseIterable {
        case bucket, workingSet, calls, summaries, checkpoint, legacyProspects, legacySummaries

        var path: String {
            switch self {
            case .bucket: "prospects/00.json"
            case .workingSet: "queue.json"
            case .calls: "calls/2026/2026-11-27.json"
            case .summaries: "summaries/2026-11.json"
            case .checkpoint: "live-call.json"
            case .legacyProspects: "prospects.json"
            case .legacySummaries: "summaries.json"
            }
        }
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let store, let first = bytes.first else { return }
        let kind = Kind.allCases[Int(first) % Kind.allCases.count]
        let file = directory.appendingPathComponent(kind.path)
        guard (try? Data(bytes.dropFirst()).write(to: file)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: file) }
        // Every outcome is fine but a crash, a trap or a hang: errors are the point.
        switch kind {
        case .bucket, .legacyProspects:
            _ = try? store.prospects()
            _ = try? store.prospects(ids: [ProspectID("p1")])
        case .workingSet: _ = try? store.workingSet(today: day)
        case .calls: _ = try? store.calls(on: day)
        case .summaries, .legacySummaries: _ = try? store.summaries(from: day.adding(days: -400), to: day)
        case .checkpoint: _ = try? store.checkpoint()
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    StoreFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
