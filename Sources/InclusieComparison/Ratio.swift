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
        let scale = Self.power(places)
        return (numerator * scale * 2 + denominator) / (2 * denominator)
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
        return numerator * other.denominator < other.numerator * denominator
    }

    private static func power(_ places: Int) -> Int {
        (0..<max(0, places)).reduce(1) { value, _ in value * 10 }
    }
}
