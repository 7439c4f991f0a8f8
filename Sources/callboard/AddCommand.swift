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
        guard !ImportedText.line(name).isEmpty else { throw ValidationError("The name is empty.") }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("\"\(timezone)\" is not a known time zone; use a name such as Europe/Amsterdam.")
        }
        if let due, CalendarDay(due) == nil {
            throw ValidationError("--due must be a date as YYYY-MM-DD, such as 2026-12-03; got \"\(due)\".")
        }
        guard (1...5).contains(priority) else { throw ValidationError("--priority must be from 1 to 5.") }
        if let email, !email.isEmpty, !ContactKey.isPlausibleEmail(email) {
            throw ValidationError("\"\(email)\" is not an email address.")
        }
    }

    func run() throws {
        try Failure.reported {
            let context = try CommandContext.load(storeFlag: store.store)
            let store = try context.openStore(.readWrite)
            let prospects = try store.prospects()
            let cleanPhone = ImportedText.line(phone ?? "")
            let cleanEmail = ImportedText.line(email ?? "")
            if let twin = prospects.first(where: { existing in
                (ContactKey.email(cleanEmail).map { $0 == ContactKey.email(existing.email) } ?? false)
                    || (ContactKey.phone(cleanPhone).map { $0 == ContactKey.phone(existing.phone) } ?? false)
            }) {
                throw Failure.badData(
                    "\(ImportedText.line(twin.name)) (\(twin.id)) already has that email or phone; nothing was added.")
            }
            let referrer = try referredBy.map { try Self.find($0, in: prospects) }
            var ids = NewProspectID(taken: prospects.map(\.id))
            let prospect = Prospect(
                id: ids.next(), name: ImportedText.line(name), company: ImportedText.line(company ?? ""),
                title: ImportedText.line(title ?? ""), phone: cleanPhone, email: cleanEmail,
                timeZone: timezone, source: referrer == nil ? .list : .referral, referredBy: referrer?.id,
                priority: priority, nextCallDay: due.flatMap(CalendarDay.init),
                notes: ImportedText.lines(note ?? ""), createdAt: Date())
            // One bucket and the working set change, not every prospect file.
            try store.upsert(prospect: prospect)
            Output.write(prospect.id.rawValue + "\n")
        }
    }

    /// A prospect by id, or by a name that only one prospect has.
    static func find(_ key: String, in prospects: [Prospect]) throws -> Prospect {
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
