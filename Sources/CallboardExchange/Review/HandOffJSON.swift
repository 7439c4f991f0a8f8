import CallboardCore
import Foundation

/// A finished call as the after-call command receives it on standard input: one JSON
/// object with the keys of a call in `callboard review --format json`, plus the
/// prospect's ids and contact details and the outcome's label for a CRM.
public enum HandOffJSON {
    public static func document(call: Call, prospect: Prospect, zone: TimeZone) -> String {
        let reviewed = ReviewedCall(figures: CallSummary(call: call), prospect: ProspectLabel(prospect))
        guard case .object(var fields) = ReviewJSON.call(reviewed, zone: zone) else { return "{}\n" }
        fields.append(("prospect_ids", .object([("callboard", .string(prospect.id.rawValue))])))
        fields.append(("phone", .string(prospect.phone)))
        fields.append(("email", .string(prospect.email)))
        fields.append(("crm_label", call.outcome.map { .string(crmLabel($0)) } ?? .null))
        return JSONText.render(.object(fields)) + "\n"
    }

    /// The outcome as a CRM's activity log usually names it.
    public static func crmLabel(_ outcome: Outcome) -> String {
        switch outcome {
        case .noAnswer: "No Answer"
        case .voicemail: "Left Voicemail"
        case .gatekeeper: "Gatekeeper"
        case .notInterested: "Not Interested"
        case .noFit: "Not a Fit"
        case .callback: "Call Back"
        case .meetingBooked: "Meeting Booked"
        case .opportunity: "Opportunity"
        }
    }
}
