import CallboardCore
import CallboardStore
import CallboardTerminal
import CallboardUI
import Foundation

/// The measures taken in this process through the libraries: a checkpoint, the review, and
/// one key through update, render and the frame diff.
struct InProcessBenchmarks {
    let workload: Workload
    let runs: Int
    let zone = TimeZone.current

    /// A ten-minute call as the dashboard checkpoints it: 60 turns and three notes.
    static func liveCall(prospect: ProspectID, startedAt: Date) -> LiveCallCheckpoint {
        let speakers: [Speaker] = [.me, .prospect, .prospect, .silence]
        let segments = (0..<60).map { TalkSegment(speaker: speakers[$0 % 4], start: Double($0 * 10), end: Double($0 * 10 + 10)) }
        let notes = (0..<3).map { CallNote(text: "They run three depots and lose a day on every handover \($0).", at: Double($0 * 120)) }
        let call = Call(id: CallID("bench-live"), prospectID: prospect, startedAt: startedAt, segments: segments, notes: notes)
        return LiveCallCheckpoint(call: call, elapsed: 600, savedAt: startedAt.addingTimeInterval(600))
    }

    /// P2: bytes of live-call.json and milliseconds per checkpoint on the 3-year store.
    func checkpoint() throws -> (bytes: Int, milliseconds: [Double]) {
        let store = try Store(directory: workload.threeYears, zone: zone)
        defer { try? store.clearCheckpoint() }
        let prospect = try store.prospects().first?.id ?? ProspectID("p1")
        let live = Self.liveCall(prospect: prospect, startedAt: Date())
        var times: [Double] = []
        for _ in 0..<max(runs, 20) {
            times.append(try Stats.time { try store.writeCheckpoint(live) } * 1000)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: store.checkpointFile.path)[.size] as? Int) ?? -1
        return (size, times)
    }

    /// The last day of the 3-year store that has calls.
    func busiestRecentDay(_ store: Store) throws -> CalendarDay {
        guard let day = try store.callDays().max() else { throw PseudoTerminal.Failure(description: "the 3-year store has no calls") }
        return day
    }

    /// P5: the review screen of one day as the dashboard reads it (the day's calls, the
    /// prospects of calls saved without a name, 30 days of summaries), and a 90-day trend
    /// from the summaries.
    func review() throws -> (day: [Double], trend: [Double]) {
        let store = try Store(directory: workload.threeYears, zone: zone, access: .readOnly)
        let day = try busiestRecentDay(store)
        var dayTimes: [Double] = []
        var trendTimes: [Double] = []
        for _ in 0..<runs {
            dayTimes.append(
                try Stats.time {
                    // As the dashboard reads it: calls carry their prospect's name, so only
                    // older calls without one look their prospects up.
                    let calls = try store.calls(on: day)
                    let prospects = try store.prospects(ids: Set(calls.filter { $0.prospectName == nil }.map(\.prospectID)))
                    let summaries = try store.summaries(from: day.adding(days: 1 - ReviewState.trendLength), to: day)
                    let state = ReviewState(
                        day: day, today: day, calls: calls, prospects: prospects,
                        summaries: Dictionary(summaries.map { ($0.day, $0) }, uniquingKeysWith: { _, b in b }), zone: zone)
                    var buffer = CellBuffer(width: 120, height: 40)
                    state.render(into: &buffer, in: buffer.bounds)
                } * 1000)
            trendTimes.append(
                try Stats.time {
                    let summaries = try store.summaries(from: day.adding(days: -89), to: day)
                    let trend = Trend(
                        endingOn: day, length: 90, summaries: Dictionary(summaries.map { ($0.day, $0) }, uniquingKeysWith: { _, b in b }))
                    _ = DaySummary.total(of: summaries, day: day)
                    precondition(trend.days.count == 90)
                } * 1000)
        }
        return (dayTimes, trendTimes)
    }

    /// P7: one key (Space: switch speaker) → update → render → diff on 200×60, mid-call,
    /// with the 3-year store's prospects loaded.
    func keyToDiff() throws -> [Double] {
        let store = try Store(directory: workload.threeYears, zone: zone, access: .readOnly)
        let prospects = try store.prospects()
        let clock = ManualClock(start: 1_000)
        var wall = Date()
        func moment() -> Moment { Moment(monotonic: clock.now(), wall: wall) }
        var state = AppState(settings: Settings(), zone: zone, width: 200, height: 60)
        _ = update(&state, .loaded(StoreSnapshot(prospects: prospects), moment()))
        _ = update(&state, .key(.enter, moment()))
        guard state.live != nil else { throw PseudoTerminal.Failure(description: "Enter did not start a call") }
        var previous = CellBuffer(width: 200, height: 60)
        render(state, into: &previous)
        var times: [Double] = []
        var changed = 0
        for round in 0..<max(runs * 100, 500) {
            clock.advance(by: 0.37)
            wall = wall.addingTimeInterval(0.37)
            let key: Key = round % 3 == 0 ? .char("s") : .char(" ")
            var next = CellBuffer(width: 200, height: 60)
            times.append(
                Stats.time {
                    _ = update(&state, .key(key, moment()))
                    render(state, into: &next)
                    changed += FrameDiff.changes(from: previous, to: next).count
                } * 1000)
            previous = next
        }
        precondition(changed > 0, "the keys changed nothing on screen")
        return times
    }
}
