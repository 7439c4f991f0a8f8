import Foundation
import Testing

@testable import CallboardUI

/// A whole screen as text, kept in `Golden/<name>.txt` beside this file: one row a line,
/// trailing spaces trimmed. `CALLBOARD_UPDATE_GOLDEN=1` rewrites the files instead of
/// comparing, for a change to the screens that is meant.
enum GoldenFile {
    static let variable = "CALLBOARD_UPDATE_GOLDEN"
    static let updateCommand = "\(variable)=1 swift test --filter GoldenScreenTests"
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)
    /// How many differing rows a failure shows.
    static let shownRows = 6

    static var updating: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    static func text(of screen: CellBuffer) -> String { screen.text + "\n" }

    /// Compares `screen` with the file `name`, or writes the file when updating.
    static func check(_ screen: CellBuffer, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent("\(name).txt")
        let actual = text(of: screen)
        if updating {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file, options: .atomic)
                print("wrote Golden/\(name).txt")
            } catch {
                Issue.record("could not write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("No golden file Golden/\(name).txt yet. Write it with: \(updateCommand)",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record(Comment(rawValue: difference(name: name, expected: expected, actual: actual)),
                     sourceLocation: sourceLocation)
    }

    /// The first differing rows, expected above actual, and how to accept the new screen.
    static func difference(name: String, expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report = ["The screen differs from Golden/\(name).txt."]
        if old.count != new.count { report.append("It has \(new.count) lines; the file has \(old.count).") }
        let rows = (0..<max(old.count, new.count)).filter { row in
            (row < old.count ? old[row] : nil) != (row < new.count ? new[row] : nil)
        }
        for row in rows.prefix(shownRows) {
            report.append("row \(row + 1):")
            report.append("  expected |\(row < old.count ? old[row] : "(no line)")")
            report.append("  actual   |\(row < new.count ? new[row] : "(no line)")")
        }
        if rows.count > shownRows { report.append("… and \(rows.count - shownRows) more rows differ.") }
        report.append("If the new screen is right, rewrite the files with: \(updateCommand)")
        report.append("(then `git diff Tests/CallboardUITests/Golden` shows every change).")
        return report.joined(separator: "\n")
    }
}
