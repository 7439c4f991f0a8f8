import CallboardCore
import Foundation

/// The seller of a generated history: keeps who is due on which day, picks how each call
/// goes from how far the conversation has come, and applies the after-call result.
struct SampleSeller {
    var prospects: [Prospect]
    /// The seller's zone, in which callbacks fall on their day.
    let zone: TimeZone
    /// Never called yet, in the order their lists arrived.
    var fresh: [Int] = []
    private var freshStart = 0
    /// Called before and due again on a day, by that day.
    private var scheduled: [CalendarDay: [Int]] = [:]
    /// Due but not reached on an earlier day.
    private var waiting: [Int] = []
    /// How many of the last queue were due rather than new.
    private var dueInQueue = 0
    /// Conversations that went somewhere: 0 before the first, then 1, 2, ...
    private var stage: [Int]

    init(prospects: [Prospect], zone: TimeZone) {
        self.prospects = prospects
        self.zone = zone
        stage = Array(repeating: 0, count: prospects.count)
    }

    /// Today's calls in the dashboard's order (``CallQueue``) for those due, then new names
    /// from the lists. `since` is the previous working day: days between (weekends) are
    /// due today too.
    mutating func queue(for day: CalendarDay, since previous: CalendarDay, limit: Int) -> [Int] {
        var due = waiting
        waiting = []
        var date = previous.adding(days: 1)
        while date <= day {
            due += scheduled.removeValue(forKey: date) ?? []
            date = date.adding(days: 1)
        }
        // The dashboard's own order (the core's queue), read as the day starts.
        var index: [ProspectID: Int] = [:]
        for i in due { index[prospects[i].id] = i }
        let start = day.at(hour: 9, minute: 0, in: zone) ?? Date(timeIntervalSince1970: 0)
        let ordered = CallQueue.entries(prospects: due.map { prospects[$0] }, today: day, now: start, zone: zone)
            .compactMap { index[$0.id] }
        dueInQueue = ordered.count
        return ordered + fresh[freshStart..<min(fresh.count, freshStart + max(0, limit - ordered.count))]
    }

    /// After a day of `called` calls from the front of `queue`: the due ones not reached
    /// wait for tomorrow, the new names called leave the list.
    mutating func carry(called: Int, of queue: [Int]) {
        if called < dueInQueue {
            waiting = Array(queue[called..<dueInQueue])
        } else {
            freshStart += called - dueInQueue
        }
    }

    /// How the call goes: harder to reach a stranger than someone expecting the call, and
    /// each good conversation makes the next one more likely to end in a deal.
    func outcome(for index: Int, random: inout SeededRandom) -> Outcome {
        let reached = random.chance(stage[index] == 0 ? 0.52 : 0.75)
        guard reached else { return random.pick([.noAnswer, .noAnswer, .noAnswer, .voicemail, .voicemail, .gatekeeper]) }
        switch stage[index] {
        case 0:
            return random.pick(weighted: [(.notInterested, 38), (.noFit, 17), (.callback, 20), (.meetingBooked, 15), (.opportunity, 10)])
        case 1:
            return random.pick(weighted: [(.notInterested, 25), (.noFit, 5), (.callback, 10), (.meetingBooked, 25), (.opportunity, 35)])
        default:
            return random.pick(weighted: [(.opportunity, 45), (.notInterested, 35), (.noFit, 5), (.meetingBooked, 15)])
        }
    }

    /// Applies a finished call: the prospect as the after-call rules left it, a deal marked
    /// won now and then, referral leads added, and the next call day booked.
    mutating func record(_ after: AfterCall, index: Int, outcome: Outcome, random: inout SeededRandom) {
        var prospect = after.prospect
        if outcome == .opportunity, stage[index] >= 2, random.chance(0.4) {
            prospect.status = .won
            prospect.nextCallDay = nil
        }
        let rule = Outcomes.standard.rule(for: outcome)
        if rule.isConversation, rule.continues { stage[index] += 1 }
        prospects[index] = prospect
        book(index)
        for lead in after.newProspects {
            prospects.append(lead)
            stage.append(0)
            book(prospects.count - 1)
        }
    }

    private mutating func book(_ index: Int) {
        let prospect = prospects[index]
        // The core's rule for who is due, kept as a calendar: a prospect due "any day"
        // after a call has a next call day, so only closed ones drop out here.
        guard prospect.status.isCallable, let next = prospect.dueDay(in: zone) else { return }
        scheduled[next, default: []].append(index)
    }
}

extension SeededRandom {
    mutating func pick<T>(weighted choices: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<max(1, choices.reduce(0) { $0 + $1.1 }), using: &self)
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
