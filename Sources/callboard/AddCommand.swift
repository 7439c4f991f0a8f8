import ArgumentParser
import CallboardCore
import CallboardExchange
import CallboardUseCases
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

    @Option(help: ArgumentHelp(
        "First day to call them (default: today): YYYY-MM-DD, tomorrow or a weekday such as fri.", valueName: "day"))
    var due: String?

    @Option(help: ArgumentHelp(
        "The name to greet them by in emails (default: read from the name, e.g. Jane from \"Doe, Jane\").",
        valueName: "name"))
    var greeting: String?

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
        if let due, dueDay(due) == nil { throw ValidationError(DayArgument.problem(option: "--due", text: due)) }
        guard (1...5).contains(priority) else { throw ValidationError("--priority must be from 1 to 5.") }
    }

    /// The day `--due` names, weekdays ahead of today on this machine's clock.
    private func dueDay(_ text: String) -> CalendarDay? {
        DayArgument.day(text, today: CalendarDay(containing: Date(), in: .current))
    }

    /// The desk's refusal in the command's own words, naming the options at fault. Bad
    /// data, not bad usage, so it exits 65 like a rejected import.
    static func describe(_ problems: [ContactCheck.Problem], phone: String, email: String) -> String {
        let named = problems.map { problem -> String in
            switch problem.field {
            // "a name is needed" says it plainly; "the name: a name is needed" twice.
            case .name: problem.description.prefix(1).uppercased() + problem.description.dropFirst()
            case .phone: phone.isEmpty && email.isEmpty ? "\(problem.description) (--phone or --email)" : "--phone: \(problem.description)"
            case .email: "--email: \(problem.description)"
            }
        }
        return named.joined(separator: "; ") + ". Nothing was added."
    }

    func run() throws {
        try Failure.reported {
            let new = NewProspect(
                name: name, company: company ?? "", title: title ?? "", phone: phone ?? "", email: email ?? "",
                timeZone: timezone, source: .list, priority: priority, nextCallDay: due.flatMap(dueDay),
                notes: note ?? "", greetingName: greeting)
            // Bad data is refused before the store is opened: it takes no lock.
            let problems = new.problems
            guard problems.isEmpty else {
                throw Failure.badData(
                    Self.describe(problems, phone: ImportedText.line(new.phone), email: ImportedText.line(new.email)))
            }
            let context = try CommandContext.load(storeFlag: store.store)
            let desk = try context.desk(.readWrite)
            var prospect = new
            if let referredBy {
                switch try desk.findProspect(referredBy) {
                case .success(let referrer): prospect.referredBy = referrer.id
                case .failure(.none):
                    throw Failure.badData("No prospect has the id or name \"\(ImportedText.line(referredBy))\".")
                case .failure(.several(let ids)):
                    throw Failure.badData(
                        "\(ids.count) prospects are named \"\(ImportedText.line(referredBy))\"; give an id instead: "
                            + ids.map(\.rawValue).joined(separator: ", ") + ".")
                }
            }
            let added: Prospect
            do throws(AddRefusal) {
                added = try desk.add(prospect, at: Date())
            } catch .samePerson(let twin) {
                throw Failure.badData(
                    "\(ImportedText.line(twin.name)) (\(twin.id)) already has that email or phone; nothing was added.")
            } catch .problems(let problems) {
                throw Failure.badData(
                    Self.describe(problems, phone: ImportedText.line(new.phone), email: ImportedText.line(new.email)))
            } catch .store(let error) {
                throw error
            }
            try Output.write(added.id.rawValue + "\n")
        }
    }
}
