import CallboardUI
import Foundation

/// The JSON baresip's `ctrl_tcp` module speaks: commands out, responses and events in.
///
/// A command is `{"command": "dial", "params": "...", "token": "..."}`; the answer is
/// `{"response": true, "ok": ..., "data": "...", "token": "..."}`; events are
/// `{"event": true, "class": "call", "type": "CALL_ESTABLISHED", "param": "...", ...}`.
public enum BaresipMessage: Hashable, Sendable {
    /// What the phone says about a call it placed.
    case phone(PhoneEvent)
    /// A command it could not carry out, by its token, in its own words.
    case refused(token: String, reason: String)
    /// Anything else (registrations, RTCP reports, incoming calls, answers that went well).
    case other

    /// A command as ctrl_tcp takes it (before framing).
    public static func command(_ name: String, params: String? = nil, token: String) -> Data {
        var object: [String: String] = ["command": name, "token": token]
        if let params { object["params"] = params }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// Reads one message of the phone's. Text that is not a JSON object is `.other`.
    public static func read(_ payload: Data) -> BaresipMessage {
        guard let object = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any] else { return .other }
        if object["response"] != nil {
            guard (object["ok"] as? Bool) == false else { return .other }
            let token = object["token"] as? String ?? ""
            let data = (object["data"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return .refused(token: token, reason: data.isEmpty ? "baresip refused the command" : data)
        }
        guard object["event"] != nil, (object["class"] as? String) == "call",
            // Calls placed by someone else to the seller are not callboard's.
            (object["direction"] as? String).map({ $0 == "outgoing" }) ?? true
        else { return .other }
        let param = object["param"] as? String ?? ""
        switch object["type"] as? String {
        case "CALL_RINGING", "CALL_PROGRESS": return .phone(.ringing)
        case "CALL_ESTABLISHED": return .phone(.answered)
        case "CALL_CLOSED": return .phone(.ended(reason: param))
        default: return .other
        }
    }
}
