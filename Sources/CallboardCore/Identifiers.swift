import Foundation

/// A stable identifier: opaque text, typed by what it names so a call's id can never be
/// passed where a prospect's is wanted.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
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

/// What a ``ProspectID`` names.
public enum ProspectKind {}
/// What a ``CallID`` names.
public enum CallKind {}

/// A prospect's stable identifier. Imported ids from a CRM stay as they were.
public typealias ProspectID = Identifier<ProspectKind>
/// A call's stable identifier.
public typealias CallID = Identifier<CallKind>

extension Identifier where Kind == ProspectKind {
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
