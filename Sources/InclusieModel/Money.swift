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
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
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
        var text = language.grouped(abs(whole))
        if fraction != 0 { text += decimal + twoDigits(abs(fraction)) }
        let sign = cents < 0 ? "-" : ""
        return language == .nl ? "€ \(sign)\(text)" : "\(sign)€\(text)"
    }

    /// For spreadsheets: euros with two decimals and no grouping, with the given decimal separator.
    public func plainEuros(decimalSeparator: String) -> String {
        let (whole, fraction) = abs(cents).quotientAndRemainder(dividingBy: 100)
        return (cents < 0 ? "-" : "") + "\(whole)\(decimalSeparator)\(twoDigits(fraction))"
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

private func isASCIIDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
}
