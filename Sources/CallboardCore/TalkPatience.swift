import Foundation

/// Patience: how long I let a silence run after the prospect stops before I speak.
public enum TalkPatience {
    /// Each pause between the end of the prospect's talk and the start of mine, in order;
    /// 0 where I came in at once. Pauses the prospect ended themselves are not mine to count.
    public static func pauses(in segments: [TalkSegment]) -> [Double] {
        var pauses: [Double] = []
        var prospectEnded: Double?
        for segment in segments {
            switch segment.speaker {
            case .prospect:
                prospectEnded = segment.end
            case .me:
                if let ended = prospectEnded { pauses.append(max(0, segment.start - ended)) }
                prospectEnded = nil
            case .silence:
                break
            }
        }
        return pauses
    }

    /// The median pause before I answer; nil when I never answered the prospect.
    public static func median(in segments: [TalkSegment]) -> Double? {
        median(of: pauses(in: segments))
    }

    /// The middle value (the mean of the two middle ones); nil for none.
    public static func median(of values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
