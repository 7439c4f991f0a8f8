import Foundation

/// One row of the table: a measured figure against its target.
struct Row {
    var id: String
    var measure: String
    var value: String
    var target: String
    var pass: Bool?
    var note: String = ""
}

enum Stats {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The value below which `fraction` of `values` lie (nearest rank).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// Seconds `body` takes, by the monotonic clock.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

enum Table {
    static func print(_ rows: [Row]) {
        let header = Row(id: "id", measure: "measure", value: "value", target: "target", pass: nil)
        let all = [header] + rows
        let columns: [(Row) -> String] = [{ $0.id }, { $0.measure }, { $0.value }, { $0.target }]
        let widths: [Int] = columns.map { column in all.map { column($0).count }.max() ?? 0 }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func line(_ row: Row, verdict: String) -> String {
            let cells: [String] = zip(columns, widths).map { column, width in pad(column(row), width) }
            return "| " + (cells + [pad(verdict, 4)]).joined(separator: " | ") + " |"
        }
        Swift.print(line(header, verdict: "pass"))
        Swift.print("|" + (widths + [4]).map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for row in rows {
            let verdict = row.pass.map { $0 ? "yes" : "NO" } ?? "-"
            Swift.print(line(row, verdict: verdict) + (row.note.isEmpty ? "" : "  " + row.note))
        }
    }
}
