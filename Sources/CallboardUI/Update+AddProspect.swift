import CallboardCore
import Foundation

extension AppState {
    /// Enter in the add-prospect field: "Name, company, phone or email" becomes a prospect
    /// due today; an empty line closes the field. A line that breaks the contact rules,
    /// or names someone already in the working set, stays in the field with the reason.
    mutating func addProspect(_ field: TextField, at moment: Moment) -> [Effect] {
        guard !field.isBlank else {
            mode = .queue
            addProblem = nil
            return []
        }
        let typed: ProspectLine
        switch ProspectLine.read(field.text) {
        case .success(let line): typed = line
        case .failure(let refusal):
            addProblem = refusal.description
            return []
        }
        if let twin = ContactCheck.existing(email: typed.email, phone: typed.phone, among: prospects) {
            addProblem = ProspectLine.Refusal(reasons: [Self.alreadyThere(twin.name)]).description
            return []
        }
        let prospect = Prospect(
            id: newProspectID(for: typed.name, at: moment.wall), name: typed.name, company: typed.company,
            phone: typed.phone, email: typed.email, source: .other, createdAt: moment.wall)
        prospects.append(prospect)
        isLoaded = true
        rebuildQueue()
        if let index = queue.firstIndex(where: { $0.id == prospect.id }) { selection = index }
        mode = .addProspect(TextField())
        addProblem = nil
        savingProspect = TypedProspect(id: prospect.id, line: field.text)
        status = StatusMessage("Added \(prospect.name)")
        return [.addProspect(prospect)]
    }

    static func alreadyThere(_ name: String) -> String { "\(name) already has that email or phone" }

    /// The store found the same person among prospects the dashboard had not read: the
    /// new one goes, and its line comes back into the field when that is still open.
    mutating func prospectRefused(_ id: ProspectID, reason: String) -> [Effect] {
        prospects.removeAll { $0.id == id }
        rebuildQueue()
        let refusal = ProspectLine.Refusal(reasons: [reason]).description
        status = nil
        if let typed = savingProspect, typed.id == id, case .addProspect(let field) = mode, field.isBlank {
            mode = .addProspect(TextField(typed.line))
            addProblem = refusal
        } else {
            status = StatusMessage(refusal, isError: true)
        }
        savingProspect = nil
        return []
    }

    /// An id from the name and the second, FNV-1a hashed so it is the same on every run,
    /// with a suffix in the rare case it is taken.
    func newProspectID(for name: String, at date: Date) -> ProspectID {
        var hash: UInt32 = 2_166_136_261
        for byte in "\(name)|\(Int(date.timeIntervalSince1970))".utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let base = "p-" + String(hash, radix: 16)
        let taken = Set(prospects.map(\.id.rawValue))
        var candidate = base, n = 1
        while taken.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        return ProspectID(candidate)
    }
}
