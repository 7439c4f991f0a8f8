import CallboardCore
import Foundation

// The shapes of the files on disk. Each carries `schemaVersion` at the top so a future
// callboard can migrate it and an older one can refuse it.

struct ProspectsDocument: Codable {
    var schemaVersion: Int
    var prospects: [Prospect]
}

struct DayDocument: Codable {
    var schemaVersion: Int
    var day: CalendarDay
    var calls: [Call]
}

/// A bucket read for its contact cards only.
struct ContactCardsDocument: Decodable {
    var schemaVersion: Int
    var prospects: [ContactCard]
}

/// `contacts.json`: every prospect's contact card, the index of who is already filed.
struct ContactsDocument: Codable {
    var schemaVersion: Int
    var cards: [ContactCard]
}

/// `summaries/YYYY-MM.json`. Version 2 added `calls`: each day's calls as report rows.
/// A month written by version 1 has none; its days' rows are made from their day files
/// when a report needs them, and written by the next writer that can.
struct SummariesDocument: Codable {
    var schemaVersion: Int
    var days: [DaySummary]
    /// By day, oldest first; nil in a month an earlier version wrote.
    var calls: [DayRows]? = nil
}

/// A month's summaries read for the days' totals only: the rows beside them are skipped,
/// so a trend costs what it did before they were there.
struct SummaryTotalsDocument: Decodable {
    var schemaVersion: Int
    var days: [DaySummary]
}

/// The checkpoint's fields at the top level, beside the version, for a readable file.
struct CheckpointDocument: Codable {
    var schemaVersion: Int
    var call: Call
    var elapsed: Double
    var savedAt: Date
    /// Present only once the end-of-call dialogs began; older files have none.
    var answers: EndOfCallAnswers?
    /// Present only while a note is half typed.
    var noteDraft: String?

    init(schemaVersion: Int, checkpoint: LiveCallCheckpoint) {
        self.schemaVersion = schemaVersion
        call = checkpoint.call
        elapsed = checkpoint.elapsed
        savedAt = checkpoint.savedAt
        answers = checkpoint.answers
        noteDraft = checkpoint.noteDraft
    }

    var checkpoint: LiveCallCheckpoint {
        LiveCallCheckpoint(call: call, elapsed: elapsed, savedAt: savedAt, answers: answers, noteDraft: noteDraft)
    }
}

/// Only the version, read before anything else so a newer file is refused before its
/// unknown shape can produce a confusing error.
struct VersionProbe: Decodable {
    var schemaVersion: Int?
}
