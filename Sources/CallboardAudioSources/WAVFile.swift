import CallboardAudio
import CallboardCore
import Foundation

/// A WAV file read a frame at a time: 16-bit PCM, mono, 8, 16, 44.1 or 48 kHz.
public final class WAVFile {
    public static let rates: Set<Int> = [8000, 16000, 44100, 48000]

    public let path: String
    public let sampleRate: Int
    /// Samples in the file.
    public let sampleCount: Int
    private let handle: FileHandle
    private var samplesRead = 0

    public init(path: String) throws(AudioSourceError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(
                file: path,
                reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
        let header = try Self.header(handle, path: path)
        sampleRate = header.rate
        sampleCount = header.samples
    }

    deinit { try? handle.close() }

    public var duration: Double { Double(sampleCount) / Double(sampleRate) }

    /// The next `count` samples (fewer at the end), in -1...1; nil when none is left.
    public func read(_ count: Int) throws(AudioSourceError) -> [Float]? {
        let wanted = min(count, sampleCount - samplesRead)
        guard wanted > 0 else { return nil }
        let data: Data
        do {
            data = try handle.read(upToCount: wanted * 2) ?? Data()
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        let got = data.count / 2
        guard got > 0 else { return nil }
        samplesRead += got
        return data.withUnsafeBytes { raw in
            (0..<got).map { i in
                let value = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))
                return Float(value) / 32768
            }
        }
    }

    private struct Header {
        var rate: Int
        var samples: Int
    }

    /// Walks the chunks up to `data`, checking `fmt ` on the way; leaves the handle at the
    /// first sample.
    private static func header(_ handle: FileHandle, path: String) throws(AudioSourceError) -> Header {
        func read(_ count: Int) throws(AudioSourceError) -> Data {
            do {
                return try handle.read(upToCount: count) ?? Data()
            } catch {
                throw .unreadable(file: path, reason: error.localizedDescription)
            }
        }
        func word(_ data: Data, _ at: Int) -> Int { Int(data[data.startIndex + at]) | Int(data[data.startIndex + at + 1]) << 8 }
        func long(_ data: Data, _ at: Int) -> Int { word(data, at) | word(data, at + 2) << 16 }

        let riff = try read(12)
        guard riff.count == 12, riff.prefix(4) == Data("RIFF".utf8), riff.suffix(4) == Data("WAVE".utf8) else {
            throw .notWAV(file: path)
        }
        var rate: Int?
        while true {
            let chunk = try read(8)
            guard chunk.count == 8 else { throw .unsupported(file: path, reason: "a WAV file without audio data") }
            let id = String(decoding: chunk.prefix(4), as: UTF8.self)
            let size = long(chunk, 4)
            if id == "data" {
                guard let rate else { throw .unsupported(file: path, reason: "a WAV file without a format chunk") }
                // A stream written before its length was known says 0 or 0xFFFFFFFF.
                let samples = size == 0 || size == 0xFFFF_FFFF ? Int.max / 4 : size / 2
                return Header(rate: rate, samples: samples)
            }
            let body = try read(size + size % 2)
            guard body.count >= size else { throw .unsupported(file: path, reason: "a truncated WAV file") }
            guard id == "fmt " else { continue }
            guard size >= 16 else { throw .unsupported(file: path, reason: "a WAV file with a short format chunk") }
            let format = word(body, 0)
            let channels = word(body, 2)
            let sampleRate = long(body, 4)
            let bits = word(body, 14)
            // WAVE_FORMAT_EXTENSIBLE names its real format in the first two bytes of the GUID.
            let pcm = format == 1 || (format == 0xFFFE && size >= 26 && word(body, 24) == 1)
            guard pcm else { throw .unsupported(file: path, reason: "compressed or floating-point audio (format \(format))") }
            guard bits == 16 else { throw .unsupported(file: path, reason: "\(bits)-bit audio") }
            guard channels == 1 else { throw .unsupported(file: path, reason: "\(channels)-channel audio") }
            guard Self.rates.contains(sampleRate) else { throw .unsupported(file: path, reason: "audio at \(sampleRate) Hz") }
            rate = sampleRate
        }
    }
}

/// A recording of the microphone and, optionally, of the line, played as frames from
/// instant 0. The shorter file is padded with silence.
public struct WAVSource: AudioSource {
    public let mic: WAVFile
    public let line: WAVFile?
    private var position = 0
    private var micEnded = false
    private var lineEnded = false

    public init(mic micPath: String, line linePath: String? = nil) throws(AudioSourceError) {
        mic = try WAVFile(path: micPath)
        if let linePath {
            let line = try WAVFile(path: linePath)
            guard line.sampleRate == mic.sampleRate else {
                throw .rateMismatch(mic: mic.sampleRate, line: line.sampleRate)
            }
            self.line = line
        } else {
            line = nil
            lineEnded = true
        }
    }

    public var sampleRate: Int { mic.sampleRate }

    public mutating func nextFrame() throws(AudioSourceError) -> AudioFrame? {
        let size = Int((Double(sampleRate) * SpeakerDetector.frameSeconds).rounded())
        var micSamples = micEnded ? nil : try mic.read(size)
        if micSamples == nil { micEnded = true }
        var lineSamples = lineEnded ? nil : try line?.read(size)
        if lineSamples == nil { lineEnded = true }
        guard !(micEnded && lineEnded) else { return nil }
        let count = max(micSamples?.count ?? 0, lineSamples?.count ?? 0)
        micSamples = Self.padded(micSamples, to: count)
        if line != nil { lineSamples = Self.padded(lineSamples, to: count) }
        let start = MonotonicInstant(seconds: Double(position) / Double(sampleRate))
        position += count
        return AudioFrame(sampleRate: sampleRate, start: start, mic: micSamples ?? [], line: lineSamples)
    }

    private static func padded(_ samples: [Float]?, to count: Int) -> [Float] {
        let samples = samples ?? []
        return samples.count >= count ? samples : samples + [Float](repeating: 0, count: count - samples.count)
    }
}
