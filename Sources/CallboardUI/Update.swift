import CallboardCore
import Foundation

/// The one place the app's state changes. Pure: the same state and event always give the
/// same state and effects; time arrives only inside the event.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .key(let key, let moment):
        state.observe(moment)
        // The microphone hears the keyboard: hands-free leaves a voice of mine starting
        // just after any key alone.
        state.live?.handsFree.keyTyped(at: moment.monotonic)
        let before = (state.answersInProgress, state.noteInProgress)
        var effects = state.handle(key, at: moment)
        // An answer in the end-of-call dialogs, or a letter of a note, is saved like a
        // talk key: at once.
        let after = (state.answersInProgress, state.noteInProgress)
        if state.live != nil, after.0 != before.0 || after.1 != before.1,
            !effects.contains(where: { if case .checkpoint = $0 { true } else { false } })
        {
            effects.append(state.checkpoint(at: moment))
        }
        return effects
    case .tick(let moment):
        state.observe(moment)
        return state.tick(at: moment)
    case .speakerDetected(let speaker, let moment):
        // Dated at the onset, in the recent past: `now` does not go back for it.
        return state.detected(speaker, at: moment)
    case .inputLevels(let levels):
        state.inputLevels = levels
        return []
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        return []
    case .remote(let mark, let moment):
        state.observe(moment)
        return state.remote(mark, at: moment)
    case .loaded(let snapshot, let moment):
        state.observe(moment)
        state.isLoaded = true
        state.prospects = snapshot.prospects
        state.referrerNames = snapshot.referrerNames
        state.zoneReach = snapshot.zoneReach
        state.isStoreEmptyOnDisk = snapshot.isStoreEmpty
        state.callsToday = snapshot.callsToday
        if let window = snapshot.window {
            state.hold(window, select: 0)
        } else {
            state.queueLength = nil
            state.queueOffset = 0
            state.rebuildQueue()
        }
        // Calls a failed after-call command left queued are tried again at each start.
        return [.loadFollowUps(known: Set(state.prospects.map(\.id)))] + (state.handsOffCalls ? [.handOffCalls] : [])
    case .queueLoaded(let window, let select, let moment):
        state.observe(moment)
        state.hold(window, select: select)
        return []
    case .followUpsLoaded(let calls, let others):
        state.receivePendingFollowUps(calls, others: others)
        return []
    case .resumed(let checkpoint, let prospect, let moment):
        state.observe(moment)
        return state.offer(checkpoint, prospect: prospect)
    case .prospectAdded(let prospect):
        return state.prospectAdded(prospect)
    case .prospectRefused(let line, let reason):
        return state.prospectRefused(line: line, reason: reason)
    case .callFiled(let filed, let send):
        return state.callFiled(filed, send: send)
    case .callNotFiled(let id, let reason):
        return state.callNotFiled(id, reason: reason)
    case .saved(let id):
        return state.finishSaving(id)
    case .followUpWritten(let id, let file):
        return state.followUpWritten(id, file: file)
    case .followUpSent(let id, let at):
        return state.followUpSent(id, at: at)
    case .sendFailed(_, let reason):
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let sentence = Format.sentence(why.hasSuffix(".") ? String(why.dropLast()) : why)
        state.status = StatusMessage("Not sent. \(sentence). The draft stays in \(state.outboxPath("")) as pending.", isError: true)
        return []
    case .edited(let purpose, let text):
        return state.edited(purpose, text: text)
    case .reviewLoaded(let review):
        // A late answer after the seller left the review is dropped.
        if case .review = state.mode { state.mode = .review(review) }
        return []
    case .failed(let message):
        state.status = StatusMessage(message, isError: true)
        return []
    case .phone(let phoneEvent, let moment):
        state.observe(moment)
        return state.phone(phoneEvent, at: moment)
    case .handedOff(let handed, let waiting, let failure):
        return state.handedOff(handed: handed, waiting: waiting, failure: failure)
    }
}

extension AppState {
    mutating func observe(_ moment: Moment) {
        now = moment
    }

    mutating func handle(_ key: Key, at moment: Moment) -> [Effect] {
        let context = keyContext
        // Talk keys are pressed without looking: over help, the quit question or the
        // end-of-call dialogs of a live call they still mark the talk.
        if let talk = Keymap.talkAction(for: key), live != nil, context != .call, !takesText,
            Keymap.action(for: key, in: context, outcomes: settings.outcomes) == nil
        {
            return talkOverDialog(talk, at: moment)
        }
        let action = Keymap.action(for: key, in: context, outcomes: settings.outcomes)
        // Below the minimum size nothing can be seen, so nothing is typed blind either.
        if isTooSmall, !(action.map(Self.worksWhenTooSmall) ?? false) { return [] }
        // The overlays answer their own keys, even over the review.
        if case .review(let review) = mode, !showingHelp, !confirmingQuit, action != .help, action != .quit {
            return forwardToReview(key, review)
        }
        if context == .block, action == nil || action == .toggleSpeaker { return pauseOrResumeBlock(at: moment) }
        guard let action else { return type(key, at: moment) }
        // A key press clears an old message; a new one may replace it below.
        if context != .quitConfirm { status = nil }

        switch action {
        case .help:
            showingHelp.toggle()
            helpScroll = 0
            return []
        case .pageDown, .pageUp:
            let direction = action == .pageDown ? 1 : -1
            if showingHelp {
                scrollHelp(by: direction * max(1, HelpOverlayView.pageHeight(self)))
                return []
            }
            return moveInQueue(to: queueOffset + selection + direction * max(1, QueueView.rows(self)))
        case .quit:
            return askToQuit(at: moment)
        case .confirmQuit:
            confirmingQuit = false
            if let checkpoint = liveCheckpoint(at: moment) { return [.checkpoint(checkpoint), .quit(exitCode: 0)] }
            return [.quit(exitCode: 0)]
        case .back:
            return back(at: moment)
        case .nextPanel:
            let all = Panel.allCases
            focus = all[(focus.rawValue + 1) % all.count]
            return []
        case .moveDown, .moveUp:
            return move(by: action == .moveDown ? 1 : -1)
        case .queueFirst:
            return moveInQueue(to: 0)
        case .queueLast:
            return moveInQueue(to: queueCount - 1)
        case .startCall:
            if context == .block { return dialNextInBlock(at: moment) }
            return startCall(at: moment)
        case .addProspect:
            mode = .addProspect(TextField())
            return []
        case .review:
            mode = .review(nil)
            return today.map { [.loadReview($0)] } ?? []
        case .followUps:
            mode = .followUps(FollowUpsBrowser())
            return []
        case .startBlock, .stopBlock:
            return blockAction(action, at: moment)
        case .markMe, .markProspect, .toggleSpeaker, .hold, .askedReferrals, .askedAdvice, .note, .endCall,
            .askedQuestion, .theyAskedQuestion, .nextCallType, .hangUp, .toggleHandsFree:
            return callAction(action, at: moment)
        case .resumeCall, .saveRecoveredCall:
            return recoveryAction(action, at: moment)
        case .answerYes, .answerNo, .chooseOutcome, .accept, .skip, .send, .openEditor, .markSent:
            return dialogAction(action, at: moment)
        case .reviewKey:
            return []
        }
    }

    /// The review screen has its own keys; Esc on it with nothing open comes back here.
    mutating func forwardToReview(_ key: Key, _ review: ReviewState?) -> [Effect] {
        guard var review else {
            if key == .escape { mode = .queue }
            return []
        }
        switch review.handle(key) {
        case .none:
            mode = .review(review)
            return []
        case .close:
            mode = .queue
            return []
        case .load(let day):
            mode = .review(review)
            return [.loadReview(day)]
        }
    }

    /// Below the minimum size nothing can be seen, so only quitting and the talk keys
    /// (pressed without looking) act.
    static func worksWhenTooSmall(_ action: Action) -> Bool {
        switch action {
        case .quit, .confirmQuit, .back, .markMe, .markProspect, .toggleSpeaker, .hold, .askedReferrals, .askedAdvice,
            .askedQuestion, .theyAskedQuestion:
            true
        default:
            false
        }
    }

    /// Printable keys go to the text field of the current dialog, if it has one.
    mutating func type(_ key: Key, at moment: Moment) -> [Effect] {
        switch mode {
        case .addProspect(var field):
            if field.apply(key) {
                mode = .addProspect(field)
                addProblem = nil
            }
            if field.wasCut { status = StatusMessage(field.cutMessage, isError: true) }
        case .note(var field):
            if field.apply(key) { mode = .note(field) }
            if field.wasCut { status = StatusMessage(field.cutMessage, isError: true) }
        case .endOfCall(let flow):
            return flowKey(key, action: nil, flow: flow, at: moment)
        default: break
        }
        return []
    }

    mutating func askToQuit(at moment: Moment) -> [Effect] {
        showingHelp = false
        if live != nil || recoveredCall != nil || pendingFollowUpsToday > 0 {
            confirmingQuit = true
            return []
        }
        return [.quit(exitCode: 0)]
    }

    /// Follow-ups of calls made today that are not yet sent.
    public var pendingFollowUpsToday: Int { pendingFollowUps.filter(isFromToday).count }

    mutating func back(at moment: Moment) -> [Effect] {
        if confirmingQuit {
            confirmingQuit = false
            return []
        }
        if showingHelp {
            showingHelp = false
            return []
        }
        switch mode {
        case .queue, .call, .recovery:
            return []
        case .review, .addProspect:
            mode = .queue
            addProblem = nil
            return []
        case .followUps(var browser):
            if browser.isOpen {
                browser.close()
                mode = .followUps(browser)
            } else {
                mode = .queue
            }
            return []
        case .note(let field):
            // The half-written note waits for the next `n`.
            live?.noteDraft = field
            mode = .call
            return []
        case .endOfCall(let flow):
            return flowKey(nil, action: .back, flow: flow, at: moment)
        }
    }

    mutating func move(by delta: Int) -> [Effect] {
        if showingHelp {
            scrollHelp(by: delta)
            return []
        }
        if keyContext == .followUpDraft {
            draftScroll = max(0, min(draftScroll + delta, openDraftLines))
            return []
        }
        switch mode {
        case .followUps(var browser) where !browser.isOpen:
            browser.selection = clamp(browser.selection + delta, count: pendingFollowUps.count)
            mode = .followUps(browser)
        case .queue, .call:
            // In a call the queue stands still, so the keys scroll the brief.
            if focus == .brief || live != nil {
                briefScroll = max(0, briefScroll + delta)
            } else {
                return moveInQueue(to: queueOffset + selection + delta)
            }
        default: break
        }
        return []
    }

    /// The cursor to row `row` of the whole queue: within the rows held at once, else
    /// when they arrive.
    mutating func moveInQueue(to row: Int) -> [Effect] {
        let target = clamp(row, count: queueCount)
        briefScroll = 0
        guard queueLength != nil, target < queueOffset || target >= queueOffset + queue.count else {
            selection = clamp(target - queueOffset, count: queue.count)
            return []
        }
        // The rows around it, so a step either way needs no wait.
        return [.loadQueue(from: target - Self.rowsAround, select: target, orderedAt: queueOrderedAt)]
    }

    /// Rows read before the one the cursor goes to when a stretch of the queue is read.
    static let rowsAround = 80

    /// `window` as the queue held: all of it, or a stretch; the cursor on row `select` of
    /// the whole queue.
    mutating func hold(_ window: QueueWindow, select: Int) {
        queue = window.entries
        queueOffset = window.offset
        queueLength = window.isWhole ? nil : window.count
        queueOrderedAt = window.orderedAt
        prospects = window.entries.map(\.prospect)
        queueDay = today
        selection = clamp(select - window.offset, count: queue.count)
    }

    func clamp(_ index: Int, count: Int) -> Int { max(0, min(index, count - 1)) }

    /// Lines of the email on screen as the dialog wraps them, less the few that always
    /// show: how far it can usefully scroll.
    var openDraftLines: Int {
        let draft: FollowUp?
        switch mode {
        case .endOfCall(let flow): draft = flow.answers.draft
        case .followUps: draft = selectedFollowUp?.call.followUp
        default: draft = nil
        }
        guard let draft else { return 0 }
        let width = max(10, min(76, self.width) - 2)
        return max(0, Format.wrap("Subject: \(draft.subject)\n\n\(draft.body)", width: width).count - 3)
    }

    mutating func tick(at moment: Moment) -> [Effect] {
        var effects: [Effect] = []
        if let day = today, day != queueDay {
            // A new day: a fresh queue and a fresh count of today's calls. Within a day
            // the order holds; the local times are read at drawing time. Asked once: a
            // load that fails says so, and is not asked again every tick.
            rebuildQueue()
            queueDay = day
            if isLoaded { effects.append(.load) }
        }
        if let live, moment.monotonic - live.lastCheckpoint >= LiveCallCheckpoint.interval {
            effects.append(checkpoint(at: moment))
        }
        return effects + blockTick(at: moment)
    }

    mutating func checkpoint(at moment: Moment) -> Effect {
        live?.lastCheckpoint = moment.monotonic
        return liveCheckpoint(at: moment).map { .checkpoint($0) } ?? .clearCheckpoint
    }

    /// The live call as a checkpoint, with the end-of-call answers given so far.
    public func liveCheckpoint(at moment: Moment) -> LiveCallCheckpoint? {
        live?.checkpoint(at: moment, answers: answersInProgress, note: noteInProgress)
    }

    /// The answers of the end-of-call dialogs on screen, if they are.
    var answersInProgress: EndOfCallAnswers? {
        if case .endOfCall(let flow) = mode { return flow.answers }
        return nil
    }

    /// The note field's text while it is open.
    var noteInProgress: String? {
        if case .note(let field) = mode { return field.text }
        return nil
    }

    /// Today's queue from the prospects, the cursor kept on the same prospect. When only
    /// part of the queue is held, the store orders it: the same stretch is read again.
    @discardableResult
    mutating func rebuildQueue() -> [Effect] {
        if queueLength != nil {
            dropFromHeldStretch()
            return [.loadQueue(from: queueOffset, select: queueOffset + selection)]
        }
        guard let now else { return [] }
        let selected = selectedEntry?.id
        let day = CalendarDay(containing: now.wall, in: zone)
        queue = CallQueue.entries(
            prospects: prospects, today: day, now: now.wall, zone: zone, hours: settings.businessHours,
            referrerNames: referrerNames, outcomes: settings.outcomes, zoneReach: zoneReach)
        queueDay = day
        if let selected, let index = queue.firstIndex(where: { $0.id == selected }) {
            selection = index
        } else {
            selection = clamp(selection, count: queue.count)
        }
        return []
    }

    /// While a stretch of a long queue is read again after a save, the rows held show the
    /// prospects as saved, and those no longer due today (done with, closed, put on the
    /// do-not-call list, due another day) leave at once: Enter never calls them again from
    /// a row the store has not yet replaced.
    mutating func dropFromHeldStretch() {
        guard let length = queueLength, let day = today else { return }
        let latest = Dictionary(prospects.map { ($0.id, $0) }, uniquingKeysWith: { _, newer in newer })
        let selected = selectedEntry?.id
        var kept: [QueueEntry] = []
        for var entry in queue {
            if let saved = latest[entry.id] {
                guard saved.isDue(on: day, in: zone) else { continue }
                entry.prospect = saved
            }
            kept.append(entry)
        }
        let dropped = queue.count - kept.count
        queue = kept
        queueLength = max(0, length - dropped)
        if let selected, let index = queue.firstIndex(where: { $0.id == selected }) {
            selection = index
        } else {
            selection = clamp(selection, count: queue.count)
        }
    }
}
