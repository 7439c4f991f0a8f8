import CallboardUI
import Foundation
import Testing

@Suite("README")
struct ReadmeTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test("the README's key tables are the keymap the dashboard runs on")
    func keysMatchTheKeymap() {
        #expect(!Self.readme.isEmpty)
        #expect(Self.readme.contains(Keymap.markdown), "regenerate the Keys section from Keymap.markdown")
    }
}
