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

/// `summaries/YYYY-MM.json`: the totals of each day of the month with calls. A month one
/// earlier build wrote (version 2) also holds `calls`, the days' report rows; they are
/// not read (the rows have a file of their own), and the next write of the month drops them.
struct SummariesDocument: Codable {
    var schemaVersion: Int
    var days: [DaySummary]
}

/// `summaries/YYYY-MM.calls.json`: each day's calls as report rows, by day, oldest first.
struct CallRowsDocument: Codable {
    var schemaVersion: Int
    var days: [DayRows]
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
