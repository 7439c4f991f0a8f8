import CallboardCore
import Foundation
import Testing

/// The built `callboard` binary, run as a user would, in a private folder.
struct Program {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Beside the test bundle in the build folder.
    static var binary: URL {
        let built = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            built.appendingPathComponent("callboard"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("callboard"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// `stdout`: a file to write the results into instead of a pipe (e.g. /dev/full).
    static func run(_ arguments: [String], home: URL, stdout: FileHandle? = nil) throws -> Program {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path, "TMPDIR": home.appendingPathComponent("tmp").path,
            "PATH": "/usr/bin:/bin", "TZ": "Europe/Amsterdam",
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Program(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Every file under `folder` with its bytes and permissions.
/// A month's rows file without the time and size of each day file, as sorted JSON.
private func rowsWithoutDayFiles(_ data: Data) throws -> Data {
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let days = try #require(object["days"] as? [[String: Any]])
    #expect(days.allSatisfy { $0["dayFile"] != nil })
    object["days"] = days.map { $0.filter { $0.key != "dayFile" } }
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

private func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let name = enumerator?.nextObject() as? String {
        let url = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
        files[name + " mode \(String(mode, radix: 8))"] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
    }
    return files
}

@Suite(.serialized) struct CommandLineTests {
    let home: URL
    init() throws {
        home = try Fixture.temporaryFolder()
        try FileManager.default.createDirectory(at: home.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }

    var store: String { home.appendingPathComponent("store").path }

    @Test func aNewUserGoesFromACRMExportToTheirQueue() throws {
        let csv = try Fixture.write("hubspot-contacts.csv", to: home)
        let imported = try Program.run(["import", "--store", store, csv], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported 10 rows: 10 added, 0 updated, 0 skipped.\n")
        // The working set is written by the import, so `today` need not read every prospect.
        let queueFile = home.appendingPathComponent("store/queue.json").path
        #expect(FileManager.default.fileExists(atPath: queueFile))
        try FileManager.default.removeItem(atPath: queueFile)
        let added = try Program.run(["add", "Jan de Boer", "--store", store, "--phone", "+31 6 1234 5678", "--referred-by", "Anna de Vries"], home: home)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.range(of: #"^p-[0-9a-f]{8}\n$"#, options: .regularExpression) != nil)
        #expect(FileManager.default.fileExists(atPath: queueFile), "add makes the working set when there is none")
        let today = try Program.run(["today", "--store", store, "--date", "2026-11-30", "--format", "json"], home: home)
        #expect(today.status == 0, "\(today.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any]
        let queue = object?["queue"] as? [[String: Any]] ?? []
        #expect(queue.count == 11)
        #expect(queue.first?["name"] as? String == "Jan de Boer")
        #expect(queue.first?["reason"] as? String == "referral")
        #expect(queue.first?["referred_by"] as? String == "Anna de Vries")
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func aFailingImportLeavesTheStoreByteIdentical() throws {
        let good = try Fixture.write("salesforce-leads.csv", to: home)
        #expect(try Program.run(["import", "--store", store, good], home: home).status == 0)
        let before = try snapshot(URL(fileURLWithPath: store))
        let bad = home.appendingPathComponent("bad.csv")
        var rows = "name,email\nNew Person,new@example.com\n"
        for index in 0..<25 { rows += "Broken \(index),\n" }
        try Data(rows.utf8).write(to: bad)
        let result = try Program.run(["import", "--store", store, bad.path], home: home)
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 3, phone: a phone number or an email address is needed to reach them"))
        #expect(result.stderr.contains("… and 5 more problems."))
        #expect(result.stderr.contains("Nothing was imported."))
        #expect(try snapshot(URL(fileURLWithPath: store)) == before)
        let skipping = try Program.run(["import", "--store", store, "--skip-invalid", bad.path], home: home)
        #expect(skipping.status == 0)
        #expect(skipping.stdout == "Imported 26 rows: 1 added, 0 updated, 25 skipped.\n")
    }

    @Test func addTakesAGreetingNameAndADueDayInWords() throws {
        let added = try Program.run(
            ["add", "Doe, Jane", "--greeting", "Janie", "--due", "tomorrow", "--phone", "+44 20 5555 0101",
             "--store", store], home: home)
        #expect(added.status == 0, "\(added.stderr)")
        let export = try Program.run(["export", "--store", store], home: home)
        #expect(export.stdout.contains(#""greetingName" : "Janie""#), "\(export.stdout)")
        let tomorrow = CalendarDay(containing: Date(), in: .current).adding(days: 1)
        #expect(export.stdout.contains(#""nextCallDay" : "\#(tomorrow)""#))
    }

    @Test func aDryRunWritesNothing() throws {
        let csv = try Fixture.write("hubspot-contacts.csv", to: home)
        let result = try Program.run(["import", "--dry-run", "--store", store, csv], home: home)
        #expect(result.status == 0)
        #expect(result.stdout == "Would import 10 rows: 10 added, 0 updated, 0 skipped.\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// Importing the same file twice changes nobody, and the summary says so rather than
    /// "updated"; rows that put someone on the do-not-call list are counted apart.
    @Test func theSummarySaysWhoWasAlreadyThereAndWhoIsNeverCalled() throws {
        let csv = try Fixture.write("hubspot-contacts.csv", to: home)
        #expect(try Program.run(["import", "--store", store, csv], home: home).status == 0)
        let again = try Program.run(["import", "--dry-run", "--store", store, csv], home: home)
        #expect(again.stdout == "Would import 10 rows: 0 added, 0 updated, 10 already there as they are, 0 skipped.\n")

        let list = home.appendingPathComponent("list.csv")
        try "name,phone,DoNotCall\nDora Never,+1 555 0777,true\nAnna de Vries,+31 20 555 0101,yes\nNew Nel,+31 20 555 0999,\n"
            .write(to: list, atomically: true, encoding: .utf8)
        let marked = try Program.run(["import", "--store", store, list.path], home: home)
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(marked.stdout
            == "Imported 3 rows: 2 added, 1 updated, 0 skipped; 2 on the do-not-call list, never queued.\n")
    }

    @Test func exitCodesFollowSysexits() throws {
        let usage = try Program.run(["today", "--format", "yaml", "--store", store], home: home)
        #expect(usage.status == 64)
        let badDate = try Program.run(["add", "X", "--due", "2026-02-30", "--store", store], home: home)
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--due 2026-02-30 is not a date; use YYYY-MM-DD, today, tomorrow, yesterday or a weekday such as fri."))
        let badDay = try Program.run(["today", "--date", "2026-02-30", "--store", store], home: home)
        #expect(badDay.status == 64)
        #expect(badDay.stderr.contains("--date 2026-02-30 is not a date; use YYYY-MM-DD, today, tomorrow, yesterday or a weekday such as fri."))
        let badReview = try Program.run(["review", "--date", "2026-02-30", "--store", store], home: home)
        #expect(badReview.status == 64)
        #expect(badReview.stderr.contains("--date 2026-02-30 is not a date; use YYYY-MM-DD, today, tomorrow, yesterday or a weekday such as fri."))
        let badMap = try Program.run(["import", "x.csv", "--map", "Naam=nickname", "--store", store], home: home)
        #expect(badMap.status == 64)
        let missing = try Program.run(["import", home.appendingPathComponent("nope.csv").path, "--store", store], home: home)
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("callboard: "))
        #expect(missing.stderr.contains("nope.csv does not exist."))
        let folder = try Program.run(["import", home.path, "--store", store], home: home)
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("is a folder; give the CSV file inside it."))
        let file = home.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let fileAsStore = try Program.run(["today", "--store", file.path], home: home)
        #expect(fileAsStore.status == 66)
        #expect(fileAsStore.stderr.contains("not-a-folder is a file, not a folder."))
        #expect(try Program.run(["add", "Anna", "--phone", "020 555 0101", "--store", file.path], home: home).status == 73)
        let dashboard = try Program.run(["--store", file.path], home: home)
        #expect(dashboard.status == 73)
        #expect(dashboard.stderr.contains("is a file, not a folder"))
        #expect(try Program.run(["add", "Anna", "--phone", "020 555 0101", "--store", store], home: home).status == 0)
        let noOutputFolder = try Program.run(["export", "--store", store, "--output", "/nonexistent/x.json"], home: home)
        #expect(noOutputFolder.status == 73)
    }

    @Test func aLockedStoreIsExitCode75() throws {
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let fd = open(store + "/.lock", O_RDWR | O_CREAT, 0o600)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let result = try Program.run(["add", "Anna", "--phone", "123456", "--store", store], home: home)
        #expect(result.status == 75)
        #expect(result.stderr.contains("in use by another callboard"))
        #expect(result.stderr.contains("today, review and export, still work."))
        let csv = try Fixture.write("salesforce-leads.csv", to: home)
        let imported = try Program.run(["import", "--store", store, csv], home: home)
        #expect(imported.status == 75)
        #expect(imported.stdout.isEmpty)  // no "Imported ..." before the failure
    }

    @Test func addNeedsAPlausiblePhoneOrEmailLikeImport() throws {
        let nothing = try Program.run(["add", "Anna", "--store", store], home: home)
        #expect(nothing.status == 65)
        #expect(nothing.stderr.contains("a phone number or an email address is needed to reach them (--phone or --email). Nothing was added."))
        let letters = try Program.run(["add", "Anna", "--phone", "abc", "--store", store], home: home)
        #expect(letters.status == 65)
        #expect(letters.stderr.contains("--phone: “abc” is not a phone number"))
        let mail = try Program.run(["add", "Anna", "--email", "anna@", "--store", store], home: home)
        #expect(mail.status == 65)
        #expect(mail.stderr.contains("--email: “anna@” is not an email address"))
        let blank = try Program.run(["add", " ", "--phone", "020 555 0101", "--store", store], home: home)
        #expect(blank.status == 65)
        #expect(!FileManager.default.fileExists(atPath: store))
        let fine = try Program.run(["add", "Anna", "--phone", "+31 20 555 0101 ext. 4", "--store", store], home: home)
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func aColleagueOnTheSameSwitchboardIsAddedButTheSamePersonIsNot() throws {
        #expect(try Program.run(["add", "Sam", "--phone", "(555) 010-0105", "--email", "sam@acme.example", "--store", store], home: home).status == 0)
        let colleague = try Program.run(["add", "Noah", "--phone", "555 010 0105", "--email", "noah@acme.example", "--store", store], home: home)
        #expect(colleague.status == 0, "\(colleague.stderr)")
        let again = try Program.run(["add", "Sam O.", "--phone", "555.010.0105", "--store", store], home: home)
        #expect(again.status == 65, "a shortened name on the same number, with no email to tell them apart")
        let moved = try Program.run(
            ["add", "sam", "--phone", "555 010 0105", "--email", "sam@newjob.example", "--store", store], home: home)
        #expect(moved.status == 65, "the same name on the same number is the same person, whatever the email")
        let desk = try Program.run(["add", "Front Desk", "--phone", "555 010 0105", "--store", store], home: home)
        #expect(desk.status == 0, "another name on a shared number is someone else: \(desk.stderr)")
    }

    @Test func anImportWhereEveryRowIsBadImportsNothingAndSaysSo() throws {
        let bad = home.appendingPathComponent("bad.csv")
        try Data("name,phone\nA,abc\nB,\nC,12\n".utf8).write(to: bad)
        let result = try Program.run(["import", "--skip-invalid", "--store", store, bad.path], home: home)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Nothing was imported: every row has a problem"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aFileWithOnlyAHeaderLineIsAnErrorNotAnEmptySuccess() throws {
        let empty = home.appendingPathComponent("header-only.csv")
        try Data("First name,Last name,Email\r\n".utf8).write(to: empty)
        let result = try Program.run(["import", "--store", store, empty.path], home: home)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no rows of prospects"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func themesMarksTheThemeGivenForTheRun() throws {
        let result = try Program.run(["--theme", "light", "themes"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("* light"))
        #expect(result.stdout.contains("  dark"))
    }

    @Test func configWarnsAboutAThemeThatDoesNotExist() throws {
        let folder = home.appendingPathComponent("config/callboard")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{ "theme": "solarised" }"#.utf8).write(to: folder.appendingPathComponent("config.json"))
        let result = try Program.run(["config"], home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning:"))
        #expect(result.stderr.contains("no theme named \"solarised\" (themes: dark, light"))
    }

    @Test func helpShowsGenerateAndDemoTakesNoStore() throws {
        let help = try Program.run(["--help"], home: home)
        #expect(help.stdout.contains("generate"))
        let demoHelp = try Program.run(["demo", "--help"], home: home)
        #expect(demoHelp.stdout.contains("USAGE: callboard demo [--keep] [--theme <theme>]\n"))
        #expect(demoHelp.stdout.contains("temporary folder"))
        let demo = try Program.run(["demo", "--store", store, "--prepare-only"], home: home)
        #expect(demo.status == 64)
        #expect(demo.stderr.contains("leave out --store"))
    }

    @Test func aBadConfigurationNamesFileAndKey() throws {
        let folder = home.appendingPathComponent("config/callboard")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{ // mine\n \"dailyCallGoal\": 0, }".utf8).write(to: folder.appendingPathComponent("config.json"))
        let result = try Program.run(["config"], home: home)
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.json: the value of \"dailyCallGoal\" is not allowed; it must be a whole number from 1 to 1000."))
        try Data("{ \"dailyCallGoal\": 25, \"colour\": 1 }".utf8).write(to: folder.appendingPathComponent("config.json"))
        let fine = try Program.run(["config"], home: home)
        #expect(fine.status == 0)
        #expect(fine.stdout.contains("\"dailyCallGoal\": 25"))
        #expect(fine.stderr.contains("warning:") && fine.stderr.contains("\"colour\""))
    }

    @Test func exportWritesAPrivateFile() throws {
        let csv = try Fixture.write("hubspot-contacts.csv", to: home)
        #expect(try Program.run(["import", "--store", store, csv], home: home).status == 0)
        let output = home.appendingPathComponent("prospects.csv").path
        let result = try Program.run(["export", "--format", "csv", "--store", store, "--output", output], home: home)
        #expect(result.status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).components(separatedBy: "\r\n").count == 12)
    }

    @Test func demoWritesOnlyInsideItsTemporaryFolder() throws {
        let result = try Program.run(["demo", "--prepare-only"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = result.stdout.trimmingCharacters(in: .newlines)
        #expect(folder.hasPrefix(home.appendingPathComponent("tmp").path + "/callboard-demo-"))
        // Nothing but the temporary folder appeared in the home directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).sorted() == ["tmp"])
        let today = try Program.run(["today", "--store", folder, "--format", "json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any]
        #expect((object?["queue"] as? [Any])?.isEmpty == false)
    }

    @Test func generateIsDeterministic() throws {
        let a = home.appendingPathComponent("a").path, b = home.appendingPathComponent("b").path
        #expect(try Program.run(["generate", "--store", a, "--prospects", "50", "--calls", "120", "--seed", "3"], home: home).status == 0)
        #expect(try Program.run(["generate", "--store", b, "--prospects", "50", "--calls", "120", "--seed", "3"], home: home).status == 0)
        let left = try snapshot(URL(fileURLWithPath: a)).filter { !$0.key.hasPrefix(".lock") }
        let right = try snapshot(URL(fileURLWithPath: b)).filter { !$0.key.hasPrefix(".lock") }
        #expect(Set(left.keys) == Set(right.keys))
        // The months' call rows record when their day files were written; the rows are the same.
        for (name, data) in left {
            if name.contains(".calls.json") {
                #expect(try rowsWithoutDayFiles(data) == rowsWithoutDayFiles(right[name] ?? Data()), "\(name)")
            } else {
                #expect(data == right[name], "\(name)")
            }
        }
        #expect(left.keys.contains { $0.hasPrefix("calls/") })
        let again = try Program.run(["generate", "--store", a, "--prospects", "5", "--calls", "5"], home: home)
        #expect(again.status == 73)
    }

    @Test func addingSomeoneTwiceIsRefusedAndHostileNamesReachNoTerminal() throws {
        let csv = home.appendingPathComponent("evil.csv")
        try Data("name,email\n\"Eve\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\",eve@example.com\n".utf8).write(to: csv)
        #expect(try Program.run(["import", "--store", store, csv.path], home: home).status == 0)
        let twice = try Program.run(["add", "Eve Again", "--email", "EVE@example.com", "--store", store], home: home)
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("already has that email or phone; nothing was added."))
        let today = try Program.run(["today", "--store", store], home: home)
        #expect(today.status == 0)
        #expect(today.stdout.contains("Eve]52;c;cHduZWQ=[2J"))
        #expect(!today.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
