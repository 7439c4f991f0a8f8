import Foundation

/// One serial line of work beside the loop: what is put on it runs in that order, one
/// piece at a time, on a thread of its own (started at the first piece), so no lane ever
/// waits for a shared pool another part of the process may have filled. An inline lane
/// runs each piece at once on the caller's thread, for tests that script the terminal and
/// want every answer before the next input.
///
/// A lane that keeps only the newest drops what still waits when new work arrives: for
/// work where each piece writes the whole of what it writes (the live call's checkpoint),
/// so on a slow disk the newest is written next instead of queueing behind every older one.
final class Lane: @unchecked Sendable {
    private let label: String
    private let inline: Bool
    private let keepsOnlyNewest: Bool
    // Guards everything below.
    private let condition = NSCondition()
    private var waiting: [@Sendable () -> Void] = []
    private var running = false
    private var started = false
    private var closing = false

    init(_ label: String, inline: Bool, keepsOnlyNewest: Bool = false) {
        self.label = label
        self.inline = inline
        self.keepsOnlyNewest = keepsOnlyNewest
    }

    func async(_ work: @escaping @Sendable () -> Void) {
        guard !inline else { return work() }
        condition.lock()
        defer { condition.unlock() }
        guard !closing else { return }
        if keepsOnlyNewest { waiting.removeAll() }
        waiting.append(work)
        if !started {
            started = true
            start()
        }
        condition.broadcast()
    }

    /// Waits until the lane has nothing left to do, at most `seconds` (nil: however long
    /// it takes). Whether it got there.
    @discardableResult
    func drain(within seconds: Double? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        while !waiting.isEmpty || running {
            if let deadline {
                guard condition.wait(until: deadline) else { return false }
            } else {
                condition.wait()
            }
        }
        return true
    }

    /// Takes no more work; the thread ends once what it was given is done.
    func close() {
        condition.lock()
        closing = true
        condition.broadcast()
        condition.unlock()
    }

    private func start() {
        let thread = Thread { [self] in
            LoopSignals.leaveToTheLoop()
            while let work = next() {
                work()
                condition.lock()
                running = false
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.name = "callboard.\(label)"
        thread.start()
    }

    /// The next piece, waiting for one; nil once the lane is closed and empty.
    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty {
            if closing { return nil }
            condition.wait()
        }
        running = true
        return waiting.removeFirst()
    }
}

/// The loop's lanes (see ``EffectLane``).
struct Lanes: Sendable {
    let checkpoint: Lane
    let store: Lane
    let command: Lane
    let afterCall: Lane

    init(inline: Bool) {
        // Each checkpoint replaces the whole file: only the newest waiting one counts.
        checkpoint = Lane("checkpoint", inline: inline, keepsOnlyNewest: true)
        store = Lane("store", inline: inline)
        command = Lane("command", inline: inline)
        afterCall = Lane("after-call", inline: inline)
    }

    func close() {
        for lane in [checkpoint, store, command, afterCall] { lane.close() }
    }
}
