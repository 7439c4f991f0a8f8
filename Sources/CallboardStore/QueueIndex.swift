import CallboardCore
import Foundation

/// The queue's part of the working set as the first frame reads it: every member's kind
/// and first due day in standing order (``CallQueue/Standing``), one prospect of each
/// kind, and where each member's page is, but none of the members themselves. The
/// order of any instant is worked out from it (``CallQueue/order(of:examples:today:now:zone:hours:outcomes:zoneReach:)``)
/// and only the rows on screen are read, a page at a time (``Store/members(_:of:)``).
public struct QueueIndex: Sendable {
    public var builtOn: CalendarDay
    public var coversThrough: CalendarDay
    /// Every member in standing order; a place's due day is nil when it was due by `builtOn`.
    public var places: [CallQueue.Place]
    /// `examples[k]` is a prospect of kind `k`.
    public var examples: [Prospect]
    public var referrerNames: [ProspectID: String]
    public var zoneReach: [String: ReachCounts]
    /// True only when the store holds no prospect at all: the welcome screen.
    public var isStoreEmpty: Bool
    /// Each page's hash, so a page of another build is never read as one of these.
    let pageHashes: [String]
    let pageSize: Int
    /// `slot[i]`: where the member at standing position `i` is among the pages.
    let slot: [Int]
    /// The standing of each page's first member.
    let pageStarts: [CallQueue.Standing]

    /// Whether the index answers for `day`: a day it covers, not before it was built (a
    /// member due by then may not yet have been due).
    public func answers(for day: CalendarDay) -> Bool { builtOn <= day && day <= coversThrough }
}

/// `queue.json`: the index of the paged working set.
struct QueueIndexDocument: Codable {
    var schemaVersion: Int
    var builtOn: CalendarDay
    var coversThrough: CalendarDay
    /// Every prospect in the store, not only these: tells an empty store from a quiet day.
    var prospectCount: Int
    var referrers: [String: String]
    var zoneReach: [String: ReachCounts]
    /// The FNV-1a hash of each page file's bytes: a page left by another build (a crash
    /// between two writes) is never read as one of these.
    var pageHashes: [String]
    /// The kinds of the members (``CallQueue/Kind``).
    var kinds: [CallQueue.Kind]
    /// Each member in standing order as `kind * 16 + days`, where `days` counts from
    /// `builtOn` to the first day the queue shows them (0: by `builtOn`).
    var places: [Int]
    /// The callbacks' times, which lead the standing order.
    var callbackTimes: [Double]
    var pageSize: Int
    /// The members sorted by kind, then standing, cut into pages of `pageSize`: the
    /// standing of each page's first member.
    var pageStarts: [StandingRecord]
    /// The identifier of the time zone the due days were counted in; an index without
    /// one, or of another zone than the store's, is rebuilt.
    var zone: String?
}

/// `queue/NNNN.json`: one page of members.
struct QueuePageDocument: Codable {
    var schemaVersion: Int
    var prospects: [Prospect]
}

/// A ``CallQueue/Standing`` as stored.
struct StandingRecord: Codable {
    var timed: Bool
    var time: Double
    var priority: Int
    var waiting: CalendarDay
    var name: String
    var id: String

    init(_ s: CallQueue.Standing) {
        timed = s.isTimed
        time = s.time
        priority = s.priority
        waiting = s.waiting
        name = s.name
        id = s.id.rawValue
    }

    var standing: CallQueue.Standing {
        CallQueue.Standing(isTimed: timed, time: time, priority: priority, waiting: waiting, name: name, id: ProspectID(id))
    }
}
