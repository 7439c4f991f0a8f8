import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A PulseAudio server of the test's own, with two null sinks, `callboard_mic` and
/// `callboard_line`, whose monitors stand for a headset's microphone and call audio.
///
/// PulseAudio refuses to run as root, so under root it runs as `nobody`. Clients reach it
/// through ``environment`` (`PULSE_SERVER`). Stopped and its folder removed by ``stop()``.
final class PrivatePulseServer {
    static let tools = ["pulseaudio", "pactl", "paplay"]
    static var missing: [String] { tools.filter { find($0) == nil } }

    let folder: String
    var environment: [String: String] { ["PULSE_SERVER": "unix:\(folder)/native"] }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("callboard-pulse-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var asUser: [String] = []
        if getuid() == 0, let nobody = getpwnam("nobody") {
            chown(folder, nobody.pointee.pw_uid, nobody.pointee.pw_gid)
            asUser = ["runuser", "-u", "nobody", "--"]
        }
        guard let pulseaudio = Self.find("pulseaudio"), let env = Self.find("env") else {
            throw Spawn.Failure(description: "pulseaudio is not installed")
        }
        let command = [
            env, "HOME=\(folder)", "XDG_RUNTIME_DIR=\(folder)", pulseaudio, "-n", "--daemonize=yes",
            "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=file:\(folder)/log",
            "-L", "module-native-protocol-unix socket=\(folder)/native auth-anonymous=1",
            "-L", "module-null-sink sink_name=callboard_mic", "-L", "module-null-sink sink_name=callboard_line",
        ]
        let all = asUser + command
        let started = try Spawn.run(asUser.isEmpty ? all[0] : (Self.find("runuser") ?? "/usr/sbin/runuser"), Array(all.dropFirst()))
        guard started.status == 0 else {
            throw Spawn.Failure(description: "pulseaudio did not start (\(started.status)): \(started.output)")
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? pactl(["info"]).status) == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw Spawn.Failure(description: "the private PulseAudio server did not answer within 10 s")
    }

    /// `pactl` against this server.
    func pactl(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run(Self.find("env") ?? "/usr/bin/env", ["PULSE_SERVER=unix:\(folder)/native", Self.find("pactl") ?? "pactl"] + arguments)
    }

    /// Starts `paplay` of `file` into `sink`; the caller waits for it.
    func play(_ file: String, into sink: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.find("paplay") ?? "/usr/bin/paplay")
        process.arguments = ["--device=\(sink)", "--latency-msec=100", file]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        try process.run()
        return process
    }

    func stop() {
        _ = try? pactl(["exit"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func find(_ tool: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
