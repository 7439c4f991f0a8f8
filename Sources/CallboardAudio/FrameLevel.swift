import Foundation

/// How loud one analysis frame is, and how often its signal crosses zero.
public struct FrameLevel: Hashable, Sendable {
    /// Mean power in dB relative to full scale; digital silence reads ``floorDB``.
    public var decibels: Double
    /// Zero crossings per sample, 0...1: about 0.5 for hiss, well under 0.3 for voiced speech.
    public var zeroCrossings: Double

    /// The quietest level reported, so silence compares as a number.
    public static let floorDB = -100.0

    public init(decibels: Double, zeroCrossings: Double) {
        self.decibels = decibels
        self.zeroCrossings = zeroCrossings
    }

    public init<C: Collection>(_ samples: C) where C.Element == Float {
        guard !samples.isEmpty else {
            self.init(decibels: Self.floorDB, zeroCrossings: 0)
            return
        }
        var power = 0.0
        var crossings = 0
        var previous: Float?
        for sample in samples {
            let x = Double(sample)
            power += x * x
            if let previous, (previous < 0) != (sample < 0) { crossings += 1 }
            previous = sample
        }
        let mean = power / Double(samples.count)
        let decibels = mean > 0 ? 10 * log10(mean) : Self.floorDB
        self.init(
            decibels: max(Self.floorDB, decibels),
            zeroCrossings: samples.count > 1 ? Double(crossings) / Double(samples.count - 1) : 0)
    }
}
