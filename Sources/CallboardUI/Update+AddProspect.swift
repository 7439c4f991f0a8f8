import CallboardCore
import Foundation

extension AppState {
    /// Enter in the add-prospect field: "Name, company, phone or email" becomes a prospect
    /// due today; an empty line closes the field.
    mutating func addProspect(_ field: TextField, at moment: Moment) -> [Effect] {
        guard !field.isBlank else {
            mode = .queue
            return []
        }
        let typed = Self.referral(from: field.text)
        let prospect = Prospect(
            id: newProspectID(for: typed.name, at: moment.wall), name: typed.name, company: typed.company,
            phone: typed.phone, email: typed.email, source: .other, createdAt: moment.wall)
        prospects.append(prospect)
        isLoaded = true
        rebuildQueue()
        if let index = queue.firstIndex(where: { $0.id == prospect.id }) { selection = index }
        mode = .addProspect(TextField())
        status = StatusMessage("Added \(prospect.name)")
        return [.addProspect(prospect)]
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
