import ArgumentParser
import CallboardAudio
import CallboardAudioSources
import CallboardCore
import Foundation

/// `callboard listen`: the hands-free detector, offline, on recordings.
struct ListenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Detect who talks when in recordings of a call, as hands-free would live.",
        discussion: """
            The recordings are 16-bit PCM mono WAV files at 8, 16, 44.1 or 48 kHz: the \
            microphone, and the call audio played to you (the line). Without --line only \
            "me" and "not me" can be told. Nothing is written anywhere.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("The microphone recording.", valueName: "file.wav"))
    var mic: String

    @Option(help: ArgumentHelp("The recording of the call audio (what you heard).", valueName: "file.wav"))
    var line: String?

    @Option(
        help: ArgumentHelp(
            "Who really talked when, to score against: lines of START END SPEAKER (seconds; me, prospect or silence).",
            valueName: "labels.txt"))
    var truth: String?

    @Option(help: "text for reading, json for scripts.")
    var format: Format = .text

    func run() throws {
        try Failure.reported {
            let truthTimeline = try truth.map { path throws in try Self.readTruth(path) }
            var source: WAVSource
            do throws(AudioSourceError) {
                source = try WAVSource(mic: mic, line: line)
            } catch {
                switch error {
                case .unreadable: throw Failure.missingInput(error.description)
                default: throw Failure.badData(error.description)
                }
            }
            var detector = SpeakerDetector()
            var changes: [SpeakerChange] = []
            var end = MonotonicInstant(seconds: 0)
            do throws(AudioSourceError) {
                while let frame = try source.nextFrame() {
                    changes += detector.listen(to: frame)
                    end = frame.start + frame.duration
                }
            } catch {
                throw Failure.io(error.description)
            }
            changes += detector.finish()
            let timeline = SpeakerTimeline(changes: changes, from: MonotonicInstant(seconds: 0), to: end)
            let report = ListenReport(
                timeline: timeline, duration: end.seconds, warnings: detector.warnings, hasLine: line != nil,
                score: truthTimeline.map { DetectionScore(found: timeline, truth: $0, meOnly: line == nil) })
            switch format {
            case .text: try Output.write(report.text())
            case .json: try Output.write(try report.json())
            }
        }
    }

    static func readTruth(_ path: String) throws -> SpeakerTimeline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.missingInput("\(path) cannot be read.")
        }
        do {
            return try TruthLabels.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure.badData("\(path), \(error.description).")
        }
    }
}
