import CallboardCore
import CallboardUI
import Foundation
import Testing

@testable import CallboardRuntime

@Suite struct EventQueueTests {
    @Test func aPostFromAnotherThreadWakesTheWaiterAtOnce() {
        let queue = EventQueue()
        #expect(!queue.wait(timeoutMilliseconds: 0))
        let poster = Running { () -> Double in
            Thread.sleep(forTimeInterval: 0.2)
            let posted = SystemClock().now().seconds
            queue.send(.resize(width: 1, height: 2))
            return posted
        }
        // A waiter that would otherwise sleep ten seconds.
        #expect(queue.wait(timeoutMilliseconds: 10_000))
        let woke = SystemClock().now().seconds
        let posted = poster.wait(seconds: 5) ?? .infinity
        #expect(woke - posted < 0.1, "woke \(woke - posted) s after the post")
        guard case .event(.resize(1, 2))? = queue.take().first else {
            Issue.record("the posted event was not taken")
            return
        }
        // Taken: nothing wakes the next wait.
        #expect(!queue.wait(timeoutMilliseconds: 20))
    }

    @Test func eventsFromSeveralThreadsComeOutInEachThreadsOrder() {
        let queue = EventQueue()
        let posters = (0..<4).map { thread in
            Running { () -> Bool in
                for i in 0..<500 { queue.send(.resize(width: thread, height: i)) }
                return true
            }
        }
        #expect(posters.allSatisfy { $0.wait(seconds: 10) == true })
        var last = [Int](repeating: -1, count: 4)
        var count = 0
        for entry in queue.take() {
            guard case .event(.resize(let thread, let i)) = entry else { continue }
            #expect(i == last[thread] + 1)
            last[thread] = i
            count += 1
        }
        #expect(count == 2000)
    }

    @Test func closingAnswersWhoeverWaitsAndRefusesLaterPosts() {
        let queue = EventQueue()
        let answers = Answers()
        queue.send({ .tick($0) }, reply: { answers.add($0 == nil ? "nil" : "state") })
        queue.close()
        queue.send({ .tick($0) }, reply: { answers.add($0 == nil ? "nil" : "state") })
        queue.send(.resize(width: 1, height: 1))
        #expect(answers.all == ["nil", "nil"])
        #expect(queue.take().isEmpty)
    }
}

/// Strings gathered from several threads.
final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    var all: [String] { lock.withLock { values } }
    func add(_ value: String) { lock.withLock { values.append(value) } }
}
