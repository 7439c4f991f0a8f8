import Foundation

/// A CRM export of `rows` distinct people, as the import reads them: the same rows for
/// the same count, every time.
enum ImportFile {
    static let first = ["Anna", "Jan", "Kenji", "Maria", "Lucas", "Sofia", "Noah", "Emma", "Liam", "Mila", "Omar", "Yuki"]
    static let last = ["Jansen", "Smith", "Watanabe", "Garcia", "Müller", "Rossi", "Dubois", "Kowalski", "Nguyen", "Silva"]
    static let codes = ["+31 20", "+44 20", "+1 212", "+49 30", "+33 1", "+81 3", "+39 06", "+34 91"]

    static func write(rows: Int, to url: URL) throws {
        var text = "Name,Company,Title,Phone,Email,Notes\n"
        text.reserveCapacity(rows * 120)
        for i in 0..<rows {
            let given = first[i % first.count]
            let family = last[(i / first.count) % last.count]
            let number = String(format: "%07d", i)
            text += "\(given) \(family),Company \(i % 5000) BV,Head of Sales,\(codes[i % codes.count]) \(number),"
            text += "\(given.lowercased()).\(i)@example\(i % 97).com,\"Met at the fair, row \(i)\"\n"
        }
        try Data(text.utf8).write(to: url)
    }
}
