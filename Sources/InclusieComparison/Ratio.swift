/// A ratio of two counts, kept exact so that shares and similarity scores round the same way in every format.
///
/// Rounding is done on integers (half up), so a table cell and the JSON number never disagree in the
/// last decimal.
public struct Ratio: Hashable, Sendable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The ratio times 10^places, rounded half up; nil when there is nothing to divide by.
    public func scaled(places: Int) -> Int? {
        guard denominator > 0, numerator >= 0 else { return nil }
        // In full width, so counts of any size round correctly instead of trapping on overflow.
        let divisor = UInt(denominator)
        let product = UInt(numerator).multipliedFullWidth(by: UInt(Self.power(places)))
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = quotient.addingReportingOverflow(remainder >= divisor - remainder ? 1 : 0)
        guard !rounded.overflow, rounded.partialValue <= UInt(Int.max) else { return nil }
        return Int(rounded.partialValue)
    }

    /// The ratio as a number rounded to `places` decimals, for JSON; nil when there is nothing to divide by.
    public func value(places: Int = 3) -> Double? {
        scaled(places: places).map { Double($0) / Double(Self.power(places)) }
    }

    /// The ratio written with a decimal point, e.g. `0.429`; nil when there is nothing to divide by.
    public func decimalText(places: Int = 3) -> String? {
        guard let scaled = scaled(places: places) else { return nil }
        let (whole, fraction) = scaled.quotientAndRemainder(dividingBy: Self.power(places))
        guard places > 0 else { return String(whole) }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// Compares exactly, by cross-multiplying; a ratio with nothing to divide by is less than any other.
    public func isLess(than other: Ratio) -> Bool {
        guard other.denominator > 0 else { return false }
        guard denominator > 0 else { return true }
        let left = numerator.multipliedFullWidth(by: other.denominator)
        let right = other.numerator.multipliedFullWidth(by: denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    private static func power(_ places: Int) -> Int {
        (0..<min(max(0, places), 18)).reduce(1) { value, _ in value * 10 }
    }
}
