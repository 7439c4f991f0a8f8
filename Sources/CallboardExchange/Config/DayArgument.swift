import CallboardCore
import Foundation

/// A day given on the command line: the words the dashboard's next-step field takes
/// (read by the core's ``NextStepParser``), and the one wording for a day that is not one,
/// so `add`, `today` and `review` read the same.
public enum DayArgument {
    /// The words a day may be given in, for help texts.
    public static let words = "YYYY-MM-DD, today, tomorrow, yesterday or a weekday such as fri"

    /// The day `text` means, a weekday name looking `looking` from `today`.
    public static func day(_ text: String, today: CalendarDay, looking: NextStepParser.Looking = .ahead) -> CalendarDay? {
        NextStepParser.day(text, today: today, looking: looking)
    }

    /// "--date 2026-02-30 is not a date; use YYYY-MM-DD, today, tomorrow, yesterday or a
    /// weekday such as fri."
    public static func problem(option: String, text: String) -> String {
        "\(option) \(ImportedText.line(text)) is not a date; use \(words)."
    }
}
