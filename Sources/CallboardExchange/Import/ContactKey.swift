import Foundation

/// How two rows are recognised as the same person: the same email (ignoring case), or
/// the same phone number once spaces, dashes, dots and parentheses are gone.
public enum ContactKey {
    public static func email(_ email: String) -> String? {
        let key = email.trimmingCharacters(in: .whitespaces).lowercased()
        return key.isEmpty ? nil : key
    }

    public static func phone(_ phone: String) -> String? {
        let key = String(phone.filter { $0.isNumber || $0 == "+" })
        // A handful of digits is an extension or junk, not a number to match on.
        return key.filter(\.isNumber).count >= 5 ? key : nil
    }

    /// A plausible address: one "@", something before it, a dot in the domain, no spaces.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !email.contains(where: \.isWhitespace)
        else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
