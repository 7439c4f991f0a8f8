import Foundation

/// Netstrings (`12:hello world!,`): how baresip's `ctrl_tcp` frames each JSON message on
/// its TCP stream.
public enum Netstring {
    /// The longest frame taken from the phone; anything longer is a broken stream.
    public static let maximumLength = 1 << 20

    public enum Problem: Error, Hashable, Sendable {
        /// The stream does not hold a netstring where one should start.
        case malformed
        case tooLong(Int)
    }

    /// `payload` framed for sending.
    public static func frame(_ payload: Data) -> Data {
        Data("\(payload.count):".utf8) + payload + Data(",".utf8)
    }

    /// Takes every complete frame off the front of `buffer`, leaving a partial one there
    /// for the next read.
    public static func take(from buffer: inout Data) throws(Problem) -> [Data] {
        var frames: [Data] = []
        var bytes = [UInt8](buffer)
        var start = 0
        while start < bytes.count {
            var index = start
            var length = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                length = length * 10 + digit
                guard length <= maximumLength else { throw .tooLong(length) }
                index += 1
            }
            guard index < bytes.count else { break }  // the length is still arriving
            guard index > start, bytes[index] == UInt8(ascii: ":") else { throw .malformed }
            let end = index + 1 + length
            guard end < bytes.count else { break }  // the payload is still arriving
            guard bytes[end] == UInt8(ascii: ",") else { throw .malformed }
            frames.append(Data(bytes[(index + 1)..<end]))
            start = end + 1
        }
        bytes.removeFirst(start)
        buffer = Data(bytes)
        return frames
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (48...57).contains(byte) ? Int(byte - 48) : nil
    }
}
