import CallboardUI

/// Where an effect is carried out. The loop itself only decides, draws and waits; what
/// may take long runs beside it and answers through the event queue.
public enum EffectLane: Hashable, Sendable {
    /// On the loop, at once; its answer is handled before the next frame. For quick work.
    case loop
    /// On the loop, with the terminal handed to another program meanwhile (the editor);
    /// the live call's checkpoint keeps its promise while the loop waits for it.
    case terminal
    /// The live call's checkpoint lane: small writes in order (a newer one takes the place
    /// of any still waiting, so a slow disk writes the newest next), never queued behind slow
    /// work. The loop routes `.checkpoint` and `.clearCheckpoint` here itself.
    case checkpoint
    /// The store's serial lane: reads and writes in the order they were asked for.
    case store
    /// Outside programs (the send command), one at a time on a lane of their own, each
    /// started once the store work asked before it is done; stopped when the program ends.
    case command
    /// Programs that take a finished call (the after-call command), on a lane of their
    /// own so a slow one holds up neither the store nor the phone; stopped when the
    /// program ends.
    case afterCall
}

/// Carries out the effects `update` asks for; the executable implements it over the store
/// and outside programs, tests with fakes.
///
/// `perform` is called on the effect's lane: effects of different lanes run at the same
/// time on different threads, those of one lane one after another.
public protocol EffectHandler: Sendable {
    /// The lane `effect` runs on. `.quit`, `.checkpoint` and `.clearCheckpoint` are the
    /// loop's own and never asked about.
    func lane(for effect: Effect) -> EffectLane
    /// Carries out `effect`, answering with the events its result makes.
    func perform(_ effect: Effect, at moment: Moment) -> [Event]
    /// What the first frame needs, read on the loop before it is drawn (the store's
    /// working set, a call a crash left live).
    func start(at moment: Moment) -> [Event]
    /// What the first frame need not wait for (writing what `start` only read), run on the
    /// store's lane once that frame is drawn.
    func afterFirstFrame(at moment: Moment) -> [Event]
    /// The program is ending: stop what runs (an outside program is killed) and start
    /// nothing new. Called on the loop before it waits for the lanes to finish.
    func stop()
}

extension EffectHandler {
    public func start(at moment: Moment) -> [Event] { [] }
    public func afterFirstFrame(at moment: Moment) -> [Event] { [] }
    public func stop() {}
}
