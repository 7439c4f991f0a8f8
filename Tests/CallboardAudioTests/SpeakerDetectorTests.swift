import CallboardAudio
import CallboardCore
import Foundation
import Testing

@Suite struct SpeakerDetectorTests {
    @Test func aSyntheticTwoVoiceCallIsLabelledRightNineTimesInTen() {
        let call = SyntheticCall.standard
        for leak in [-35.0, -15.0] {
            let audio = call.render(leak: leak)
            let found = detect(mic: audio.mic, line: audio.line)
            let score = DetectionScore(found: found.timeline, truth: call.truth)
            print(
                "synthetic call, leak \(Int(leak)) dB: \(String(format: "%.1f", score.accuracy * 100)) % right, "
                    + "\(score.extraSwitches) extra switches")
            #expect(score.accuracy >= 0.9, "leak \(leak) dB: \(found.timeline.segments)")
            #expect(score.extraSwitches <= 1, "leak \(leak) dB: \(found.timeline.segments)")
            #expect(found.warnings.isEmpty)
        }
    }

    @Test func theProspectLeakingIntoTheMicIsNotMe() {
        let call = SyntheticCall(lines: [.init(speaker: .prospect, start: 0.5, end: 20)], length: 21)
        let audio = call.render(leak: -15)
        let found = detect(mic: audio.mic, line: audio.line)
        let me = found.timeline.segments.filter { $0.speaker == .me }.reduce(0) { $0 + $1.duration }
        #expect(me == 0, "\(found.timeline.segments)")
        let prospect = found.timeline.segments.filter { $0.speaker == .prospect }.reduce(0) { $0 + $1.duration }
        #expect(prospect > 18.5)
    }

    @Test func aShortMmHmmDoesNotTakeTheFloor() {
        let call = SyntheticCall(
            lines: [
                .init(speaker: .me, start: 0.5, end: 12),
                .init(speaker: .prospect, start: 4, end: 4.5, isBackchannel: true),
                .init(speaker: .prospect, start: 8, end: 8.4, isBackchannel: true),
            ], length: 13)
        let audio = call.render(leak: -35)
        let found = detect(mic: audio.mic, line: audio.line)
        #expect(found.timeline.segments.map(\.speaker) == [.silence, .me, .silence], "\(found.timeline.segments)")
    }

    @Test func aPauseInsideATurnDoesNotSplitIt() {
        let call = SyntheticCall(
            lines: [.init(speaker: .prospect, start: 0.5, end: 4), .init(speaker: .prospect, start: 4.7, end: 9)],
            length: 10)
        let audio = call.render(leak: -35)
        let found = detect(mic: audio.mic, line: audio.line)
        #expect(found.timeline.segments.map(\.speaker) == [.silence, .prospect, .silence], "\(found.timeline.segments)")
    }

    @Test func silenceIsFoundAndTheTurnEndsWhereTheVoiceStopped() throws {
        let call = SyntheticCall(
            lines: [.init(speaker: .me, start: 0.5, end: 5), .init(speaker: .prospect, start: 8, end: 12)], length: 13)
        let audio = call.render(leak: -35)
        let found = detect(mic: audio.mic, line: audio.line)
        let segments = found.timeline.segments
        #expect(segments.map(\.speaker) == [.silence, .me, .silence, .prospect, .silence], "\(segments)")
        let pause = try #require(segments.first { $0.speaker == .silence && $0.start > 1 })
        // Dated at onset and trimmed of the hangover: within a syllable's fade of the script.
        #expect(abs(pause.start - 5) < 0.15, "\(pause)")
        #expect(abs(pause.end - 8) < 0.1, "\(pause)")
    }

    @Test func talkingOverTheHolderTakesTheFloorOnlyWhenItLasts() {
        let call = SyntheticCall(
            lines: [
                .init(speaker: .prospect, start: 0.5, end: 8),
                .init(speaker: .me, start: 6, end: 12),
            ], length: 13)
        let audio = call.render(leak: -35)
        let found = detect(mic: audio.mic, line: audio.line)
        let segments = found.timeline.segments
        #expect(segments.map(\.speaker) == [.silence, .prospect, .me, .silence], "\(segments)")
        if segments.count == 4 { #expect(abs(segments[2].start - 6) < 0.15, "\(segments)") }
    }

    @Test func withoutAHeadsetItSaysSo() {
        let call = SyntheticCall(
            lines: [.init(speaker: .prospect, start: 0.5, end: 8), .init(speaker: .me, start: 9, end: 14)], length: 15)
        let audio = call.render(leak: -4)
        #expect(detect(mic: audio.mic, line: audio.line).warnings == [SpeakerDetector.noHeadsetWarning])
        let headset = call.render(leak: -35)
        #expect(detect(mic: headset.mic, line: headset.line).warnings.isEmpty)
    }

    @Test func withoutALineOnlyMeIsFound() {
        let call = SyntheticCall.standard
        let audio = call.render(leak: -35)
        let found = detect(mic: audio.mic, line: nil)
        #expect(!found.timeline.segments.contains { $0.speaker == .prospect })
        let score = DetectionScore(found: found.timeline, truth: call.truth, meOnly: true)
        #expect(score.accuracy >= 0.9, "\(score.accuracy)")
    }

    @Test func theSameAudioGivesTheSameChangesHoweverItIsCut() {
        let call = SyntheticCall.standard
        let audio = call.render(leak: -20)
        // Instants to the microsecond: how a frame is cut changes the last bits of a sum.
        func rounded(_ changes: [SpeakerChange]) -> [String] {
            changes.map { "\($0.speaker) \(String(format: "%.6f", $0.at.seconds))" }
        }
        let whole = rounded(detect(mic: audio.mic, line: audio.line).changes)
        #expect(whole.count > 10)
        #expect(rounded(detect(mic: audio.mic, line: audio.line).changes) == whole)
        #expect(rounded(detect(mic: audio.mic, line: audio.line, chunk: 111).changes) == whole)
        #expect(rounded(detect(mic: audio.mic, line: audio.line, chunk: 4096).changes) == whole)
    }

    @Test func changesArriveWithinASecondOrSoOfTheirOnset() {
        let call = SyntheticCall(
            lines: [.init(speaker: .me, start: 0.5, end: 5), .init(speaker: .prospect, start: 6, end: 12)], length: 13)
        let audio = call.render(leak: -35)
        var detector = SpeakerDetector()
        var arrivals: [(change: SpeakerChange, heardAt: Double)] = []
        var offset = 0
        while offset < audio.mic.count {
            let end = min(audio.mic.count, offset + 320)
            let frame = AudioFrame(
                sampleRate: 16000, start: MonotonicInstant(seconds: Double(offset) / 16000),
                mic: Array(audio.mic[offset..<end]), line: Array(audio.line[offset..<end]))
            for change in detector.listen(to: frame) { arrivals.append((change, Double(end) / 16000)) }
            offset = end
        }
        let prospect = arrivals.first { $0.change.speaker == .prospect }
        #expect(prospect != nil)
        if let prospect {
            #expect(abs(prospect.change.at.seconds - 6) < 0.1)
            #expect(prospect.heardAt - prospect.change.at.seconds <= 1.1)
        }
    }
}
