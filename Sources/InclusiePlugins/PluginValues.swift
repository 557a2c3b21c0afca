import Foundation
import InclusieModel

/// A whole number as plugins write years and counts: decimal digits only.
///
/// Yams reads `0x7E4`, `0o3744` and `2_020` as 2020 when asked for an `Int`; a plugin that writes a year
/// that way is a mistake (or a trick), so the text is read as written and anything but digits is refused.
struct DecimalInt: Decodable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self.parse(text) else {
            throw dataCorrupted(
                at: decoder.codingPath,
                LocalizedText(
                    nl: "'\(text)' is geen geheel getal; schrijf alleen cijfers, zoals 2021",
                    en: "'\(text)' is not a whole number; write digits only, such as 2021"))
        }
        self.value = value
    }

    /// Digits with an optional leading minus, small enough for `Int`; nil for anything else.
    static func parse(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }
}

/// A calendar date written as ISO 8601, `YYYY-MM-DD`, as every date in a plugin must be.
///
/// Dates are compared and sorted as text, and a reference date like "maart 2019" or "garbage" cannot be
/// placed on a timeline; so they are refused where they are written rather than stored.
struct ISODate: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isValid(text) else {
            throw dataCorrupted(
                at: decoder.codingPath,
                LocalizedText(
                    nl: "'\(text)' is geen datum als JJJJ-MM-DD; schrijf bijvoorbeeld 2021-01-01",
                    en: "'\(text)' is not a date as YYYY-MM-DD; write for example 2021-01-01"))
        }
        self.text = text
    }

    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2100).contains(year), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

/// The limits `validate` holds plugin figures to, so that nothing stored can overflow a view.
public enum PluginLimits {
    /// More than the largest Dutch municipality (Amsterdam, under a million) by far; the whole country has
    /// under 18 million inhabitants.
    public static let maximumPopulation = 20_000_000
    /// One line in one year; see `Money.ceiling`.
    public static let maximumAmount = Money.ceiling
}

/// The rule for municipality slugs and folder names: lower-case letters and digits in words joined by `-`.
///
/// Slugs become folder names, keys and parts of file names in exports, so spaces, dots and slashes are
/// kept out (`den haag`, `a..b`, `../x`).
enum SlugRule {
    static func isValid(_ slug: String) -> Bool {
        let words = slug.split(separator: "-", omittingEmptySubsequences: false)
        return !slug.isEmpty && slug.count <= 64
            && words.allSatisfy { word in
                !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    static let advice = LocalizedText(
        nl: "gebruik kleine letters, cijfers en '-', zoals den-haag", en: "use lower-case letters, digits and '-', such as den-haag")
}

/// Text that says nothing: empty, only spaces, or YAML's words for "no value" that were read as text.
///
/// Checked for every required text of every item, so it looks at Unicode scalars itself: the White_Space
/// property is the set Foundation's `.whitespacesAndNewlines` trims, without bridging the text to NSString.
func isBlank(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return true }
    let last = scalars.lastIndex { !$0.properties.isWhitespace } ?? first
    let trimmed = scalars[first...last]
    return trimmed.count <= 4 && YAMLSafety.nullWords.contains(String(trimmed))
}
