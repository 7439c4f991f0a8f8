import Foundation

/// Where baresip's ctrl_tcp listens: a numeric IPv4 address on this machine and a port,
/// "127.0.0.1:4444". The phone is driven locally; a name or a remote address is refused.
public struct BaresipAddress: Hashable, Sendable {
    public var host: String
    public var port: UInt16

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = UInt16(parts[1]), port > 0 else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }), octets.first == "127" else { return nil }
        host = String(parts[0])
        self.port = port
    }
}
