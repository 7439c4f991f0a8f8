import CallboardAudio
import Foundation

/// Where audio frames come from: a pair of WAV files, or the live headset.
public protocol AudioSource {
    /// The next frame, or nil when the audio has ended.
    mutating func nextFrame() throws(AudioSourceError) -> AudioFrame?
}

/// Why audio could not be had, in a sentence for the seller.
public enum AudioSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notWAV(file: String)
    case unsupported(file: String, reason: String)
    case rateMismatch(mic: Int, line: Int)
    case noPulseAudio(reason: String)
    case pulseAudio(device: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file) cannot be read: \(reason)."
        case .notWAV(let file):
            return "\(file) is not a WAV file (it does not start with RIFF…WAVE)."
        case .unsupported(let file, let reason):
            return "\(file) is \(reason); callboard reads 16-bit PCM mono WAV at 8, 16, 44.1 or 48 kHz "
                + "(e.g. `sox in.wav -b 16 -c 1 -r 16000 out.wav`)."
        case .rateMismatch(let mic, let line):
            return "The mic recording is at \(mic) Hz and the line at \(line) Hz; both must have the same rate."
        case .noPulseAudio(let reason):
            return "Hands-free needs PulseAudio or PipeWire (libpulse-simple.so.0), which this machine lacks "
                + "(\(reason)); the talk keys work as always. On Debian or Ubuntu: sudo apt-get install libpulse0."
        case .pulseAudio(let device, let reason):
            return "The audio device \(device) could not be opened: \(reason). "
                + "`pactl list short sources` lists the sources and sink monitors."
        }
    }
}
