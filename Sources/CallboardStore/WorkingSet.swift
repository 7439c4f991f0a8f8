import CallboardCore

/// The prospects today's queue can need, and the names of whoever referred them: what the
/// dashboard opens with instead of every prospect ever filed.
public struct WorkingSet: Hashable, Sendable {
    /// Active prospects due (or with a callback) by `coversThrough`, or with no day set.
    /// Whoever else was called in the two weeks before it was built is kept apart, for
    /// the follow-ups still owed (`Store.recentlyCalled()`).
    public var prospects: [Prospect]
    /// The names of the prospects' referrers, for "referred by" when the referrer is not
    /// in `prospects` itself.
    public var referrerNames: [ProspectID: String]
    /// True only when the store holds no prospect at all: the welcome screen.
    public var isStoreEmpty: Bool
    /// The last day this set answers for; a later day needs a fresh one.
    public var coversThrough: CalendarDay
    /// Everyone's dials and pick-ups by time zone, over every prospect in the store.
    public var zoneReach: [String: ReachCounts]

    public init(
        prospects: [Prospect], referrerNames: [ProspectID: String], isStoreEmpty: Bool,
        coversThrough: CalendarDay, zoneReach: [String: ReachCounts] = [:]
    ) {
        self.zoneReach = zoneReach
        self.prospects = prospects
        self.referrerNames = referrerNames
        self.isStoreEmpty = isStoreEmpty
        self.coversThrough = coversThrough
    }

    /// Days past the day it was built that a working set answers for.
    public static let reach = 14
}

/// The working set with whoever else was called in the two weeks before it was built.
/// Stored as two files: `queue.json` holds the queue's part and everything else, so that
/// opening the dashboard reads only that; `recent.json` holds the recent callees the
/// queue cannot show. Referrers are keyed by the id's text, so the file reads as a plain
/// JSON object.
struct WorkingSetDocument: Codable {
    var schemaVersion: Int
    var builtOn: CalendarDay
    var coversThrough: CalendarDay
    /// Every prospect in the store, not only these: tells an empty store from a quiet day.
    var prospectCount: Int
    var prospects: [Prospect]
    var referrers: [String: String]
    /// The sums of ``ZoneReach`` over every prospect; nil in a file from before they were
    /// kept, until the next rebuild.
    var zoneReach: [String: ReachCounts]?
    /// The hashes of the queue's pages when this was read from them, every page checked:
    /// a write leaves alone those it would write the same. Never stored.
    var pagesOnDisk: [String]? = nil
}

/// `recent.json`: the part of the working set the queue cannot show, stamped with the
/// build it belongs to.
struct RecentCalleesDocument: Codable {
    var schemaVersion: Int
    var builtOn: CalendarDay
    var coversThrough: CalendarDay
    var prospects: [Prospect]
}
