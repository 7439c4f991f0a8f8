import CallboardCore
import Foundation

extension AppState {
    /// Enter in the add-prospect field: "Name, company, phone or email" goes to the store,
    /// which files it unless the same person is already there; an empty line closes the
    /// field. A line that breaks the contact rules stays in the field with the reason.
    mutating func addProspect(_ field: TextField, at moment: Moment) -> [Effect] {
        guard !field.isBlank else {
            mode = .queue
            addProblem = nil
            return []
        }
        switch ContactLine.read(field.text) {
        case .success(let line):
            mode = .addProspect(TextField())
            addProblem = nil
            status = StatusMessage("Adding \(line.name)…")
            return [.addProspect(line)]
        case .failure(let refusal):
            addProblem = refusal.description
            return []
        }
    }

    /// The store filed the prospect: it joins the queue under the cursor.
    mutating func prospectAdded(_ prospect: Prospect) -> [Effect] {
        prospects.removeAll { $0.id == prospect.id }
        prospects.append(prospect)
        isLoaded = true
        let reload = rebuildQueue()
        if let index = queue.firstIndex(where: { $0.id == prospect.id }) { selection = index }
        status = StatusMessage("Added \(prospect.name)")
        return reload
    }

    /// The store refused the line (the same person is filed, or a write failed): its text
    /// comes back into the field when that is still open and empty.
    mutating func prospectRefused(line: String, reason: String) -> [Effect] {
        let refusal = ContactLine.Refusal(reasons: [reason]).description
        status = nil
        if case .addProspect(let field) = mode, field.isBlank {
            mode = .addProspect(TextField(line))
            addProblem = refusal
        } else {
            status = StatusMessage(refusal, isError: true)
        }
        return []
    }
}
