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

    /// The unit a table states for its bare figures: `(x € 1.000)` is a thousand euros, `x € 1 mln` a
    /// million, `in euro's` one euro; nil when it states none. Whole cents, with the words it was read from.
    public static func unit(in text: String) -> (cents: Int, words: String)? {
        let lowered = text.lowercased()
        let patterns: [(String, Int)] = [
            (#"x\s*€?\s*1\.?000\.?000|x\s*€?\s*1\s*(mln|miljoen)|in\s+miljoenen"#, 100_000_000),
            (#"x\s*€?\s*1[\. ]?000(?![\.\d])|in\s+duizenden|x\s*€?\s*1\s*duizend"#, 100_000),
            (#"bedragen\s+in\s+(euro|€)"#, 100),
        ]
        for (pattern, cents) in patterns {
            if let range = lowered.range(of: pattern, options: .regularExpression) {
                return (cents, String(lowered[range]))
            }
        }
        return nil
    }

    /// An amount a person typed in a form: `23200`, `23.200`, `€ 23.200,50`, `1,7 miljoen`, `200K`; the
    /// whole text must be the amount, and it must not be negative.
    public static func typedAmount(_ text: String) -> Money? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let written = trimmed.hasPrefix("€") ? trimmed : "€ " + trimmed
        let found = amounts(in: written)
        if found.count == 1, found[0].text == written { return found[0].money }
        return bareAmount(trimmed, unit: (cents: 100, words: "euro"))
    }

    /// A table cell of bare figures (`412`, `1.250`, `-377`) times the table's unit; nil for anything else
    /// and for a negative figure (a saldo or a cut, not an amount spent).
    public static func bareAmount(_ cell: String, unit: (cents: Int, words: String)) -> Money? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard trimmed.range(of: #"^\d{1,3}(\.\d{3})*$|^\d+$"#, options: .regularExpression) != nil,
            let value = Int(trimmed.replacingOccurrences(of: ".", with: ""))
        else { return nil }
        let (cents, overflow) = value.multipliedReportingOverflow(by: unit.cents)
        guard !overflow, cents <= 100_000_000_000_00 else { return nil }
        return Money(cents: cents)
    }

    /// The years a text schedules something for: a year or range right after `in`, `vanaf`, `voor`, `tot`,
    /// `uiterlijk`, `eind`, `begin`, `medio` … in a sentence that is not about the past ("In 2016 is het
    /// VN-verdrag …", "sinds 2020") and not a date ("14 maart 2025"). Years that only give context are not
    /// an item's active years.
    public static func scheduledYears(in text: String) -> [Int] {
        let past = #"\b(sinds|werd|werden|was|waren|trad|traden|geleden|heeft|hebben|is|zijn)\b"#
        var years: [Int] = []
        for sentence in text.components(separatedBy: CharacterSet(charactersIn: ".!?;\n")) {
            let lowered = sentence.lowercased()
            for match in yearMatches(in: sentence) {
                let before = lowered[..<match.start].split(separator: " ").suffix(2).map(String.init)
                let scheduled = before.last.map { ["in", "vanaf", "voor", "vóór", "tot", "t/m", "met", "uiterlijk", "eind", "begin", "medio", "na", "per", "jaar"].contains($0) } ?? false
                let isDate = before.last.map { months.contains($0) } ?? false
                guard scheduled || match.years.count > 1, !isDate else { continue }
                // "In 2016 is het verdrag …", "in 2023 heeft de raad … vastgesteld": a year followed by a past tense.
                let after = lowered[match.start...].split(separator: " ").dropFirst().prefix(1).joined()
                if after.range(of: past, options: .regularExpression) != nil || isPast(lowered) { continue }
                years += match.years
            }
        }
        return years
    }

    /// A sentence in a past tense: "sinds", "werd", "trad" …, or a perfect tense ("heeft … vastgesteld", "is
    /// … in werking getreden") whose participle ends the sentence.
    private static func isPast(_ lowered: String) -> Bool {
        let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        if words.contains(where: { ["sinds", "werd", "werden", "was", "waren", "trad", "traden", "geleden"].contains($0) }) { return true }
        guard words.contains(where: { ["heeft", "hebben", "is", "zijn"].contains($0) }), let last = words.last else { return false }
        return last.range(of: #"^(vast|op|in|aan|af|uit|mee|door|over|toe|vrij|bij|voor|na|om|weg|terug)?ge[a-z]+(d|t|en)$"#, options: .regularExpression) != nil
    }

    private static let months: Set<String> = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december",
    ]
}
