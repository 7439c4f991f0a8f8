import CallboardAudio
import CallboardCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// PulseAudio's simple API, found at run time so that building callboard needs nothing
/// and a machine without it only lacks hands-free mode. PipeWire serves it too.
final class PulseSimple: @unchecked Sendable {
    typealias New = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafeRawPointer?, UnsafeRawPointer?, UnsafeRawPointer?, UnsafeMutablePointer<Int32>?
    ) -> OpaquePointer?
    typealias Read = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int32>?) -> Int32
    typealias Free = @convention(c) (OpaquePointer?) -> Void
    typealias StrError = @convention(c) (Int32) -> UnsafePointer<CChar>?

    static let libraryName = "libpulse-simple.so.0"
    /// `PA_STREAM_RECORD`, `PA_SAMPLE_S16LE`.
    static let record: Int32 = 2
    static let s16le: Int32 = 3

    /// `pa_sample_spec` and `pa_buffer_attr`, laid out as in `pulse/sample.h` and `def.h`.
    struct SampleSpec {
        var format: Int32
        var rate: UInt32
        var channels: UInt8
    }
    struct BufferAttributes {
        var maxLength: UInt32
        var targetLength: UInt32
        var prebuffer: UInt32
        var minimumRequest: UInt32
        var fragmentSize: UInt32
    }

    let new: New
    let read: Read
    let free: Free
    let strerror: StrError?

    private init(new: New, read: Read, free: Free, strerror: StrError?) {
        self.new = new
        self.read = read
        self.free = free
        self.strerror = strerror
    }

    /// The library, loaded once; the handle stays open for the life of the program.
    static func load(name: String = libraryName) throws(AudioSourceError) -> PulseSimple {
        guard let handle = dlopen(name, RTLD_NOW) else {
            let reason = dlerror().map { String(cString: $0) } ?? "\(name) not found"
            throw .noPulseAudio(reason: reason)
        }
        guard let new = dlsym(handle, "pa_simple_new"), let read = dlsym(handle, "pa_simple_read"),
            let free = dlsym(handle, "pa_simple_free")
        else {
            throw .noPulseAudio(reason: "\(name) lacks pa_simple_new, pa_simple_read or pa_simple_free")
        }
        // pa_strerror lives in libpulse, which libpulse-simple loads; dlsym searches it too.
        let strerror = dlsym(handle, "pa_strerror").map { unsafeBitCast($0, to: StrError.self) }
        return PulseSimple(
            new: unsafeBitCast(new, to: New.self), read: unsafeBitCast(read, to: Read.self),
            free: unsafeBitCast(free, to: Free.self), strerror: strerror)
    }

    func describe(_ error: Int32) -> String {
        strerror?(error).map { String(cString: $0) } ?? "PulseAudio error \(error)"
    }
}

/// One PulseAudio record stream: 16-bit mono at 16 kHz, read a frame at a time.
final class PulseStream {
    let device: String
    private let library: PulseSimple
    private let stream: OpaquePointer

    init(library: PulseSimple, device: String?, name: String, sampleRate: Int, frameBytes: Int) throws(AudioSourceError) {
        self.library = library
        self.device = device ?? "the default microphone"
        var spec = PulseSimple.SampleSpec(format: PulseSimple.s16le, rate: UInt32(sampleRate), channels: 1)
        // A fragment of one frame keeps the latency at 20 ms instead of PulseAudio's 2 s.
        let unset = UInt32.max
        var attributes = PulseSimple.BufferAttributes(
            maxLength: unset, targetLength: unset, prebuffer: unset, minimumRequest: unset, fragmentSize: UInt32(frameBytes))
        var error: Int32 = 0
        let opened = withUnsafePointer(to: &spec) { spec in
            withUnsafePointer(to: &attributes) { attributes in
                library.new(nil, "callboard", PulseSimple.record, device, name, spec, nil, attributes, &error)
            }
        }
        guard let opened else { throw .pulseAudio(device: self.device, reason: library.describe(error)) }
        stream = opened
    }

    deinit { library.free(stream) }

    /// Blocks until `count` samples arrived.
    func read(_ count: Int) throws(AudioSourceError) -> [Float] {
        var raw = [Int16](repeating: 0, count: count)
        var error: Int32 = 0
        let status = raw.withUnsafeMutableBytes { library.read(stream, $0.baseAddress, $0.count, &error) }
        guard status >= 0 else { throw .pulseAudio(device: device, reason: library.describe(error)) }
        return raw.map { Float($0) / 32768 }
    }
}

/// The headset, live: the microphone (a source) and the line (the monitor of the sink the
/// softphone plays to). Nothing captured is kept past the frame being analysed.
public final class PulseCapture: AudioSource {
    public static let sampleRate = 16000
    /// PulseAudio's name for the monitor of the default sink: what the seller hears.
    public static let defaultLine = "@DEFAULT_MONITOR@"

    private let mic: PulseStream
    private let line: PulseStream?
    private let clock: any MonotonicClock
    private let frameSamples = Int(Double(PulseCapture.sampleRate) * SpeakerDetector.frameSeconds)

    /// Opens the streams. `mic` nil is the default source; `line` nil captures the
    /// microphone only (me / not me).
    public init(mic: String?, line: String?, clock: any MonotonicClock) throws(AudioSourceError) {
        let library = try PulseSimple.load()
        let bytes = frameSamples * 2
        self.mic = try PulseStream(library: library, device: mic, name: "microphone", sampleRate: Self.sampleRate, frameBytes: bytes)
        self.line = try line.map { name throws(AudioSourceError) in
            try PulseStream(library: library, device: name, name: "call audio", sampleRate: Self.sampleRate, frameBytes: bytes)
        }
        self.clock = clock
    }

    /// Whether PulseAudio's library can be loaded here, and if not, why.
    public static func availability() -> AudioSourceError? {
        do {
            _ = try PulseSimple.load()
            return nil
        } catch {
            return error
        }
    }

    public func nextFrame() throws(AudioSourceError) -> AudioFrame? {
        let micSamples = try mic.read(frameSamples)
        let lineSamples = try line?.read(frameSamples)
        // Both reads returned once the frame's last sample arrived: it began a frame ago.
        let start = clock.now() + -SpeakerDetector.frameSeconds
        return AudioFrame(sampleRate: Self.sampleRate, start: start, mic: micSamples, line: lineSamples)
    }
}
