import CallboardCore
import CallboardStore
import Foundation

/// The seller's workflows, each written once: add a prospect, import a list, file a
/// finished call, read the queue of a day, review a day or a range. The command line, the
/// dashboard's effects and the tests all come through here; none of them orchestrates
/// the store's writes by itself.
///
/// A desk reads no clock: every workflow that needs the time is given it.
public struct Desk: Sendable {
    public let store: Store
    public let settings: Settings
    /// The seller's after-call command, which takes each filed call as JSON on stdin;
    /// nil hands nothing off.
    public var afterCallCommand: String?
    /// Seconds the after-call command may run before it is stopped (and retried later).
    public var afterCallTimeout: Double = 30
    /// The seller's zone: the day a call belongs to and the queue's "today".
    public var zone: TimeZone { store.zone }

    public init(store: Store, settings: Settings) {
        self.store = store
        self.settings = settings
    }

    /// The seller's calendar day at `instant`.
    public func day(of instant: Date) -> CalendarDay { CalendarDay(containing: instant, in: zone) }

    /// A new prospect id that no one in `index` (nor in `alsoTaken`) has.
    static func newID(
        using random: inout some RandomNumberGenerator, index: ContactIndex, alsoTaken: Set<ProspectID> = []
    ) -> ProspectID {
        ProspectID.make(using: &random) { index.contains($0) || alsoTaken.contains($0) }
    }
}
