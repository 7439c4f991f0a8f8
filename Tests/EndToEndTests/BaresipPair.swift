import CallboardRuntime
import Foundation

/// Two baresip softphones on 127.0.0.1, each with its own config folder, for the dialer
/// tests: the "seller" one callboard drives over ctrl_tcp, and the "prospect" one that
/// rings and is answered or hung up by the test (over its own ctrl_tcp), playing a
/// spoken WAV through baresip's file audio module. Null audio devices (ALSA's `null`).
/// Nothing leaves the machine: both listen on 127.0.0.1 only, and the seller's account
/// completes numbers with the prospect's address. Both stop when the pair goes.
final class BaresipPair {
    let root: URL
    let sellerControl: UInt16
    let prospectControl: UInt16
    private var sessions: [TmuxSession] = []
    /// The prospect's account that rings until the test answers.
    static let ringingNumber = "+15550002"

    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/baresip" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init() throws {
        guard let baresip = Self.executable else {
            throw TmuxSession.Failure(description: "baresip is not installed (apt-get install baresip-core)")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-baresip-\(UUID().uuidString)")
        // Ports of their own, so parallel runs never meet; baresip also takes the SIP port + 1.
        let base = UInt16.random(in: 20_000...50_000) / 10 * 10
        sellerControl = base
        prospectControl = base + 1
        let (sellerSIP, prospectSIP) = (base + 2, base + 6)
        let wav = root.appendingPathComponent("voice.wav")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Self.makeVoice(at: wav)
        let modules = ["g711.so", "aufile.so", "alsa.so"]
        func config(sip: UInt16, control: UInt16) -> String {
            ([
                "poll_method poll", "sip_listen 127.0.0.1:\(sip)", "sip_transports udp", "net_interface 127.0.0.1",
                "module_path /usr/lib/baresip/modules",
            ] + modules.map { "module \($0)" } + [
                "module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:\(control)", "audio_player alsa,null", "audio_alert alsa,null",
                "audio_source aufile,\(wav.path)",
            ]).joined(separator: "\n") + "\n"
        }
        let seller = root.appendingPathComponent("seller")
        let prospect = root.appendingPathComponent("prospect")
        for folder in [seller, prospect] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try config(sip: sellerSIP, control: sellerControl).write(
            to: seller.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        // Numbers without a domain go to the prospect's phone, on this machine.
        try "<sip:seller@127.0.0.1:\(prospectSIP)>;regint=0\n".write(
            to: seller.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
        try config(sip: prospectSIP, control: prospectControl).write(
            to: prospect.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "<sip:\(Self.ringingNumber)@127.0.0.1>;regint=0;answermode=manual\n".write(
            to: prospect.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
        for folder in [prospect, seller] {
            sessions.append(try TmuxSession(arguments: [baresip, "-f", folder.path], environment: [:], width: 100, height: 30))
        }
        for port in [sellerControl, prospectControl] { try Self.waitForListener(port: port) }
    }

    deinit {
        sessions.removeAll()  // kills each tmux server, and the baresip in it
        try? FileManager.default.removeItem(at: root)
    }

    /// Tells the prospect's phone to do `command` ("accept", "hangup").
    func prospect(_ command: String) throws {
        let link = BaresipLink(host: "127.0.0.1", port: prospectControl, inbox: EventQueue())
        defer { link.close() }
        try link.command(command)
        Thread.sleep(forTimeInterval: 0.1)
    }

    private static func waitForListener(port: UInt16) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let link = BaresipLink(host: "127.0.0.1", port: port, inbox: EventQueue())
            defer { link.close() }
            if (try? link.connect()) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxSession.Failure(description: "baresip did not listen on 127.0.0.1:\(port) within 10 s")
    }

    /// A short spoken sentence as 8 kHz mono 16-bit WAV, the only kind baresip's aufile
    /// reads: espeak-ng's voice (22.05 kHz) taken down to 8 kHz, or a tone without it.
    private static func makeVoice(at url: URL) throws {
        let spoken = url.deletingLastPathComponent().appendingPathComponent("spoken.wav")
        var samples: [Int16] = []
        var rate = 8000
        if (try? Spawn.run("/usr/bin/espeak-ng", ["-w", spoken.path, "Hello, this is the prospect. Tell me more."]))?.status == 0,
            let data = try? Data(contentsOf: spoken), let found = pcm(data)
        {
            (samples, rate) = found
        } else {
            samples = (0..<16000).map { Int16(8000 * sin(Double($0) * 2 * .pi * 440 / 8000)) }
        }
        let count = samples.count * 8000 / rate
        let down = (0..<count).map { samples[min(samples.count - 1, $0 * rate / 8000)] }
        try wav(down).write(to: url)
    }

    /// The samples and rate of a mono 16-bit PCM WAV.
    private static func pcm(_ data: Data) -> ([Int16], Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 44 else { return nil }
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        let rate = u32(24)
        var at = 12
        while at + 8 <= bytes.count {
            let size = u32(at + 4)
            if bytes[at..<(at + 4)].elementsEqual("data".utf8) {
                let end = min(bytes.count, at + 8 + size)
                let samples = stride(from: at + 8, to: end - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
                return (samples, rate)
            }
            at += 8 + size
        }
        return nil
    }

    private static func wav(_ samples: [Int16]) -> Data {
        var data = Data()
        func append(_ value: Int, _ width: Int) { for i in 0..<width { data.append(UInt8((value >> (8 * i)) & 0xFF)) } }
        data.append(contentsOf: "RIFF".utf8)
        append(36 + samples.count * 2, 4)
        data.append(contentsOf: "WAVEfmt ".utf8)
        append(16, 4); append(1, 2); append(1, 2); append(8000, 4); append(16000, 4); append(2, 2); append(16, 2)
        data.append(contentsOf: "data".utf8)
        append(samples.count * 2, 4)
        for sample in samples { append(Int(UInt16(bitPattern: sample)), 2) }
        return data
    }
}
