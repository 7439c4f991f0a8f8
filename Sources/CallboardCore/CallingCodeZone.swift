import Foundation

/// The time zone a phone number's country calling code implies, where the country keeps
/// one zone. Countries that span several (+1, +7, +61, +55, +52, +62 ...) or have islands
/// on another clock (Spain's Canaries, Portugal's Azores, Chile's Easter Island) imply none:
/// a wrong zone is worse than an unknown one.
public enum CallingCodeZone {
    /// Calling code (digits) → IANA zone. Codes are prefix-free, so the first match wins.
    public static let table: [String: String] = [
        // Europe
        "30": "Europe/Athens", "31": "Europe/Amsterdam", "32": "Europe/Brussels", "33": "Europe/Paris",
        "36": "Europe/Budapest", "39": "Europe/Rome", "40": "Europe/Bucharest", "41": "Europe/Zurich",
        "43": "Europe/Vienna", "44": "Europe/London", "45": "Europe/Copenhagen", "46": "Europe/Stockholm",
        "47": "Europe/Oslo", "48": "Europe/Warsaw", "49": "Europe/Berlin", "352": "Europe/Luxembourg",
        "353": "Europe/Dublin", "354": "Atlantic/Reykjavik", "356": "Europe/Malta", "358": "Europe/Helsinki",
        "359": "Europe/Sofia", "370": "Europe/Vilnius", "371": "Europe/Riga", "372": "Europe/Tallinn",
        "385": "Europe/Zagreb", "386": "Europe/Ljubljana", "420": "Europe/Prague", "421": "Europe/Bratislava",
        "90": "Europe/Istanbul",
        // Asia and the Middle East
        "20": "Africa/Cairo", "27": "Africa/Johannesburg", "234": "Africa/Lagos", "254": "Africa/Nairobi",
        "60": "Asia/Kuala_Lumpur", "63": "Asia/Manila", "65": "Asia/Singapore", "66": "Asia/Bangkok",
        "81": "Asia/Tokyo", "82": "Asia/Seoul", "84": "Asia/Ho_Chi_Minh", "86": "Asia/Shanghai",
        "91": "Asia/Kolkata", "92": "Asia/Karachi", "852": "Asia/Hong_Kong", "880": "Asia/Dhaka",
        "886": "Asia/Taipei", "966": "Asia/Riyadh", "971": "Asia/Dubai", "972": "Asia/Jerusalem",
        // South America
        "51": "America/Lima", "54": "America/Argentina/Buenos_Aires", "57": "America/Bogota",
    ]

    /// The zone of `phone`'s calling code and the code ("+44"), or nil when the number has
    /// no international prefix (`+` or `00`) or its country has more than one zone.
    public static func zone(for phone: String) -> (zone: String, code: String)? {
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        let international: Substring
        if trimmed.hasPrefix("+") {
            international = trimmed.dropFirst()
        } else if trimmed.hasPrefix("00") {
            international = trimmed.dropFirst(2)
        } else {
            return nil
        }
        let digits = String(international.filter(\.isASCII).filter(\.isNumber).prefix(3))
        for length in 1...3 where digits.count >= length {
            let code = String(digits.prefix(length))
            if let zone = table[code], TimeZone(identifier: zone) != nil { return (zone, "+" + code) }
        }
        return nil
    }
}

extension Prospect {
    /// Gives an unknown time zone the one `phone`'s calling code implies, marked as
    /// inferred; a zone someone gave is never replaced.
    public mutating func inferTimeZoneFromPhone() {
        guard timeZone == nil, let inferred = CallingCodeZone.zone(for: phone) else { return }
        timeZone = inferred.zone
        timeZoneInferredFrom = inferred.code
    }
}
