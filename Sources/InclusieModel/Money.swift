import Foundation

/// An amount of money in whole euro cents: exact, never floating point.
public struct Money: Hashable, Codable, Sendable, Comparable, AdditiveArithmetic {
    public var cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    public static func euros(_ euros: Int) -> Money { Money(cents: euros * 100) }

    /// Encoded as a bare integer of cents, so JSON consumers get `20000000`, not an object.
    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }

    public static let zero = Money(cents: 0)

    /// The largest amount a plugin may state for one line in one year: € 10 billion.
    ///
    /// Far above any municipal budget, and far enough below `Int.max` cents that sums of millions of such
    /// lines stay exact; a larger figure is a typo (or an attack), refused by `validate`.
    public static let ceiling = Money(cents: 10_000_000_000 * 100)

    /// Adds without trapping: a sum past `Int.max` cents stops at the limit instead of crashing a view.
    ///
    /// Validated plugins never get near the limit (see `ceiling`); saturating only keeps a hand-edited
    /// database from bringing down every later `compare`, `export` and `report`.
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        guard overflow else { return Money(cents: sum) }
        return Money(cents: rhs.cents > 0 ? Int.max : Int.min)
    }

    /// Subtracts without trapping, saturating like `+`.
    public static func - (lhs: Money, rhs: Money) -> Money {
        let (difference, overflow) = lhs.cents.subtractingReportingOverflow(rhs.cents)
        guard overflow else { return Money(cents: difference) }
        return Money(cents: rhs.cents < 0 ? Int.max : Int.min)
    }

    /// The sum, or nil when it would not fit in `Int` cents: for callers that must not show a clipped figure.
    public static func checkedSum(_ amounts: some Sequence<Money>) -> Money? {
        var total = 0
        for amount in amounts {
            let (sum, overflow) = total.addingReportingOverflow(amount.cents)
            if overflow { return nil }
            total = sum
        }
        return Money(cents: total)
    }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Why an amount written in a plugin could not be read.
    public enum ParseError: Error, Equatable {
        case negative
        case notANumber
        case tooManyDecimals
    }

    /// Reads an amount in euros as plugins write it: digits, optionally a decimal point and at most two decimals.
    ///
    /// Parsed from the text itself, so `0.1` is exactly ten cents rather than a binary approximation.
    public static func parseEuros(_ text: String) throws(ParseError) -> Money {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("-") { throw .negative }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholePart = parts.first, !wholePart.isEmpty,
            wholePart.allSatisfy(isASCIIDigit), let whole = Int(wholePart)
        else { throw .notANumber }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(isASCIIDigit) else { throw .notANumber }
            guard fraction.count <= 2 else { throw .tooManyDecimals }
            cents = Int(fraction.count == 1 ? fraction + "0" : fraction) ?? 0
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw .notANumber }
        return Money(cents: product + cents)
    }

    /// For display: `€ 90.000` in Dutch, `€90,000` in English; cents only when there are any.
    public func formatted(_ language: Language) -> String {
        let (whole, fraction) = cents.quotientAndRemainder(dividingBy: 100)
        let decimal = language == .nl ? "," : "."
        var text = language.grouped(Int(whole.magnitude))
        if fraction != 0 { text += decimal + twoDigits(Int(fraction.magnitude)) }
        let sign = cents < 0 ? "-" : ""
        return language == .nl ? "€ \(sign)\(text)" : "\(sign)€\(text)"
    }

    /// For spreadsheets: euros with two decimals and no grouping, with the given decimal separator.
    public func plainEuros(decimalSeparator: String) -> String {
        let (whole, fraction) = cents.magnitude.quotientAndRemainder(dividingBy: 100)
        return (cents < 0 ? "-" : "") + "\(whole)\(decimalSeparator)\(twoDigits(fraction))"
    }

    private func twoDigits(_ value: some BinaryInteger) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

private func isASCIIDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
}
