import CallboardCore
import Foundation

/// Many calls at once, for a generated workload or history brought in from elsewhere.
extension Store {
    /// Saves `calls`, replacing calls with the same id, with one write per day file and
    /// one rebuild of the summaries, instead of one of each per call.
    public func save(calls newCalls: [Call], targets: TalkTargets) throws(StoreError) {
        try requireWritable()
        let byDay = Dictionary(grouping: newCalls, by: { day(of: $0) })
        for day in byDay.keys.sorted() {
            try locked { () throws(StoreError) in
                var calls = try calls(on: day)
                let replaced = Set(byDay[day, default: []].map(\.id))
                calls.removeAll { replaced.contains($0.id) }
                calls += byDay[day, default: []]
                calls.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
                let file = dayFile(for: day)
                try AtomicFile.makeDirectory(callsDirectory)
                try AtomicFile.makeDirectory(file.deletingLastPathComponent())
                try VersionedFile.write(
                    DayDocument(schemaVersion: SchemaMigration.day.current, day: day, calls: calls), to: file)
            }
        }
        try rebuildSummaries(targets: targets)
    }
}
