import Foundation

/// Writes test recordings: 16-bit PCM WAV, or any header a test needs to see refused.
enum WAVWriter {
    static func data(_ samples: [Float], rate: Int, channels: Int = 1, bits: Int = 16, format: Int = 1) -> Data {
        var d = Data()
        func word(_ v: Int) { d.append(contentsOf: [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)]) }
        func long(_ v: Int) { word(v & 0xffff); word((v >> 16) & 0xffff) }
        let bytes = samples.count * 2
        d.append(contentsOf: Array("RIFF".utf8)); long(36 + bytes); d.append(contentsOf: Array("WAVE".utf8))
        d.append(contentsOf: Array("fmt ".utf8)); long(16); word(format); word(channels); long(rate)
        long(rate * channels * bits / 8); word(channels * bits / 8); word(bits)
        d.append(contentsOf: Array("data".utf8)); long(bytes)
        for s in samples {
            let v = Int16(max(-32768, min(32767, (Double(s) * 32768).rounded())))
            word(Int(UInt16(bitPattern: v)))
        }
        return d
    }

    static func write(_ samples: [Float], rate: Int, to path: String, channels: Int = 1, bits: Int = 16, format: Int = 1) throws {
        try data(samples, rate: rate, channels: channels, bits: bits, format: format)
            .write(to: URL(fileURLWithPath: path))
    }
}

/// A fresh folder for a test's files, removed when it ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-audio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}
