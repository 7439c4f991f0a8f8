import CallboardCore
import Foundation

/// Choices for building sample prospects and calls.
extension SeededRandom {
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func hex(_ digits: Int) -> String {
        (0..<digits).map { _ in String(Int.random(in: 0..<16, using: &self), radix: 16) }.joined()
    }
}
