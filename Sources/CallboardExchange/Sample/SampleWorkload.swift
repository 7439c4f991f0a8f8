import CallboardCore
import Foundation

/// A deterministic, realistic history: prospects from several countries and years of
/// calls with talk segments, notes, outcomes, referrals and follow-ups. The seller works
/// the queue the way the dashboard orders it (callbacks and referrals, then those due,
/// then new names from the lists that arrive month by month), and every call goes through
/// the same after-call rules the dashboard uses, so statuses evolve as they would: lost
/// after "not interested", unreachable once the retry rule gives up, won after a few
/// good conversations. What is left due at the end is a realistic few hundred.
///
/// The same seed always gives the same workload, so benchmarks and demos can be rebuilt
/// anywhere.
public struct SampleWorkload: Sendable {
    public var prospects: [Prospect]
    public var calls: [Call]

    /// - Parameters:
    ///   - prospectCount: prospects the lists bring; referrals add more.
    ///   - callCount: the most calls to make, at most 48 a past business day, ending the
    ///     business day before `today`; fewer when the queue runs dry.
    public init(
        seed: UInt64, prospectCount: Int, callCount: Int, today: CalendarDay, zone: TimeZone,
        settings: Settings = Settings()
    ) {
        var random = SeededRandom(seed: seed)
        let callsPerDay = 48
        let dayCount = max(1, (callCount + callsPerDay - 1) / callsPerDay)
        var days: [CalendarDay] = []
        var day = today
        while days.count < dayCount {
            day = day.adding(days: -1)
            if !day.isWeekend { days.append(day) }
        }
        days.reverse()

        // A new list arrives every two weeks, to the end.
        let batchEvery = 10
        let batches = max(1, dayCount / batchEvery)
        let perBatch = max(1, (max(0, prospectCount) + batches - 1) / batches)
        var prospects: [Prospect] = []
        prospects.reserveCapacity(prospectCount + callCount / 10)
        var arrivals: [Int: Range<Int>] = [:]
        for batch in 0..<batches {
            let range = min(prospectCount, batch * perBatch)..<min(prospectCount, (batch + 1) * perBatch)
            guard !range.isEmpty else { break }
            let arrival = days[min(days.count - 1, batch * batchEvery)]
            let createdAt = arrival.at(hour: 8, minute: 0, in: zone) ?? Date(timeIntervalSince1970: 0)
            for index in range {
                prospects.append(Self.prospect(number: index, createdAt: createdAt, random: &random))
            }
            arrivals[batch * batchEvery] = range
        }

        var seller = SampleSeller(prospects: prospects, zone: zone)
        // Referral leads draw their ids from a stream of their own, so the rest of the
        // history is the same whether or not a call brought referrals.
        var ids = SeededRandom(seed: seed ^ 0x5EED_1D5)
        var taken = Set(prospects.map(\.id))
        var calls: [Call] = []
        calls.reserveCapacity(callCount)
        var previous = days.first.map { $0.adding(days: -1) } ?? today
        for (number, day) in days.enumerated() where calls.count < callCount {
            if let range = arrivals[number] { seller.fresh.append(contentsOf: range) }
            let todays = min(callsPerDay, callCount - calls.count)
            let queue = seller.queue(for: day, since: previous, limit: todays)
            previous = day
            var minute = 9 * 60 + Int.random(in: 0..<20, using: &random)
            var called = 0
            for index in queue.prefix(todays) {
                called += 1
                guard let start = day.at(hour: min(23, minute / 60), minute: minute % 60, in: zone) else { continue }
                let prospect = seller.prospects[index]
                let outcome = seller.outcome(for: index, random: &random)
                let call = Self.call(
                    with: prospect, outcome: outcome, at: start, day: day, zone: zone, settings: settings,
                    isRecent: number >= days.count - 3, random: &random)
                let after = AfterCall(
                    call: call, prospect: prospect, today: day, zone: zone, retry: settings.retry,
                    newID: { ProspectID.make(using: &ids, isTaken: { taken.contains($0) }) })
                for lead in after.newProspects { taken.insert(lead.id) }
                seller.record(after, index: index, outcome: outcome, random: &random)
                calls.append(after.call)
                minute += Int(((call.duration ?? 60) / 60).rounded(.up)) + Int.random(in: 1..<4, using: &random)
            }
            seller.carry(called: called, of: queue)
        }
        self.prospects = seller.prospects
        self.calls = calls
    }

    static func prospect(number: Int, createdAt: Date, random: inout SeededRandom) -> Prospect {
        let country = random.pick(SampleVocabulary.people)
        let first = random.pick(country.first)
        let last = random.pick(country.last)
        let company = [random.pick(SampleVocabulary.companyRoots), random.pick(SampleVocabulary.companyKinds),
                       random.pick(SampleVocabulary.companyForms)].filter { !$0.isEmpty }.joined(separator: " ")
        let domain = company.lowercased().filter { $0.isLetter && $0.isASCII }.prefix(14)
        let mailbox = "\(first).\(last)".lowercased().filter { ($0.isLetter && $0.isASCII) || $0 == "." }
        return Prospect(
            id: ProspectID("p-\(random.hex(8))"), name: "\(first) \(last)", company: company,
            title: random.pick(SampleVocabulary.titles),
            phone: country.phone + String(format: "%04d", number % 10_000),
            email: "\(mailbox)@\(domain).example.\(country.domain)",
            timeZone: random.chance(0.85) ? country.zone : nil,
            source: random.pick([.list, .list, .list, .web, .event, .inbound]),
            priority: random.pick([1, 2, 3, 3, 3, 4]), createdAt: createdAt)
    }

    static func call(
        with prospect: Prospect, outcome: Outcome, at start: Date, day: CalendarDay, zone: TimeZone,
        settings: Settings = Settings(), isRecent: Bool = false, random: inout SeededRandom
    ) -> Call {
        var call = Call(
            id: Call.makeID(prospect: prospect.id, startedAt: start), prospectID: prospect.id,
            startedAt: start, outcome: outcome)
        call.callType = CallTypes.role(for: prospect).rawValue
        let rule = Outcomes.standard.rule(for: outcome)
        guard rule.isConversation else {
            let ring = Double(Int.random(in: 15...45, using: &random))
            call.segments = [TalkSegment(speaker: .silence, start: 0, end: ring)]
            if outcome == .voicemail {
                call.segments.append(TalkSegment(speaker: .me, start: ring, end: ring + 25))
            }
            call.duration = call.segments.last?.end
            call.referralAsk = .notApplicable
            return call
        }
        // Alternate turns; a seller who talks too much shows up now and then.
        let talker = random.chance(0.3)
        var clock = 0.0
        var speaker: Speaker = .me
        let turns = Int.random(in: 6...40, using: &random)
        for _ in 0..<turns {
            let length: Double
            switch speaker {
            case .me: length = Double(Int.random(in: 4...(talker ? 90 : 35), using: &random))
            case .prospect: length = Double(Int.random(in: 5...70, using: &random))
            case .silence: length = Double(Int.random(in: 1...6, using: &random))
            }
            call.segments.append(TalkSegment(speaker: speaker, start: clock, end: clock + length))
            clock += length
            speaker = random.chance(0.1) ? .silence : (speaker == .me ? .prospect : .me)
        }
        call.duration = clock
        // Questions from a generator of their own, so the rest of the workload stays the
        // same for a seed whether or not questions are made up.
        var asking = SeededRandom(seed: UInt64(max(0, start.timeIntervalSince1970)) &* 31 &+ UInt64(turns))
        let curious = asking.chance(0.5)
        call.questions = (0..<Int.random(in: (curious ? 6 : 1)...(curious ? 15 : 8), using: &asking)).map { _ in
            QuestionMark(by: .me, at: Double.random(in: 0..<max(1, clock), using: &asking))
        }.sorted { $0.at < $1.at }
        if asking.chance(0.4) { call.questions.append(QuestionMark(by: .prospect, at: clock * 0.8)) }
        call.notes = [
            CallNote(text: random.pick(SampleVocabulary.notes), at: min(clock, 30)),
            CallNote(text: random.pick(SampleVocabulary.challenges), tag: .challenge, at: min(clock, 60)),
        ]
        if random.chance(0.4) {
            call.notes.append(CallNote(text: random.pick(SampleVocabulary.organization), tag: .organization, at: clock / 2))
        }
        if random.chance(0.3) {
            call.notes.append(CallNote(text: random.pick(SampleVocabulary.requirements), tag: .requirement, at: clock / 2))
        }
        call.referralAsk = random.chance(0.65) ? .asked : .notAsked
        if call.referralAsk == .asked, random.chance(0.12) {
            let country = random.pick(SampleVocabulary.people)
            call.referrals = [
                Referral(
                    name: "\(random.pick(country.first)) \(random.pick(country.last))",
                    company: prospect.company, phone: country.phone + String(Int.random(in: 1000...9999, using: &random)))
            ]
        }
        if rule.needsAppointment {
            // Now and then "call me next quarter" instead of next week.
            let wait = outcome == .callback && random.chance(0.25)
                ? Int.random(in: 30...120, using: &random) : Int.random(in: 0...6, using: &random)
            let later = day.nextBusinessDay.adding(days: wait)
            call.nextStepAt = later.at(hour: Int.random(in: 9...16, using: &random), minute: 0, in: prospect.zone ?? zone)
        }
        let end = start.addingTimeInterval(clock)
        // Older follow-ups were sent or skipped long ago; only the last days' may wait.
        let status: FollowUp.Status = random.pick(isRecent ? [.sent, .sent, .pending] : [.sent, .sent, .sent, .skipped])
        // Drafted as the dashboard drafts at the end of a call: the outcome, the next step,
        // the referrals, the seller's template and name.
        var followUp = FollowUpTemplate.draft(call: call, prospect: prospect, settings: settings, sellerZone: zone)
        followUp.status = status
        followUp.sentAt = status == .sent ? end.addingTimeInterval(600) : nil
        call.followUp = followUp
        return call
    }
}
