import CallboardCore
import Foundation

/// Several sellers side by side for a coach, from their exports. Every figure comes from
/// the same rules as the seller's own review (``CallSummary``, ``DaySummary``), judged by
/// the call types and targets given.
public struct TeamReport: Hashable, Sendable {
    public struct Seller: Hashable, Sendable {
        public var name: String
        /// The versions of callboard that wrote this seller's exports.
        public var versions: [String]
        /// Calls found in more than one export (or twice in one) and counted once.
        public var duplicates: Int
        /// Calls no export could read.
        public var skipped: Int
        public var totals: DaySummary

        /// Whether the seller has no call in the period.
        public var isMissing: Bool { totals.dials == 0 }
    }

    public var from: CalendarDay
    public var to: CalendarDay
    /// In the order their exports were given.
    public var sellers: [Seller]
    /// Every seller's calls together.
    public var team: DaySummary

    /// - Parameters:
    ///   - exports: each seller's exports; several of one seller (same name) are merged and
    ///     their calls counted once by id.
    ///   - period: the days to report; nil takes the span of all the calls.
    ///   - expected: sellers the coach expects; one without an export shows as missing.
    public init(
        exports: [SellerExport], period: (from: CalendarDay, to: CalendarDay)?, zone: TimeZone,
        targets: TalkTargets, types: CallTypes, expected: [String] = []
    ) {
        var order: [String] = []
        var calls: [String: [CallID: Call]] = [:]
        var versions: [String: Set<String>] = [:]
        var duplicates: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        for export in exports {
            let key = export.seller.lowercased()
            if calls[key] == nil {
                order.append(export.seller)
                calls[key] = [:]
            }
            if let version = export.version { versions[key, default: []].insert(version) }
            skipped[key, default: 0] += export.skipped
            for call in export.calls {
                if calls[key]?[call.id] != nil { duplicates[key, default: 0] += 1 }
                calls[key]?[call.id] = call
            }
        }
        for name in expected.map(SafeReportText.clean) where calls[name.lowercased()] == nil && !name.isEmpty {
            order.append(name)
            calls[name.lowercased()] = [:]
        }
        let days = calls.values.flatMap(\.values).map { CalendarDay(containing: $0.startedAt, in: zone) }
        let first = period?.from ?? days.min() ?? CalendarDay(containing: Date(timeIntervalSince1970: 0), in: zone)
        let last = period?.to ?? days.max() ?? first
        from = first
        to = last
        sellers = order.map { name in
            let key = name.lowercased()
            let inPeriod = (calls[key] ?? [:]).values.filter {
                let day = CalendarDay(containing: $0.startedAt, in: zone)
                return day >= first && day <= last
            }
            return Seller(
                name: name, versions: (versions[key] ?? []).sorted(), duplicates: duplicates[key] ?? 0,
                skipped: skipped[key] ?? 0,
                totals: DaySummary(day: first, calls: Array(inPeriod), targets: targets, types: types))
        }
        team = DaySummary.total(of: sellers.map(\.totals), day: first)
    }

    /// The call types anyone had a conversation of, in the order of `types`, then others
    /// by name.
    public func typeNames(in types: CallTypes) -> [String] {
        let used = Set(team.byType.keys)
        let known = types.list.map(\.name).filter(used.contains)
        return known + used.subtracting(known).sorted()
    }
}
