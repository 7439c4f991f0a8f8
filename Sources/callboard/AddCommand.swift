import ArgumentParser
import CallboardCore
import CallboardExchange
import Foundation

/// `callboard add NAME ...`: one prospect by hand.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a prospect and print their id.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The prospect's full name, e.g. \"Anna de Vries\".")
    var name: String

    @Option(help: "Their company.") var company: String?
    @Option(help: "Their phone number.") var phone: String?
    @Option(help: "Their email address (for the follow-up).") var email: String?
    @Option(help: "Their job title.") var title: String?

    @Option(help: ArgumentHelp("Their time zone, e.g. Europe/Amsterdam.", valueName: "tz"))
    var timezone: String?

    @Option(help: ArgumentHelp("First day to call them (default: today).", valueName: "yyyy-mm-dd"))
    var due: String?

    @Option(help: "Priority from 1 (most important) to 5; default 3.")
    var priority: Int = 3

    @Option(help: ArgumentHelp("Who referred them: a prospect's id or exact name.", valueName: "name-or-id"))
    var referredBy: String?

    @Option(help: "A note about them.")
    var note: String?

    func validate() throws {
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("\"\(timezone)\" is not a known time zone; use a name such as Europe/Amsterdam.")
        }
        if let due, CalendarDay(due) == nil { throw ValidationError(DayArgument.problem(option: "--due", text: due)) }
        guard (1...5).contains(priority) else { throw ValidationError("--priority must be from 1 to 5.") }
    }

    /// The same rules as a row of an import: a name, and a phone or an email that could be
    /// real. Bad data, not bad usage, so it exits 65 like a rejected import.
    static func contactProblem(name: String, phone: String, email: String) -> String? {
        let problems = ContactCheck.problems(name: name, phone: phone, email: email)
        guard !problems.isEmpty else { return nil }
        let named = problems.map { problem -> String in
            switch problem.field {
            case .name: "the name: \(problem.description)"
            case .phone: phone.isEmpty && email.isEmpty ? "\(problem.description) (--phone or --email)" : "--phone: \(problem.description)"
            case .email: "--email: \(problem.description)"
            }
        }
        return named.joined(separator: "; ") + ". Nothing was added."
    }

    func run() throws {
        try Failure.reported {
            let cleanName = ImportedText.line(name)
            let cleanPhone = ImportedText.line(phone ?? "")
            let cleanEmail = ImportedText.line(email ?? "")
            if let problem = Self.contactProblem(name: cleanName, phone: cleanPhone, email: cleanEmail) {
                throw Failure.badData(problem)
            }
            let context = try CommandContext.load(storeFlag: store.store)
            let store = try context.openStore(.readWrite)
            // Contact cards, not whole records: the check reads every prospect.
            let prospects = try store.contactCards()
            if let twin = ContactCheck.existing(email: cleanEmail, phone: cleanPhone, among: prospects) {
                throw Failure.badData(
                    "\(ImportedText.line(twin.name)) (\(twin.id)) already has that email or phone; nothing was added.")
            }
            let referrer = try referredBy.map { try Self.find($0, in: prospects) }
            var ids = NewProspectID(taken: prospects.map(\.id))
            let prospect = Prospect(
                id: ids.next(), name: cleanName, company: ImportedText.line(company ?? ""),
                title: ImportedText.line(title ?? ""), phone: cleanPhone, email: cleanEmail,
                timeZone: timezone, source: referrer == nil ? .list : .referral, referredBy: referrer?.id,
                priority: priority, nextCallDay: due.flatMap(CalendarDay.init),
                notes: ImportedText.lines(note ?? ""), createdAt: Date())
            // One bucket and the working set change, not every prospect file.
            try store.upsert(prospect: prospect)
            // Kept in step by the save when there was one; made now when there was none.
            _ = try store.workingSet(today: context.today)
            Output.write(prospect.id.rawValue + "\n")
        }
    }

    /// A prospect by id, or by a name that only one prospect has.
    static func find(_ key: String, in prospects: [ContactCard]) throws -> ContactCard {
        if let byID = prospects.first(where: { $0.id.rawValue == key }) { return byID }
        let named = prospects.filter { $0.name.caseInsensitiveCompare(key) == .orderedSame }
        switch named.count {
        case 1: return named[0]
        case 0: throw Failure.badData("No prospect has the id or name \"\(ImportedText.line(key))\".")
        default:
            throw Failure.badData(
                "\(named.count) prospects are named \"\(ImportedText.line(key))\"; give an id instead: "
                    + named.map(\.id.rawValue).joined(separator: ", ") + ".")
        }
    }
}
