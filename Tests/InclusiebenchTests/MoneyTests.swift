import InclusieModel
import InclusiePlugins
import Testing

@Suite struct MoneyTests {
    @Test func parsesEurosExactly() throws {
        #expect(try Money.parseEuros("90000") == Money(cents: 9_000_000))
        #expect(try Money.parseEuros("23200.5") == Money(cents: 2_320_050))
        #expect(try Money.parseEuros("0.1") == Money(cents: 10))
    }

    @Test func rejectsWhatIsNotAnAmount() {
        #expect(throws: Money.ParseError.negative) { try Money.parseEuros("-5") }
        #expect(throws: Money.ParseError.notANumber) { try Money.parseEuros("veel") }
        #expect(throws: Money.ParseError.notANumber) { try Money.parseEuros("90.000,00") }
        #expect(throws: Money.ParseError.tooManyDecimals) { try Money.parseEuros("1.234") }
    }

    @Test func formatsForDutchAndEnglishReaders() {
        #expect(Money.euros(200_000).formatted(.nl) == "€ 200.000")
        #expect(Money.euros(200_000).formatted(.en) == "€200,000")
        #expect(Money(cents: 2_320_050).formatted(.nl) == "€ 23.200,50")
        #expect(Money(cents: 93).plainEuros(decimalSeparator: ",") == "0,93")
    }

    /// The one way every plugin writer (draft, the review, the synthetic plugins) writes euros, and reads
    /// back to the same amount.
    @Test func writesEurosAsPluginsDo() throws {
        #expect(Money.euros(23_200).pluginEuros == "23200")
        #expect(Money(cents: 2_320_050).pluginEuros == "23200.50")
        #expect(Money(cents: 5).pluginEuros == "0.05")
        #expect(Money(cents: -150).pluginEuros == "-1.50")
        #expect(try Money.parseEuros(Money(cents: 2_320_050).pluginEuros) == Money(cents: 2_320_050))
    }
}
