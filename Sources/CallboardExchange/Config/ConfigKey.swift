import CallboardCore
import Foundation

/// One key of the configuration file: its name, what it is for, its default, and how a
/// value is checked and applied.
public struct ConfigKey: Sendable {
    public var name: String
    public var help: String
    public var defaultText: String
    /// Checks a value and applies it; the error text says what is allowed.
    let apply: @Sendable (JSONValue, inout Configuration) -> String?

    /// Every key, in the order `callboard config` prints them.
    public static let all: [ConfigKey] = [
        text("sellerName", "your name, the From of follow-up emails", "") { $1.settings.sellerName = $0; return nil },
        text("sellerEmail", "your email address, the From of follow-up emails", "") { value, config in
            guard value.isEmpty || ContactCheck.isPlausibleEmail(value) else { return "an email address such as you@example.com" }
            config.settings.sellerEmail = value
            return nil
        },
        text("sendCommand", "command that sends a message given on stdin, e.g. \"msmtp -t\"; empty means never send", "") { value, config in
            guard value.isEmpty || (try? CommandWords.split(value))?.isEmpty == false else {
                return "a command line with balanced quotes, such as \"msmtp -t\""
            }
            config.sendCommand = value.isEmpty ? nil : value
            return nil
        },
        number(
            "commandTimeout", "seconds the send command may run before it is stopped and the email stays in the outbox",
            Configuration.defaultCommandTimeout
        ) { value, config in
            guard value > 0, value <= 3600 else { return "a number of seconds above 0 and at most 3600, e.g. 30" }
            config.commandTimeout = value
            return nil
        },
        text("theme", "theme name (dark, light, high-contrast, monochrome or your own); empty picks dark, or monochrome when NO_COLOR is set", "") { value, config in
            config.theme = value.isEmpty ? nil : value
            return nil
        },
        number("targetShare", "my share of talk at or below this is on target (0-1)", 0.43) { value, config in
            guard (0...1).contains(value) else { return "a number from 0 to 1, e.g. 0.43" }
            config.settings.targets.targetShare = value
            return nil
        },
        number("warnShare", "above this my share of talk is well off target (0-1)", 0.65) { value, config in
            guard (0...1).contains(value) else { return "a number from 0 to 1, e.g. 0.65" }
            config.settings.targets.warnShare = value
            return nil
        },
        number("monologueNudgeSeconds", "seconds of my own talk before a gentle nudge", 60) { value, config in
            guard value > 0 else { return "a number of seconds above 0" }
            config.settings.targets.monologueNudge = value
            return nil
        },
        number("monologueStrongSeconds", "seconds of my own talk before a strong nudge", 120) { value, config in
            guard value > 0 else { return "a number of seconds above 0" }
            config.settings.targets.monologueStrong = value
            return nil
        },
        whole("businessHoursStart", "first hour a prospect may be called, in their time (0-23)", 9) { value, config in
            guard (0...23).contains(value) else { return "a whole hour from 0 to 23" }
            config.settings.businessHours.start = value
            return nil
        },
        whole("businessHoursEnd", "first hour past business hours, in their time (1-24)", 17) { value, config in
            guard (1...24).contains(value) else { return "a whole hour from 1 to 24" }
            config.settings.businessHours.end = value
            return nil
        },
        whole("dailyCallGoal", "calls to make in a day", 40) { value, config in
            guard (1...1000).contains(value) else { return "a whole number from 1 to 1000" }
            config.settings.dailyCallGoal = value
            return nil
        },
        whole("retryBusinessDays", "business days to wait after no answer, voicemail or a gatekeeper", 1) { value, config in
            guard (1...60).contains(value) else { return "a whole number of business days from 1 to 60" }
            config.settings.retry.businessDays = value
            return nil
        },
        whole("retryMaxAttempts", "attempts before an unreached prospect leaves the queue", 6) { value, config in
            guard (1...100).contains(value) else { return "a whole number from 1 to 100" }
            config.settings.retry.maxAttempts = value
            return nil
        },
        number("referralReminderMinutes", "minutes of conversation before the referral reminder turns prominent", 3) { value, config in
            guard value > 0, value <= 120 else { return "a number of minutes above 0 and at most 120" }
            config.settings.referralReminderMinutes = value
            return nil
        },
        ConfigKey(
            name: "callTypes",
            help: "the call types t cycles through, each with its share band, monologue nudges, question range and story target (docs/coaching.md)",
            defaultText: "cold call, discovery, demo, follow-up"
        ) { value, config in
            switch CallTypeConfig.parse(value) {
            case .success(let types):
                config.settings.callTypes = CallTypes(types)
                return nil
            case .failure(let problem):
                return problem.allowed
            }
        },
        ConfigKey(
            name: "outcomes",
            help: "the outcomes a call can end with, in the dialog's order: each a name, its key, whether it is a conversation, what happens next (retry, callback, meeting, followUp, stayInTouch after stayInTouchDays, never) and its CRM label (docs/configuration.md)",
            defaultText: Outcome.builtIns.map(\.rawValue).joined(separator: ", ")
        ) { value, config in
            switch OutcomeConfig.parse(value) {
            case .success(let outcomes):
                config.settings.outcomes = outcomes
                return nil
            case .failure(let problem):
                return problem.allowed
            }
        },
        text("followUpTemplate", "path of your own follow-up email template; empty uses the built-in one", "") { value, config in
            config.followUpTemplatePath = value.isEmpty ? nil : value
            return nil
        },
        flag("handsFree", "mark who talks from the headset's audio (the talk keys still win); see docs/hands-free.md", false) { value, config in
            config.settings.handsFree = value
            return nil
        },
        number("handsFreeKeySeconds", "seconds after a talk key during which hands-free detection is ignored", Settings.defaultHandsFreeKeySeconds) { value, config in
            guard value >= 0, value <= 60 else { return "a number of seconds from 0 to 60" }
            config.settings.handsFreeKeySeconds = value
            return nil
        },
        text("handsFreeMic", "PulseAudio source of your microphone; empty is the default source", "") { value, config in
            config.handsFreeMic = value.isEmpty ? nil : value
            return nil
        },
        text("handsFreeLine", "PulseAudio source of the call audio, the monitor of the softphone's sink; empty is the default sink's monitor, \"off\" listens to the microphone only", "") { value, config in
            config.handsFreeLine = value.isEmpty ? nil : value
            return nil
        },
    ] + callingKeys

    /// The calling session's keys: how `Enter` dials, the calling block, the after-call command.
    static let callingKeys: [ConfigKey] = [
        text("dialer", "how Enter places a call: none (a timer only), system (a tel: link to xdg-open), command (dialCommand with the number) or baresip", "none") { value, config in
            guard let dialer = Dialer(rawValue: value.isEmpty ? "none" : value) else {
                return "one of " + Dialer.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            }
            config.settings.dialer = dialer
            return nil
        },
        text("dialCommand", "for dialer \"command\": the program to run, the number is added as its last argument (no shell)", "") { value, config in
            guard value.isEmpty || (try? CommandWords.split(value))?.isEmpty == false else {
                return "a command line with balanced quotes, such as \"my-dialer --call\""
            }
            config.dialCommand = value.isEmpty ? nil : value
            return nil
        },
        text("baresipControl", "for dialer \"baresip\": the address of its ctrl_tcp module on this machine", Configuration.defaultBaresipControl) { value, config in
            guard BaresipAddress(value) != nil else { return "a local address and port such as \"127.0.0.1:4444\"" }
            config.baresipControl = value
            return nil
        },
        number("blockCountdownSeconds", "seconds the next prospect of a calling block is shown before it is dialled", 10) { value, config in
            guard value >= 1, value <= 600 else { return "a number of seconds from 1 to 600" }
            config.settings.callingBlock.countdown = value
            return nil
        },
        flag("blockCallsOutsideHours", "whether a calling block also calls prospects outside their business hours", false) { value, config in
            config.settings.callingBlock.callsOutsideHours = value
            return nil
        },
        text("afterCallCommand", "command that takes each saved call as JSON on stdin (for your CRM); empty means none", "") { value, config in
            guard value.isEmpty || (try? CommandWords.split(value))?.isEmpty == false else {
                return "a command line with balanced quotes, such as \"crm-log --stdin\""
            }
            config.afterCallCommand = value.isEmpty ? nil : value
            return nil
        },
    ]

    static func flag(
        _ name: String, _ help: String, _ fallback: Bool,
        _ set: @escaping @Sendable (Bool, inout Configuration) -> String?
    ) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultText: String(fallback)) { value, config in
            guard case .bool(let flag) = value else { return "true or false" }
            return set(flag, &config)
        }
    }

    static func text(
        _ name: String, _ help: String, _ fallback: String,
        _ set: @escaping @Sendable (String, inout Configuration) -> String?
    ) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultText: "\"\(fallback)\"") { value, config in
            guard case .string(let text) = value else { return "text in double quotes" }
            return set(text.trimmingCharacters(in: .whitespaces), &config)
        }
    }

    static func number(
        _ name: String, _ help: String, _ fallback: Double,
        _ set: @escaping @Sendable (Double, inout Configuration) -> String?
    ) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultText: Configuration.format(fallback)) { value, config in
            guard case .number(let number) = value, number.isFinite else { return "a number" }
            return set(number, &config)
        }
    }

    static func whole(
        _ name: String, _ help: String, _ fallback: Int,
        _ set: @escaping @Sendable (Int, inout Configuration) -> String?
    ) -> ConfigKey {
        ConfigKey(name: name, help: help, defaultText: String(fallback)) { value, config in
            guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 else {
                return "a whole number"
            }
            return set(Int(number), &config)
        }
    }
}
