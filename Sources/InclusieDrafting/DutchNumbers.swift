import Foundation
import InclusieModel

/// An amount of money found in a text, with the exact words it was read from.
public struct FoundAmount: Hashable, Sendable {
    public var money: Money
    /// The amount as the document writes it, e.g. `€ 23.200,-` or `1,7 miljoen`.
    public var text: String
    /// Where the amount starts in the text searched, so a year written just before it can be tied to it.
    public var start: String.Index
    /// Where the amount ends in the text searched, so a year after it can be tied to it.
    public var end: String.Index
}

/// Reads amounts and years in Dutch notation: `€ 1.700.000`, `€ 23.200,-`, `1,7 miljoen`, `200K`, `2024-2026`.
///
/// Amounts become whole cents without passing through floating point, so `1,7 miljoen` is exactly 170,000,000 cents.
public enum DutchNumbers {
    // One pattern with the euro sign optional, then digits with dot thousands, an optional decimal part
    // (",50" or ",-"), and an optional multiplier word or K.
    private static let amountPattern = try! NSRegularExpression(
        pattern:
            #"(€\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?(?:\s?(miljoen|mln\.?|miljard|duizend|[kK])(?![\p{L}\d]))?"#)
    private static let yearPattern = try! NSRegularExpression(
        pattern: #"(?<![\d.,€])((?:19[89]|20[0-4])\d)(?:\s?(?:-|–|t/m|tot en met)\s?((?:19[89]|20[0-4])\d))?(?!\d|[.,]\d)"#)

    /// Every amount in `text`. A bare number counts only with a euro sign or a multiplier, so years and counts are not money.
    public static func amounts(in text: String) -> [FoundAmount] {
        let range = NSRange(text.startIndex..., in: text)
        return amountPattern.matches(in: text, range: range).compactMap { match in
            func group(_ index: Int) -> String? {
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            let hasEuro = group(1) != nil
            let multiplierWord = group(4)?.lowercased()
            guard hasEuro || multiplierWord != nil, let digits = group(2), let whole = Range(match.range, in: text)
            else { return nil }
            if multiplierWord != nil && !hasEuro && group(3) == nil && digits.count >= 4 && (1980...2049).contains(Int(digits) ?? 0) {
                return nil
            }
            guard let integer = Int(digits.replacingOccurrences(of: ".", with: "")) else { return nil }
            var fraction = group(3) ?? ""
            if fraction.hasPrefix("-") { fraction = "" }
            let multiplier: Int =
                switch multiplierWord {
                case "miljoen", "mln", "mln.": 1_000_000
                case "miljard": 1_000_000_000
                case "duizend", "k": 1_000
                default: 1
                }
            // Cents = (integer + fraction) × multiplier × 100, in integers: the fraction's digits over 10^count.
            let fractionValue = Int(fraction) ?? 0
            let fractionScale = fraction.isEmpty ? 1 : (fraction.count == 1 ? 10 : 100)
            let (scaled, overflow) = integer.multipliedReportingOverflow(by: multiplier * 100)
            guard !overflow, scaled <= 100_000_000_000_00 else { return nil }
            let cents = scaled + fractionValue * multiplier * 100 / fractionScale
            let written = String(text[whole]).trimmingCharacters(in: .whitespaces)
            return FoundAmount(money: Money(cents: cents), text: written, start: whole.lowerBound, end: whole.upperBound)
        }
    }

    /// The years `text` names, ranges expanded (`2024-2026` is 2024, 2025 and 2026), in order of appearance.
    public static func years(in text: String) -> [Int] {
        yearMatches(in: text).flatMap(\.years)
    }

    /// Years with where they stand, so an amount can take the years written right after it.
    static func yearMatches(in text: String) -> [(years: [Int], start: String.Index)] {
        let range = NSRange(text.startIndex..., in: text)
        return yearPattern.matches(in: text, range: range).compactMap { match in
            guard let first = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                let whole = Range(match.range, in: text)
            else { return nil }
            let last = Range(match.range(at: 2), in: text).flatMap { Int(text[$0]) } ?? first
            guard last >= first, last - first <= 20 else { return ([first], whole.lowerBound) }
            return (Array(first...last), whole.lowerBound)
        }
    }
}
