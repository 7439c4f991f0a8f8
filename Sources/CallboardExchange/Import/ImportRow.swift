import CallboardCore
import Foundation

/// One valid row of an import, cleaned, before it becomes or updates a prospect.
struct ImportRow: Sendable {
    var name: String
    var company: String
    var title: String
    var phone: String
    var email: String
    var timeZone: String?
    var notes: String
    var doNotCall: Bool
    /// callboard's own status, when the column holds one; other words are not ours.
    var status: Prospect.Status?
    var source: Prospect.Source?
    var priority: Int?
    /// The name to greet them by, when the file gives one.
    var greeting: String = ""

    enum Reading {
        case valid(ImportRow)
        case invalid([ImportProblem])
    }

    /// The row's values, or every problem in it.
    static func read(_ cells: [String], line: Int, mapping: ColumnMapping) -> Reading {
        var values: [ImportField: String] = [:]
        for (index, field) in mapping.fields where field != .ignore && index < cells.count {
            let cell = SpreadsheetFormula.restored(cells[index])
            values[field] = field == .notes ? ImportedText.lines(cell) : ImportedText.line(cell)
        }
        func value(_ field: ImportField) -> String { values[field] ?? "" }

        var problems: [ImportProblem] = []
        func problem(_ field: ImportField, _ message: String) {
            problems.append(ImportProblem(line: line, field: field.label, message: message))
        }

        var name = value(.name)
        if name.isEmpty {
            name = [value(.firstName), value(.lastName)].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let phone = value(.phone).isEmpty ? value(.mobilePhone) : value(.phone)
        let email = value(.email)
        // The same rules as `callboard add` and the dashboard's add dialog.
        for found in ContactCheck.problems(name: name, phone: phone, email: email) {
            switch found.field {
            case .name: problem(.name, found.description)
            case .phone: problem(value(.phone).isEmpty && !phone.isEmpty ? .mobilePhone : .phone, found.description)
            case .email: problem(.email, found.description)
            }
        }

        let zoneText = value(.timeZone)
        if !zoneText.isEmpty, TimeZone(identifier: zoneText) == nil {
            problem(.timeZone, "\"\(zoneText)\" is not a known time zone; use a name such as Europe/Amsterdam")
        }

        var doNotCall = false
        switch value(.doNotCall).lowercased() {
        case "", "false", "no", "n", "0": doNotCall = false
        case "true", "yes", "y", "1", "x": doNotCall = true
        case let other: problem(.doNotCall, "\"\(other)\" is neither true nor false")
        }

        let status = Self.status(value(.status))
        if status == .doNotCall { doNotCall = true }

        var priority: Int?
        if !value(.priority).isEmpty {
            if let number = Int(value(.priority)), (1...5).contains(number) {
                priority = number
            } else {
                problem(.priority, "\"\(value(.priority))\" is not a priority from 1 to 5")
            }
        }

        guard problems.isEmpty else { return .invalid(problems) }
        return .valid(
            ImportRow(
                name: name, company: value(.company), title: value(.title), phone: phone,
                email: email, timeZone: zoneText.isEmpty ? nil : zoneText, notes: value(.notes),
                doNotCall: doNotCall, status: status, source: source(value(.source)), priority: priority,
                greeting: value(.greeting)))
    }

    /// "doNotCall", "Do not call", "DNC", "lost"… as callboard's statuses; nil for anything
    /// else (a CRM's "Open" or "Qualified" says nothing callboard can use).
    static func status(_ text: String) -> Prospect.Status? {
        if text.isEmpty { return nil }
        let key = ColumnMapping.normalised(text)
        if key == "dnc" { return .doNotCall }
        return statuses[key]
    }

    /// callboard's statuses by their normalised names, worked out once rather than per row.
    private static let statuses: [String: Prospect.Status] = Dictionary(
        Prospect.Status.allCases.map { (ColumnMapping.normalised($0.rawValue), $0) }, uniquingKeysWith: { a, _ in a })

    /// A CRM's lead source in callboard's few words.
    static func source(_ text: String) -> Prospect.Source? {
        let key = ColumnMapping.normalised(text)
        if key.isEmpty { return nil }
        if key.contains("referr") { return .referral }
        if key.contains("inbound") || key.contains("contactus") { return .inbound }
        if key.contains("event") || key.contains("tradeshow") || key.contains("conference")
            || key.contains("seminar")
        {
            return .event
        }
        if key.contains("web") || key.contains("online") || key.contains("organic") { return .web }
        if key.contains("list") || key.contains("purchased") || key.contains("cold") { return .list }
        return .other
    }
}
