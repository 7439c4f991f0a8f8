import CallboardCore
import Foundation

/// A finished call as the after-call command receives it on standard input: one JSON
/// object with the keys of a call in `callboard review --format json`, plus the
/// prospect's ids and contact details and the outcome's label for a CRM.
public enum HandOffJSON {
    /// `outcomes` give the outcome's CRM label, as configured.
    public static func document(call: Call, prospect: Prospect, zone: TimeZone, outcomes: Outcomes) -> String {
        let reviewed = ReviewedCall(figures: CallSummary(call: call), prospect: ProspectLabel(prospect))
        guard case .object(var fields) = ReviewJSON.call(reviewed, zone: zone) else { return "{}\n" }
        fields.append(("prospect_ids", .object([("callboard", .string(prospect.id.rawValue))])))
        fields.append(("phone", .string(prospect.phone)))
        fields.append(("email", .string(prospect.email)))
        fields.append(("crm_label", call.outcome.map { .string(outcomes.rule(for: $0).crmLabel) } ?? .null))
        return JSONText.render(.object(fields)) + "\n"
    }
}
