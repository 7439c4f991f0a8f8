import CallboardAudio
import CallboardCore
import Foundation

/// P8: hands-free. Detection as it runs live (20 ms frames of two 16 kHz channels, the
/// level meters included), as a share of one core; and `callboard listen` on recordings,
/// as a multiple of real time.
struct HandsFreeBenchmarks {
    let binary: URL
    let runs: Int
    static let rate = 16000
    static let seconds = 120.0

    /// Two minutes of a made-up call: syllables at two pitches taking turns, the line
    /// leaking into the microphone at -35 dB, and a little noise on both.
    static func call() -> (mic: [Float], line: [Float]) {
        let count = Int(seconds) * rate
        var mic = [Float](repeating: 0, count: count)
        var line = [Float](repeating: 0, count: count)
        var seed: UInt64 = 7
        func noise() -> Float {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: seed >> 11) % 2000) / 2_000_000
        }
        for i in 0..<count {
            let t = Double(i) / Double(rate)
            let turn = Int(t / 6) % 2  // six-second turns
            let syllable = t.truncatingRemainder(dividingBy: 0.3) < 0.2
            let voice = syllable ? Float(0.2 * sin(2 * .pi * (turn == 0 ? 140 : 220) * t)) : 0
            if turn == 0 {
                mic[i] = voice + noise()
                line[i] = noise()
            } else {
                line[i] = voice + noise()
                mic[i] = 0.0178 * line[i] + noise()
            }
        }
        return (mic, line)
    }

    /// Share of one core the detector needs live: its CPU time over the audio's length.
    func detectionShare() -> [Double] {
        let (mic, line) = Self.call()
        let frame = Self.rate / 50
        var shares: [Double] = []
        for _ in 0..<runs {
            var detector = SpeakerDetector()
            var levels = InputLevelWatch()
            var changes = 0
            let elapsed = Stats.time {
                var offset = 0
                while offset + frame <= mic.count {
                    let audio = AudioFrame(
                        sampleRate: Self.rate, start: MonotonicInstant(seconds: Double(offset) / Double(Self.rate)),
                        mic: Array(mic[offset..<offset + frame]), line: Array(line[offset..<offset + frame]))
                    changes += detector.listen(to: audio).count
                    if levels.add(audio) != nil { changes += 0 }
                    offset += frame
                }
                changes += detector.finish().count
            }
            precondition(changes > 10, "the benchmark call should have turns")
            shares.append(elapsed / Self.seconds * 100)
        }
        return shares
    }

    /// How many times faster than real time `callboard listen` reads the two recordings,
    /// the process's start included.
    func listenSpeed(in folder: URL) throws -> [Double] {
        let (mic, line) = Self.call()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let micPath = folder.appendingPathComponent("bench-mic.wav")
        let linePath = folder.appendingPathComponent("bench-line.wav")
        try Self.wav(mic).write(to: micPath)
        try Self.wav(line).write(to: linePath)
        defer {
            try? FileManager.default.removeItem(at: micPath)
            try? FileManager.default.removeItem(at: linePath)
        }
        var speeds: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["listen", "--mic", micPath.path, "--line", linePath.path, "--format", "json"]
            process.standardOutput = FileHandle.nullDevice
            let elapsed = try Stats.time {
                try process.run()
                process.waitUntilExit()
            }
            guard process.terminationStatus == 0 else {
                throw PseudoTerminal.Failure(description: "callboard listen exited \(process.terminationStatus)")
            }
            speeds.append(Self.seconds / elapsed)
        }
        return speeds
    }

    /// 16-bit PCM mono WAV.
    static func wav(_ samples: [Float]) -> Data {
        var data = Data()
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func put16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8))
        put32(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        put32(16)
        put16(1)
        put16(1)
        put32(UInt32(rate))
        put32(UInt32(rate * 2))
        put16(2)
        put16(16)
        data.append(contentsOf: Array("data".utf8))
        put32(UInt32(samples.count * 2))
        for s in samples { put16(UInt16(bitPattern: Int16(max(-1, min(1, s)) * 32767))) }
        return data
    }
}
