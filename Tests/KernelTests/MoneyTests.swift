import Kernel
import Testing

@Suite struct MoneyTests {
    @Test func onlyAllowlistedCurrenciesExist() {
        #expect(Currency.supportedCodes.count == 31)
        #expect(Currency(rawValue: "EUR") != nil)
        #expect(Currency(rawValue: "eur") == nil)
        #expect(Currency(rawValue: "BTC") == nil)
        #expect(Currency(rawValue: "JPY")?.minorUnitDigits == 0)
        #expect(Currency.usd.minorUnitDigits == 2)
    }

    @Test func amountsAddInMinorUnits() {
        let eur = Currency(rawValue: "EUR")!
        #expect(Money(minorUnits: 1_999, currency: eur) + Money(minorUnits: 1, currency: eur) == Money(minorUnits: 2_000, currency: eur))
    }
}
