import Foundation
import Kernel
import Testing

@Suite struct CurrencyConverterTests {
    static let eur = Currency(rawValue: "EUR")!
    static let jpy = Currency(rawValue: "JPY")!
    static let gbp = Currency(rawValue: "GBP")!

    /// The conversion as plain `Decimal` arithmetic, which the integer path must reproduce exactly.
    static func decimal(_ minorUnits: Int64, from: (Currency, Decimal), to: (Currency, Decimal)) -> Int64 {
        func scale(_ currency: Currency) -> Decimal { currency.minorUnitDigits == 0 ? 1 : 100 }
        var exact = Decimal(minorUnits) / scale(from.0) / from.1 * to.1 * scale(to.0)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    @Test func integerConversionEqualsDecimalArithmetic() throws {
        let rateTexts = ["1", "0.92", "1.0837", "3", "7", "0.5", "2", "155.123456789", "0.000123", "12345678901234567890.123"]
        let rates = rateTexts.map { Decimal(string: $0)! }
        let currencies: [Currency] = [.usd, Self.eur, Self.jpy, Self.gbp]
        var amounts: [Int64] = [0, 1, -1, 5, -5, 15, 99, 100, 101, 150, -150, 12_345, 1_000_001, Int64.max / 7, Int64.min / 3, .max, .min + 1]
        amounts += (0..<400).map { Int64($0) * 50_021 - 10_000_000 }
        for (fromIndex, fromRate) in rates.enumerated() {
            for toRate in rates {
                let from = currencies[fromIndex % currencies.count]
                let to = currencies[(fromIndex + 1) % currencies.count]
                let table = ExchangeRates(rates: [from: fromRate, to: toRate])
                let converter = try #require(table.converter(from: from, to: to))
                for amount in amounts where amount.magnitude < 1 << 62 || fromRate == toRate {
                    #expect(converter.convert(amount) == Self.decimal(amount, from: (from, fromRate), to: (to, toRate)), "\(amount) \(from) at \(fromRate) → \(to) at \(toRate)")
                }
            }
        }
    }

    @Test func halfwayAmountsRoundAwayFromZero() throws {
        // 1 USD buys 0.5 EUR: a US cent is half a euro cent, exactly a tie.
        let converter = try #require(ExchangeRates(rates: [.usd: 1, Self.eur: Decimal(string: "0.5")!]).converter(from: .usd, to: Self.eur))
        #expect(converter.convert(1) == 1 && converter.convert(-1) == -1 && converter.convert(3) == 2 && converter.convert(-3) == -2)
    }

    @Test func aMissingRateHasNoConverterButTheSameCurrencyAlwaysDoes() {
        let table = ExchangeRates(rates: [.usd: 1])
        #expect(table.converter(from: Self.eur, to: .usd) == nil)
        #expect(table.converter(from: Self.eur, to: Self.eur)?.convert(-42) == -42)
        #expect(ExchangeRates(rates: [.usd: 1, Self.eur: 0]).converter(from: Self.eur, to: .usd) == nil)
    }
}
