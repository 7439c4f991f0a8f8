import CallboardCore
import Foundation

/// Everything on screen, as one value. Only ``update(_:_:)`` changes it.
public struct AppState: Hashable, Sendable {
    /// The panels `Tab` moves between.
    public enum Panel: Int, Hashable, Sendable, CaseIterable {
        case queue, brief, talk, referrals
    }

    /// What the keys act on.
    public enum Mode: Hashable, Sendable {
        /// The dashboard with no live call.
        case queue
        /// The field for a prospect typed in by hand, over the queue.
        case addProspect(TextField)
        /// A call left live by a crash, offered to resume or save before anything else,
        /// with its prospect as the store has them (nil when it no longer does).
        case recovery(LiveCallCheckpoint, prospect: Prospect?)
        /// A live call: the talk keys act immediately.
        case call
        /// The note field, over a live call.
        case note(TextField)
        /// The dialogs after `e`, over the live call.
        case endOfCall(EndOfCallFlow)
        /// The list of follow-up emails not yet sent.
        case followUps(FollowUpsBrowser)
        /// The day's review; nil until the store's answer arrives.
        case review(ReviewState?)
    }

    public var settings: Settings
    /// The seller's time zone: "today" and the clock are read in it.
    public var zone: TimeZone
    /// Whether a send command is configured, so `S` can send.
    public var canSend: Bool
    /// The store's outbox folder, so a written email is named by its full path.
    public var outboxFolder = ""
    public var width: Int
    public var height: Int
    /// The latest instant any event carried; views read time only from here.
    public var now: Moment?

    /// False until the store's first answer, so an empty screen is not mistaken for an
    /// empty store.
    public var isLoaded: Bool
    public var prospects: [Prospect]
    /// Names of referrers who may not be in `prospects` (it holds only the working set).
    public var referrerNames: [ProspectID: String]
    /// Whether the store held no prospect at all when it was read.
    public var isStoreEmptyOnDisk: Bool
    /// Everyone's dials and pick-ups by time zone, for the best time (``BestTime``).
    public var zoneReach: [String: ReachCounts] = [:]
    /// Today's queue, or the rows of it held when it is too long to hold whole
    /// (``queueLength``).
    public var queue: [QueueEntry]
    /// The cursor, an index into `queue`.
    public var selection: Int
    /// Where `queue` starts in the whole queue when only part of it is held.
    public var queueOffset = 0
    /// The whole queue's length when only part of it is held (the rest is read as the
    /// seller scrolls); nil when `queue` is all of it.
    public var queueLength: Int?
    /// The instant the order of a queue held in stretches was worked out at: the next
    /// stretch is read in the same order. A save or an add orders it anew.
    public var queueOrderedAt: Date?
    /// The day the queue was built for; a new day rebuilds it.
    public var queueDay: CalendarDay?
    public var focus: Panel
    /// Lines of the pre-call brief scrolled past, when the brief has focus.
    public var briefScroll: Int
    public var callsToday: Int
    public var pendingFollowUps: [PendingFollowUp]

    public var mode: Mode
    /// Why the line in the add field was not added; the field keeps the text.
    public var addProblem: String?
    public var live: LiveCall?
    /// The headset's input levels while hands-free listens; nil before any arrived.
    public var inputLevels: InputLevels?
    public var showingHelp: Bool
    /// Lines of the help overlay scrolled past.
    public var helpScroll: Int
    /// How far the email on screen (end of call, or opened from the follow-ups) is
    /// scrolled, in lines; back to 0 whenever another email opens.
    public var draftScroll = 0
    public var confirmingQuit: Bool
    public var status: StatusMessage?
    /// The finished call whose save is under way; its checkpoint goes once it is saved.
    public var saving: CallToSave?
    /// The finished call the store could not save. It stays in `live-call.json`, so no
    /// new call starts (its checkpoint would take that place) until Enter saves it.
    public var notSaved: CallToSave?
    /// The calling block under way (`P`), if any.
    public var block: CallingBlock?
    /// Whether an after-call command takes each filed call.
    public var handsOffCalls = false

    public init(
        settings: Settings = Settings(), zone: TimeZone = .current, canSend: Bool = false,
        width: Int = 80, height: Int = 24
    ) {
        self.settings = settings
        self.zone = zone
        self.canSend = canSend
        self.width = width
        self.height = height
        now = nil
        isLoaded = false
        prospects = []
        referrerNames = [:]
        isStoreEmptyOnDisk = true
        queue = []
        selection = 0
        queueDay = nil
        focus = .queue
        briefScroll = 0
        callsToday = 0
        pendingFollowUps = []
        mode = .queue
        addProblem = nil
        live = nil
        showingHelp = false
        helpScroll = 0
        confirmingQuit = false
        status = nil
        saving = nil
        notSaved = nil
    }

    /// The number of rows in today's queue, held or not.
    public var queueCount: Int { queueLength ?? queue.count }

    /// The queue entry under the cursor.
    public var selectedEntry: QueueEntry? {
        queue.indices.contains(selection) ? queue[selection] : nil
    }

    /// The set of keys that work right now.
    public var keyContext: KeyContext {
        if confirmingQuit { return .quitConfirm }
        if showingHelp { return .help }
        switch mode {
        case .queue: return isBlockWaiting ? .block : .queue
        case .addProspect: return .addProspect
        case .recovery: return .recovery
        case .call: return .call
        case .note: return .note
        case .endOfCall(let flow): return flow.step.keyContext
        case .followUps(let browser): return browser.isOpen ? .followUpDraft : .followUps
        case .review: return .review
        }
    }

    /// The call a crash left live, while the seller has not yet said what to do with it.
    public var recoveredCall: LiveCallCheckpoint? {
        if case .recovery(let checkpoint, _) = mode { return checkpoint }
        return nil
    }

    /// The seller's calendar day at the latest instant seen.
    public var today: CalendarDay? { now.map { CalendarDay(containing: $0.wall, in: zone) } }

    /// Whether the store holds nobody to call at all: the welcome screen.
    public var isEmptyStore: Bool { isLoaded && isStoreEmptyOnDisk && prospects.isEmpty && live == nil }

    /// The smallest terminal the dashboard draws in; below it a size message shows.
    public static let minimumWidth = 60
    public static let minimumHeight = 18

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// A short message in the status line, e.g. "Saved call with Anna" or an error.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// A follow-up email written or drafted but not yet sent.
public struct PendingFollowUp: Hashable, Sendable {
    public var call: Call
    public var prospect: Prospect

    public init(call: Call, prospect: Prospect) {
        self.call = call
        self.prospect = prospect
    }

    /// Where the follow-up is, as every screen shows it and every count counts it.
    public var stage: FollowUp.Stage? { call.followUp?.stage(to: prospect.email) }
}

/// What the store answers when the dashboard opens or reloads.
public struct StoreSnapshot: Hashable, Sendable {
    /// The working set: everyone today's queue can need, not every prospect filed.
    public var prospects: [Prospect]
    /// Names of referrers outside `prospects`, for "referred by".
    public var referrerNames: [ProspectID: String]
    /// True only when the store holds no prospect at all (the welcome screen).
    public var isStoreEmpty: Bool
    /// Calls started today, for the progress against the daily goal.
    public var callsToday: Int
    /// Everyone's dials and pick-ups by time zone.
    public var zoneReach: [String: ReachCounts]
    /// The queue's first rows, when it is too long to hold whole; nil when `prospects`
    /// are every one due today and the dashboard orders them itself.
    public var window: QueueWindow?

    public init(
        prospects: [Prospect], callsToday: Int = 0, referrerNames: [ProspectID: String] = [:],
        isStoreEmpty: Bool? = nil, zoneReach: [String: ReachCounts] = [:], window: QueueWindow? = nil
    ) {
        self.window = window?.isWhole == true ? nil : window
        self.zoneReach = zoneReach
        self.prospects = prospects
        self.referrerNames = referrerNames
        self.isStoreEmpty = isStoreEmpty ?? prospects.isEmpty
        self.callsToday = callsToday
    }
}

/// A finished call on its way to the store, with what filing it needs.
public struct CallToSave: Hashable, Sendable {
    public var call: Call
    public var prospect: Prospect
    /// Whether its thank-you email is sent once it is saved.
    public var send: Bool

    var effect: Effect { .fileCall(call: call, prospect: prospect, send: send) }
}
