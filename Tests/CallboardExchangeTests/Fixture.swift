import Foundation

/// Test files: the sample exports, and private folders to write into.
enum Fixture {
    static func text(_ name: String) throws -> String {
        switch name {
        case "hubspot-contacts.csv": return FixtureFiles.hubspotContacts
        case "salesforce-leads.csv": return FixtureFiles.salesforceLeads
        case "semicolon-export.csv": return FixtureFiles.semicolonExport
        default: throw CocoaError(.fileNoSuchFile)
        }
    }

    /// The fixture written to `folder`, for tests that run the program on a file.
    static func write(_ name: String, to folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(try text(name).utf8).write(to: url)
        return url.path
    }

    /// A fresh private folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("callboard-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
