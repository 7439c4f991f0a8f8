import Foundation

/// How two rows are recognised as the same person: the same email (ignoring case), or
/// the same phone number once spaces, dashes, dots and parentheses are gone.
public enum ContactKey {
    public static func email(_ email: String) -> String? {
        let key = email.lowercased()
        return key.isEmpty ? nil : key
    }

    public static func phone(_ phone: String) -> String? {
        var key = String.UnicodeScalarView()
        var digits = 0
        for scalar in phone.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                key.append(scalar)
                digits += 1
            } else if scalar == "+" {
                key.append(scalar)
            }
        }
        // A handful of digits is an extension or junk, not a number to match on.
        return digits >= 5 ? String(key) : nil
    }

    /// A plausible address: one "@", something before it, a dot in the domain, no spaces.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
            !email.unicodeScalars.contains(where: { $0.properties.isWhitespace })
        else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
