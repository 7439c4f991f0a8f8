import Foundation

/// Whether an agreed next step falls at an odd time for the prospect: on their weekend or
/// outside their business hours. The seller may still keep it (some people do take calls
/// on a Saturday), but never without having seen it.
public enum NextStepCheck {
    /// "Sat 5 Dec 10:00 is their weekend." or "20:00 is outside their business hours
    /// (09:00–17:00)."; nil when the time is inside their hours. With no zone of theirs the
    /// seller's clock is checked and the sentence says so ("a weekend", "business hours").
    public static func warning(
        at instant: Date, theirZone: TimeZone?, sellerZone: TimeZone, hours: BusinessHours
    ) -> String? {
        let zone = theirZone ?? sellerZone
        let local = LocalTime(at: instant, in: zone, sellerZone: sellerZone, hours: hours)
        guard !local.isBusinessHours else { return nil }
        let day = CalendarDay(containing: instant, in: zone).shortText
        let their = theirZone == nil ? "" : "their "
        if local.isWeekend { return "\(day) \(local.text) is \(theirZone == nil ? "a " : their)weekend." }
        let range = LocalTime.clockText(hour: hours.start) + "–" + LocalTime.clockText(hour: hours.end)
        return "\(day) \(local.text) is outside \(their)business hours (\(range))."
    }

    /// The sentence that says which zone a time is in when the prospect's is not known:
    /// "Their time zone is not known: times are yours (Europe/Amsterdam)."
    public static func unknownZoneNote(sellerZone: TimeZone) -> String {
        "Their time zone is not known: times are yours (\(sellerZone.identifier))."
    }
}

extension LocalTime {
    /// "09:00" for an hour, "24:00" at the end of the day.
    public static func clockText(hour: Int) -> String { (hour < 10 ? "0" : "") + "\(hour):00" }
}
