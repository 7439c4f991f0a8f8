// store-torture DIR [FIRST]
//
// Writes to the store in DIR as fast as it can until it is killed: a live-call checkpoint
// and a call save per round, growing in size, and a prospect update every tenth round.
// The crash tests SIGKILL it at random moments and check that every file still loads.
//
// Every call it writes has one 1-second segment per second of elapsed time, so a reader
// can tell a torn or mixed file from a whole one.

import CallboardCore
import CallboardStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: store-torture DIR [FIRST]\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let first = arguments.count >= 3 ? Int(arguments[2]) ?? 0 : 0

/// A fixed day, so day files and summaries stay few and the test can read them all.
let base = Date(timeIntervalSince1970: 1_795_000_000)
let speakers: [Speaker] = [.me, .prospect, .silence, .prospect]

func call(round: Int) -> Call {
    let seconds = round % 600 + 1
    let segments = (0..<seconds).map {
        TalkSegment(speaker: speakers[$0 % speakers.count], start: Double($0), end: Double($0 + 1))
    }
    let slot = round % 5
    return Call(
        id: CallID("torture-\(slot)"), prospectID: ProspectID("p\(slot)"),
        startedAt: base.addingTimeInterval(Double(slot) * 3_000 + Double(round % 2) * 86_400),
        segments: segments, duration: Double(seconds), outcome: .callback,
        referralAsk: .asked, notes: [CallNote(text: "round \(round)", at: 0)])
}

func run(from first: Int) throws {
    var round = first
    let store = try Store(directory: directory, zone: .gmt)
    var announced = false
    while true {
        round += 1
        let live = call(round: round)
        try store.writeCheckpoint(
            LiveCallCheckpoint(call: live, elapsed: live.duration ?? 0, savedAt: base))
        try store.save(call: live, targets: .standard)
        if round % 10 == 0 {
            try store.upsert(
                prospect: Prospect(
                    id: ProspectID("p\(round % 7)"), name: "Prospect \(round % 7)",
                    notes: String(repeating: "n", count: round % 3_000), createdAt: base))
        }
        if round % 3 == 0 { try store.clearCheckpoint() }
        if round % 4 == 0 {
            let body = Data(String(repeating: "x", count: round % 5_000).utf8)
            try store.writeOutboxMessage(body, name: "m.eml")
        }
        // The test waits for this line so a kill lands while files are being written.
        if !announced {
            FileHandle.standardOutput.write(Data("ready\n".utf8))
            announced = true
        }
    }
}

do {
    try run(from: first)
} catch {
    FileHandle.standardError.write(Data("store-torture: \(error)\n".utf8))
    exit((error as? StoreError)?.exitCode ?? 70)
}
