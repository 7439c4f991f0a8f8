/// How long the loop may sleep before the screen has something new to show. Pure, so the
/// "no busy loop" promise is unit-tested.
public enum WakeSchedule {
    /// Milliseconds until the next wake.
    ///
    /// - Parameters:
    ///   - callElapsed: seconds since the live call started, nil with no call. The call's
    ///     timer shows whole seconds, so wake just past the next one.
    ///   - wallSeconds: the wall clock in seconds since 1970; with no call the only thing
    ///     that changes is the clock in the status line, so wake at the next minute.
    public static func timeoutMilliseconds(callElapsed: Double?, wallSeconds: Double) -> Int {
        if let elapsed = callElapsed {
            let untilNext = (elapsed.rounded(.down) + 1 - elapsed) * 1000
            return min(1000, max(1, Int(untilNext.rounded(.up))))
        }
        let intoMinute = wallSeconds.truncatingRemainder(dividingBy: 60)
        let untilNext = (60 - intoMinute) * 1000
        return min(60_000, max(1, Int(untilNext.rounded(.up))))
    }
}
