import CallboardCore
import Foundation

/// A deterministic, realistic history: prospects from several countries and years of
/// calls with talk segments, notes, outcomes, referrals and follow-ups, applied one by
/// one through the same after-call rules the dashboard uses. The same seed always gives
/// the same workload, so benchmarks and demos can be rebuilt anywhere.
public struct SampleWorkload: Sendable {
    public var prospects: [Prospect]
    public var calls: [Call]

    /// - Parameters:
    ///   - prospectCount: prospects in the end: about three quarters from the start, the
    ///     rest gained as referrals on calls, topped up when calls gave too few.
    ///   - callCount: calls spread over past business days, about 48 a day, ending the
    ///     business day before `today`.
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
        let firstDay = days.first ?? today
        let opened = firstDay.adding(days: -7).start(in: zone) ?? Date(timeIntervalSince1970: 0)

        var prospects: [Prospect] = []
        prospects.reserveCapacity(prospectCount + callCount / 20)
        let target = max(1, prospectCount)
        let initial = callCount > 0 ? max(1, target * 3 / 4) : target
        for index in 0..<initial {
            prospects.append(Self.prospect(number: index, createdAt: opened, random: &random))
        }
        var calls: [Call] = []
        calls.reserveCapacity(callCount)
        var made = 0
        for day in days where !prospects.isEmpty {
            let todays = min(callsPerDay, callCount - made)
            var minute = 9 * 60 + Int.random(in: 0..<20, using: &random)
            var tries = 0
            var madeToday = 0
            while madeToday < todays, tries < todays * 20 {
                tries += 1
                // Any prospect still in play; closed ones are passed over.
                let index = Int.random(in: 0..<prospects.count, using: &random)
                guard prospects[index].status.isCallable,
                    let start = day.at(hour: min(23, minute / 60), minute: minute % 60, in: zone)
                else { continue }
                var call = Self.call(with: prospects[index], at: start, day: day, zone: zone, random: &random)
                if prospects.count >= target { call.referrals = [] }
                let after = AfterCall(call: call, prospect: prospects[index], today: day, zone: zone, retry: settings.retry)
                prospects[index] = after.prospect
                prospects += after.newProspects
                calls.append(after.call)
                minute += Int(((call.duration ?? 60) / 60).rounded(.up)) + Int.random(in: 1..<4, using: &random)
                madeToday += 1
            }
            made += madeToday
        }
        while prospects.count < target {
            prospects.append(Self.prospect(number: prospects.count, createdAt: opened, random: &random))
        }
        self.prospects = prospects
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
        with prospect: Prospect, at start: Date, day: CalendarDay, zone: TimeZone, random: inout SeededRandom
    ) -> Call {
        let outcome: Outcome = random.pick([
            .noAnswer, .noAnswer, .noAnswer, .voicemail, .voicemail, .gatekeeper, .notInterested,
            .noFit, .callback, .callback, .meetingBooked, .opportunity,
        ])
        var call = Call(
            id: Call.makeID(prospect: prospect.id, startedAt: start), prospectID: prospect.id,
            startedAt: start, outcome: outcome)
        guard outcome.isConversation else {
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
        if call.referralAsk == .asked, random.chance(0.35) {
            let country = random.pick(SampleVocabulary.people)
            call.referrals = [
                Referral(
                    name: "\(random.pick(country.first)) \(random.pick(country.last))",
                    company: prospect.company, phone: country.phone + String(Int.random(in: 1000...9999, using: &random)))
            ]
        }
        if outcome.needsAppointment {
            let later = day.nextBusinessDay.adding(days: Int.random(in: 0...6, using: &random))
            call.nextStepAt = later.at(hour: Int.random(in: 9...16, using: &random), minute: 0, in: prospect.zone ?? zone)
        }
        let end = start.addingTimeInterval(clock)
        let status: FollowUp.Status = random.pick([.sent, .sent, .sent, .pending, .skipped])
        call.followUp = FollowUp(
            subject: "Thank you for your time, \(prospect.firstName)",
            body: "Hello \(prospect.firstName),\n\nThank you for the conversation today.\n",
            status: status, sentAt: status == .sent ? end.addingTimeInterval(600) : nil)
        return call
    }
}
