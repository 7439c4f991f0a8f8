import CallboardCore
import Foundation

/// The review as JSON for scripts. The keys and their meaning are a promise: new keys may
/// be added, none renamed. Seconds have one decimal, shares three.
public enum ReviewJSON {
    public static func day(_ report: DayReport, zone: TimeZone) -> String {
        JSONText.render(dayObject(report, zone: zone)) + "\n"
    }

    public static func range(_ report: RangeReport, zone: TimeZone) -> String {
        let object = JSONText.Value.object([
            ("from", .string(report.from.description)),
            ("to", .string(report.to.description)),
            ("days", .array(report.days.map { dayObject($0, zone: zone) })),
            ("totals", totals(report.totals)),
        ])
        return JSONText.render(object) + "\n"
    }

    static func dayObject(_ report: DayReport, zone: TimeZone) -> JSONText.Value {
        .object([
            ("date", .string(report.day.description)),
            ("calls", .array(report.calls.map { call($0, zone: zone) })),
            ("totals", totals(report.totals)),
            ("blocks", .array(report.blocks.map { block($0, zone: zone) })),
        ])
    }

    static func block(_ b: CallingBlockSummary, zone: TimeZone) -> JSONText.Value {
        .object([
            ("started_at", .string(ReportFormat.timestamp(b.startedAt, zone: zone))),
            ("duration_s", seconds(b.seconds)),
            ("dials", .int(b.dials)),
            ("connects", .int(b.connects)),
            ("dials_per_hour", b.dialsPerHour.map { .number($0, decimals: 1) } ?? .null),
            ("wrap_up_s", seconds(b.wrapUpSeconds)),
            ("skipped", .int(b.skipped)),
        ])
    }

    static func call(_ call: ReviewedCall, zone: TimeZone) -> JSONText.Value {
        let f = call.figures
        return .object([
            ("id", .string(f.callID.rawValue)),
            ("prospect_id", .string(f.prospectID.rawValue)),
            ("prospect", .string(call.prospect.name)),
            ("company", .string(call.prospect.company)),
            ("started_at", .string(ReportFormat.timestamp(f.startedAt, zone: zone))),
            ("duration_s", seconds(f.duration)),
            ("me_s", seconds(f.me)),
            ("prospect_s", seconds(f.prospect)),
            ("silence_s", seconds(f.silence)),
            ("me_share", share(f.myShare)),
            ("longest_monologue_s", seconds(f.longestMonologue)),
            ("referral_asked", .bool(f.referralAsk == .asked)),
            ("referral_ask", .string(snakeCase(f.referralAsk.rawValue))),
            ("referrals", .array(f.referralNames.map { .string($0) })),
            ("outcome", f.outcome.map { .string($0.reportName) } ?? .null),
            ("conversation", .bool(f.isConversation)),
            ("follow_up", f.followUp.map { .string($0.rawValue) } ?? .null),
            (
                "next_step",
                f.nextStepAt.map { .object([("at", .string(ReportFormat.timestamp($0, zone: zone))), ("zone", .string(zone.identifier))]) }
                    ?? .null
            ),
        ])
    }

    static func totals(_ s: DaySummary) -> JSONText.Value {
        .object([
            ("calls", .int(s.dials)),
            ("conversations", .int(s.conversations)),
            ("me_share", share(s.myShare)),
            ("referral_asks", .int(s.referralAsks)),
            ("referrals", .int(s.referralsGained)),
            ("follow_ups_sent", .int(s.followUpsSent)),
            ("follow_ups_pending", .int(s.followUpsPending)),
            ("follow_ups_skipped", .int(s.followUpsSkipped)),
            ("duration_s", seconds(s.callSeconds)),
            ("me_s", seconds(s.me)),
            ("prospect_s", seconds(s.prospect)),
            ("silence_s", seconds(s.silence)),
            ("calls_in_band", .int(s.callsInBand)),
            ("calls_with_share", .int(s.callsWithShare)),
            ("longest_monologue_s", seconds(s.longestMonologue)),
        ])
    }

    private static func seconds(_ value: Double) -> JSONText.Value { .number(value, decimals: 1) }

    private static func share(_ value: Double?) -> JSONText.Value {
        value.map { .number($0, decimals: 3) } ?? .null
    }

    /// "notAsked" → "not_asked"
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}

/// A small JSON writer that keeps keys in the order given, so the output reads like the
/// documented shape. Foundation's serializer can only sort them.
enum JSONText {
    indirect enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double, decimals: Int)
        case string(String)
        case array([Value])
        case object([(String, Value)])
    }

    static func render(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d, let decimals):
            // JSON has no NaN or infinity; a broken figure is unknown, not a crash.
            out += d.isFinite ? ReportFormat.fixed(d, decimals: decimals) : "null"
        case .string(let s): out += quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let pad = padding(indent + 1)
            let close = padding(indent)
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, into: &out)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let pad = padding(indent + 1)
            let close = padding(indent)
            out += "{\n"
            for (i, (key, item)) in members.enumerated() {
                out += pad + quoted(key) + ": "
                write(item, indent: indent + 1, into: &out)
                out += i < members.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        }
    }

    /// `level` steps of indentation; the first few made once, not per value.
    private static func padding(_ level: Int) -> String {
        level < paddings.count ? paddings[level] : String(repeating: "  ", count: level)
    }

    private static let paddings = (0..<8).map { String(repeating: "  ", count: $0) }

    /// Control characters (C0, DEL, C1), the bidirectional overrides and the two
    /// JavaScript line separators: valid inside a JSON string, but never raw in callboard's.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || ControlCharacters.isDropped(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// JSON from an encoder with every character of `needsEscape` written as `\uXXXX`.
    /// Outside strings JSON is ASCII, so only the insides of strings change.
    static func escapingInvisibles(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.value >= 0x7F && needsEscape($0) }) else { return data }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x7F, needsEscape(scalar) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return Data(String(out).utf8)
    }

    /// A JSON string. Control characters and the two JavaScript line separators are
    /// escaped so the output is safe to print and to embed.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
