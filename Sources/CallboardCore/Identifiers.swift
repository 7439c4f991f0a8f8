import Foundation

/// A prospect's stable identifier. Opaque text: imported ids from a CRM stay as they were.
public struct ProspectID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A call's stable identifier.
public struct CallID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ProspectID {
    /// A new id for a prospect made in callboard ("p-3f9a0c12"): short enough to type on
    /// the command line, drawn from `random` until one is not taken. The one way new
    /// prospects get an id, whether added by hand, imported or referred.
    public static func make(using random: inout some RandomNumberGenerator, isTaken: (ProspectID) -> Bool)
        -> ProspectID
    {
        while true {
            let hex = String(UInt32.random(in: .min ... .max, using: &random), radix: 16)
            let id = ProspectID("p-" + String(repeating: "0", count: 8 - hex.count) + hex)
            if !isTaken(id) { return id }
        }
    }
}
