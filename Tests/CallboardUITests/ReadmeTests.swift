import CallboardUI
import Foundation
import Testing

/// The README and the pages in docs/ say what the code does: the key tables of
/// docs/keys.md are generated from the keymap, the keys the README names are the
/// keymap's, and no link points at a file or a heading that is not there.
@Suite("README and docs")
struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let keysPage = root.appendingPathComponent("docs/keys.md")
    static let regenerate = "CALLBOARD_UPDATE_DOCS=1 swift test --filter ReadmeTests"
    /// The lines around the generated part of docs/keys.md.
    static let generatedStart =
        "<!-- Generated from Keymap.markdownTables() in Sources/CallboardUI/Keymap.swift: do not edit by hand. Regenerate with `\(regenerate)`. -->"
    static let generatedEnd = "<!-- End of the generated key tables. -->"

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The text between the markers, without the blank lines that set it apart.
    static func generatedPart(of page: String) -> Range<String.Index>? {
        guard let start = page.range(of: generatedStart),
            let end = page.range(of: generatedEnd, range: start.upperBound..<page.endIndex)
        else { return nil }
        return start.upperBound..<end.lowerBound
    }

    @Test("docs/keys.md's key tables are the keymap the dashboard runs on")
    func keyTablesAreTheKeymap() throws {
        let page = Self.read(Self.keysPage)
        let range = try #require(
            Self.generatedPart(of: page),
            "docs/keys.md needs the lines \(Self.generatedStart) and \(Self.generatedEnd) around its key tables")
        let tables = Keymap.markdownTables()
        let body = "\n\n" + tables + "\n"
        guard page[range] != body else { return }
        if ProcessInfo.processInfo.environment["CALLBOARD_UPDATE_DOCS"] == "1" {
            var updated = page
            updated.replaceSubrange(range, with: body)
            try updated.write(to: Self.keysPage, atomically: true, encoding: .utf8)
            return
        }
        Issue.record(
            """
            docs/keys.md is out of step with Keymap in Sources/CallboardUI/Keymap.swift. \
            Rewrite its generated tables with: \(Self.regenerate)
            """)
    }

    @Test("the keys the README names do what the keymap says")
    func readmeKeysAreKeymapKeys() throws {
        let readme = Self.read(Self.root.appendingPathComponent("README.md"))
        let start = try #require(readme.range(of: "\n## The keys that matter\n"), "the README's keys section")
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count >= 10)
        let keymapRows = Set(Keymap.markdownTables().split(separator: "\n"))
        for row in rows {
            #expect(keymapRows.contains(row), "\(row) is no row of the keymap (see docs/keys.md)")
        }
    }

    @Test("every relative link in the README and docs/ points at a file and heading that are there")
    func linksResolve() throws {
        let docs = Self.root.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(pages.contains("keys.md"))
        let readme = Self.read(Self.root.appendingPathComponent("README.md"))
        for page in pages {
            #expect(readme.contains("](docs/\(page))"), "the README does not link docs/\(page)")
        }
        let files = [Self.root.appendingPathComponent("README.md")] + pages.map { docs.appendingPathComponent($0) }
        let link = /\]\(([^)\s]+)\)/
        for file in files {
            for match in Self.read(file).matches(of: link) {
                let target = String(match.1)
                if target.hasPrefix("#") || target.contains("://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
                let resolved = file.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                guard FileManager.default.fileExists(atPath: resolved.path) else {
                    Issue.record("\(file.lastPathComponent) links to \(target), which is not there")
                    continue
                }
                if parts.count == 2, resolved.pathExtension == "md" {
                    #expect(
                        Self.anchors(of: Self.read(resolved)).contains(parts[1]),
                        "\(file.lastPathComponent) links to \(target), but \(parts[0]) has no such heading")
                }
            }
        }
    }

    /// The anchors GitHub gives a page's headings: lower case, spaces as hyphens,
    /// punctuation left out.
    static func anchors(of page: String) -> Set<String> {
        Set(page.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
            return kept.replacingOccurrences(of: " ", with: "-")
        })
    }
}
