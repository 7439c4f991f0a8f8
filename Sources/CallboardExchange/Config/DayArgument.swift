import Foundation

/// The one wording for a day given on the command line that is not a day, so `add`,
/// `today` and `review` read the same.
public enum DayArgument {
    /// "--date 2026-02-30 is not a date; use YYYY-MM-DD, e.g. 2026-12-03."
    public static func problem(option: String, text: String) -> String {
        "\(option) \(ImportedText.line(text)) is not a date; use YYYY-MM-DD, e.g. 2026-12-03."
    }
}
