import CallboardCore
import CallboardExchange
import CallboardStore
import Foundation

/// Someone to add by hand, as typed: on the command line or in the dashboard's add field.
public struct NewProspect: Hashable, Sendable {
    public var name: String
    public var company: String
    public var title: String
    public var phone: String
    public var email: String
    public var timeZone: String?
    public var source: Prospect.Source
    public var referredBy: ProspectID?
    public var priority: Int
    /// The first day to call them; nil: today.
    public var nextCallDay: CalendarDay?
    public var notes: String
    /// The name to greet them by in emails, when the full name would read wrong.
    public var greetingName: String?

    public init(
        name: String, company: String = "", title: String = "", phone: String = "", email: String = "",
        timeZone: String? = nil, source: Prospect.Source = .other, referredBy: ProspectID? = nil, priority: Int = 3,
        nextCallDay: CalendarDay? = nil, notes: String = "", greetingName: String? = nil
    ) {
        self.greetingName = greetingName
        self.name = name
        self.company = company
        self.title = title
        self.phone = phone
        self.email = email
        self.timeZone = timeZone
        self.source = source
        self.referredBy = referredBy
        self.priority = priority
        self.nextCallDay = nextCallDay
        self.notes = notes
    }

    /// What the contact rules refuse in these details, once cleaned; empty when they
    /// can be added. Asked before a store is opened, so bad data takes no lock.
    public var problems: [ContactCheck.Problem] {
        ContactCheck.problems(
            name: ImportedText.line(name), phone: ImportedText.line(phone), email: ImportedText.line(email))
    }

    public init(_ line: ContactLine) {
        self.init(name: line.name, company: line.company, phone: line.phone, email: line.email)
    }
}

/// Why a prospect was not added.
public enum AddRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The contact rules: a name, and a phone or an email that could be real.
    case problems([ContactCheck.Problem])
    /// The same person is already filed (by email, or by name and phone).
    case samePerson(ContactCard)
    /// The store could not be read or written.
    case store(StoreError)

    public var description: String {
        switch self {
        case .problems(let problems): problems.map(\.description).joined(separator: "; ")
        case .samePerson(let twin): "\(ImportedText.line(twin.name)) (\(twin.id)) is already in your list with that email or phone"
        case .store(let error): error.description
        }
    }
}

extension Desk {
    /// Adds someone typed in by hand, unless the contact rules refuse them or the same
    /// person is anywhere in the store. Text is cleaned of control characters here, where
    /// it enters the store. The working set follows; when the store had none, it is made.
    public func add(_ new: NewProspect, at now: Date) throws(AddRefusal) -> Prospect {
        let problems = new.problems
        guard problems.isEmpty else { throw .problems(problems) }
        let name = ImportedText.line(new.name), phone = ImportedText.line(new.phone)
        let email = ImportedText.line(new.email), company = ImportedText.line(new.company)
        let index: ContactIndex
        do { index = try store.contactIndex() } catch { throw .store(error) }
        if let twin = index.match(ContactCard(id: "", name: name, email: email, phone: phone, company: company)) {
            throw .samePerson(twin)
        }
        do throws(StoreError) {
            var random = SystemRandomNumberGenerator()
            let prospect = Prospect(
                id: Self.newID(using: &random, index: index), name: name, company: company,
                title: ImportedText.line(new.title), phone: phone, email: email, timeZone: new.timeZone,
                greetingName: new.greetingName.map(ImportedText.line).flatMap { $0.isEmpty ? nil : $0 },
                source: new.referredBy == nil ? new.source : .referral, referredBy: new.referredBy,
                priority: new.priority, nextCallDay: new.nextCallDay, notes: ImportedText.lines(new.notes),
                createdAt: now)
            try store.upsert(prospect: prospect)
            // Kept in step by the write when there was one; made now when there was none.
            _ = try store.queueIndex(today: day(of: now))
            return prospect
        } catch {
            throw .store(error)
        }
    }

    /// A prospect by id, or by a name that only one prospect has (case aside).
    public func findProspect(_ key: String) throws(StoreError) -> Result<ContactCard, FindProblem> {
        let cards = try store.contactIndex().cards
        if let byID = cards.first(where: { $0.id.rawValue == key }) { return .success(byID) }
        let named = cards.filter { $0.name.caseInsensitiveCompare(key) == .orderedSame }
        switch named.count {
        case 1: return .success(named[0])
        case 0: return .failure(.none)
        default: return .failure(.several(named.map(\.id)))
        }
    }

    /// Why a name or id found nobody, or more than one.
    public enum FindProblem: Error, Hashable, Sendable {
        case none
        case several([ProspectID])
    }

    // MARK: Import

    /// What importing `sheet` would do to the store as it is: read only, so no lock is
    /// taken and no file is touched (`--dry-run`).
    public func checkImport(_ sheet: ImportSheet, at now: Date) throws(StoreError) -> ImportResult {
        guard !sheet.isRejected, sheet.goodRows > 0 else { return sheet.unmerged }
        return Self.merge(sheet, into: try store.prospects(), at: now)
    }

    /// What importing `sheet` into a store that does not exist yet would do.
    public static func checkImport(_ sheet: ImportSheet, at now: Date) -> ImportResult {
        guard !sheet.isRejected, sheet.goodRows > 0 else { return sheet.unmerged }
        return merge(sheet, into: [], at: now)
    }

    /// Imports `sheet`: its rows merged once, into the prospects as they are under this
    /// desk's lock, every bucket written at once and the working set made for `now`. A
    /// refused sheet, or one without a good row, reads and writes nothing: whether an
    /// import is refused is the file's business alone, known before any store is opened.
    /// The sheet is consumed: its rows go once merged, before the prospects are written.
    public func importProspects(_ sheet: consuming ImportSheet, at now: Date) throws(StoreError) -> ImportResult {
        guard !sheet.isRejected, sheet.goodRows > 0 else { return sheet.unmerged }
        let result = Self.merge(sheet, into: try store.prospects(), at: now)
        _ = consume sheet
        try store.save(prospects: result.prospects, today: day(of: now))
        return result
    }

    /// Reads `csv` and imports it (see ``importProspects(_:at:)``).
    public func importProspects(csv text: String, with importer: ProspectImport, at now: Date) throws -> ImportResult {
        try importProspects(try importer.read(csv: text), at: now)
    }

    private static func merge(_ sheet: ImportSheet, into existing: [Prospect], at now: Date) -> ImportResult {
        let taken = Set(existing.map(\.id))
        var random = SystemRandomNumberGenerator()
        var made: Set<ProspectID> = []
        return sheet.merge(into: existing, now: now) {
            let id = ProspectID.make(using: &random) { taken.contains($0) || made.contains($0) }
            made.insert(id)
            return id
        }
    }
}
