import ArgumentParser
import CallboardAudio
import CallboardAudioSources
import CallboardCore
import CallboardRuntime
import Foundation

/// `callboard audio`: the headset, before hands-free is switched on.
struct AudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio",
        abstract: "List the audio devices hands-free can listen to, and test the headset.",
        discussion: "See docs/hands-free.md. Nothing heard is written anywhere.",
        subcommands: [AudioSourcesCommand.self, AudioTestCommand.self])
}

/// `callboard audio sources`
struct AudioSourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List microphones and sink monitors (the call audio), the defaults marked with *.",
        discussion: """
            Name one in the configuration as handsFreeMic or handsFreeLine; empty keys use \
            the marked defaults.
            """)

    func run() throws {
        try Failure.reported {
            let environment = RuntimeEnvironment()
            let devices: [AudioDevice]
            do throws(AudioDevices.Unavailable) {
                devices = try AudioDevices.list(
                    searchPath: environment.variables["PATH"] ?? "/usr/bin:/bin", environment: environment.variables)
            } catch {
                throw Failure.unavailable(error.description)
            }
            try Output.write(Self.text(devices))
        }
    }

    static func text(_ devices: [AudioDevice]) -> String {
        var lines: [String] = []
        func section(_ title: String, _ list: [AudioDevice], none: String) {
            lines.append(title)
            if list.isEmpty { lines.append("  " + none) }
            for device in list { lines.append((device.isDefault ? "* " : "  ") + device.name) }
        }
        section(
            "Microphones (handsFreeMic):", devices.filter { !$0.isMonitor },
            none: "none: plug in a headset, or check the sound settings")
        section(
            "Call audio, the monitor of the sink your softphone plays to (handsFreeLine):",
            devices.filter(\.isMonitor), none: "none")
        lines.append("* the default, used when the key is empty")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `callboard audio test`
struct AudioTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Listen to the headset for a few seconds and say whether hands-free can tell you apart.",
        discussion: """
            Speak for a few seconds, then play something on the device your softphone uses \
            (a video, a test call). callboard reports each input's levels and how much of the \
            call audio reaches your microphone. Uses handsFreeMic and handsFreeLine from the \
            configuration. Nothing heard is written anywhere.
            """)

    @Option(help: "How long to listen, in seconds.")
    var seconds: Double = 10

    func validate() throws {
        guard seconds >= 1, seconds <= 600 else { throw ValidationError("--seconds must be between 1 and 600.") }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: nil)
            let line = context.configuration.handsFreeLine ?? PulseCapture.defaultLine
            let lineDevice = line.lowercased() == "off" ? nil : line
            var check = AudioCheck()
            do throws(AudioSourceError) {
                let capture = try PulseCapture(mic: context.configuration.handsFreeMic, line: lineDevice, clock: SystemClock())
                Output.note(
                    "Listening for \(Int(seconds)) s: speak for a few seconds, then play something on the call's output.")
                let frames = Int((seconds / SpeakerDetector.frameSeconds).rounded())
                for _ in 0..<frames {
                    guard let frame = try capture.nextFrame() else { break }
                    check.add(frame)
                }
            } catch {
                throw Failure.unavailable(error.description)
            }
            let report = check.report()
            try Output.write(Self.text(report, mic: context.configuration.handsFreeMic ?? "the default microphone", line: lineDevice))
            if report.warnings.contains(SpeakerDetector.noHeadsetWarning) { throw ExitCode(1) }
        }
    }

    static func text(_ report: AudioCheck.Report, mic: String, line: String?) -> String {
        func decibels(_ value: Double) -> String { String(format: "%.0f dB", value) }
        func describe(_ input: AudioCheck.Input) -> String {
            let sound = input.soundLevel.map { "sound \(decibels($0)) for " + String(format: "%.1f s", input.soundSeconds) }
                ?? "no sound"
            return "\(sound), quiet \(decibels(input.quietLevel))"
        }
        var lines = ["Microphone (\(mic)): " + describe(report.mic)]
        if let lineInput = report.line {
            lines.append("Call audio (\(line ?? "")): " + describe(lineInput))
            if let leak = report.leak {
                lines.append(
                    "Leak of the call audio into the microphone: \(decibels(leak)) "
                        + "(a closed headset about -35 dB, earbuds about -15 dB, speakers above -10 dB)")
            } else {
                lines.append("Leak: not measured (play something on the call's output for a few seconds)")
            }
        } else {
            lines.append("Call audio: off (handsFreeLine is \"off\"): only me / not me can be told")
        }
        for warning in report.warnings { lines.append("Warning: " + warning) }
        if report.warnings.isEmpty { lines.append("Hands-free can tell you apart with this headset.") }
        return lines.map(AudioDevices.cleanForTerminal).joined(separator: "\n") + "\n"
    }
}
