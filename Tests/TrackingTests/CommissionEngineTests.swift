import Contracts
import Kernel
import Testing

@testable import Tracking

/// Hand-computed expectations for every rule of the engine.
@Suite struct CommissionEngineTests {
    let usd = Currency.usd
    let eur = Currency(rawValue: "EUR")!
    let jpy = Currency(rawValue: "JPY")!
    func money(_ cents: Int64, _ currency: Currency = .usd) -> Money { Money(minorUnits: cents, currency: currency) }

    @Test func eachModelEarnsOnlyWhatItPaysFor() {
        let percent = CommissionRule(type: .percentage, hundredths: 2_000)
        let fixed = CommissionRule(type: .fixed, hundredths: 750)
        let sale = money(9_950, eur)
        let cases: [(ConversionType, CommissionRule, CommissionModel, Money)] = [
            (.oneTime, percent, .cps, money(1_990, eur)),
            (.recurring, percent, .revShare, money(1_990, eur)),  // legacy models behave like Cps
            (.oneTime, fixed, .hybrid, money(750)),  // fixed is paid in the home currency
            (.oneTime, percent, .cpc, money(0, eur)),
            (.oneTime, percent, .cpl, money(0, eur)),
            (.leadReward, fixed, .cpl, money(750)),
            (.leadReward, percent, .cpl, money(0)),  // a percentage of no sale
            (.leadReward, fixed, .cps, money(0)),
            (.clickReward, fixed, .cpc, money(750)),
            (.clickReward, fixed, .cpa, money(0)),
        ]
        for (type, rule, model, expected) in cases {
            #expect(CommissionEngine.commission(for: type, amount: sale, rule: rule, model: model, homeCurrency: usd) == expected, "\(type) \(model)")
        }
    }

    @Test func percentagesRoundHalfUpToTheMinorUnit() {
        let rule = { (hundredths: Int64) in CommissionRule(type: .percentage, hundredths: hundredths) }
        #expect(rule(1_250).commission(on: money(1_004), homeCurrency: usd) == money(126))  // 125.5 → 126
        #expect(rule(1_250).commission(on: money(1_003), homeCurrency: usd) == money(125))  // 125.375 → 125
        #expect(rule(3_333).commission(on: money(1), homeCurrency: usd) == money(0))  // 0.3333 → 0
        #expect(rule(5_000).commission(on: money(1), homeCurrency: usd) == money(1))  // 0.5 → 1
        #expect(rule(10_000).commission(on: money(100_000_000_000), homeCurrency: usd) == money(100_000_000_000))
    }

    @Test func renewalsHonourTheLimitAndTheDelay() {
        func earning(_ months: Int?, delay: Int) -> [Int] {
            (1...8).filter { CommissionEngine.renewalEarns($0, recurringMonths: months, delay: delay) }
        }
        #expect(earning(nil, delay: 0) == [1, 2, 3, 4, 5, 6, 7, 8])  // lifetime
        #expect(earning(0, delay: 0) == [])  // one-time
        #expect(earning(3, delay: 0) == [1, 2, 3])
        #expect(earning(3, delay: 2) == [3, 4, 5])
        #expect(earning(nil, delay: 1) == [2, 3, 4, 5, 6, 7, 8])
        #expect(earning(0, delay: 4) == [])
    }

    @Test func overridesAreAShareOfTheRecruitsCommission() {
        #expect(CommissionEngine.override(of: money(1_980), percentHundredths: 1_000) == money(198))
        #expect(CommissionEngine.override(of: money(1_985), percentHundredths: 1_000) == money(199))  // 198.5 → 199
        #expect(CommissionEngine.override(of: money(1_984), percentHundredths: 1_000) == money(198))
        #expect(CommissionEngine.override(of: money(333, jpy), percentHundredths: 1_550) == money(52, jpy))  // 51.615 → 52
    }

    @Test func refundsKeepTheUnrefundedShare() {
        let original = money(1_980)
        let sale = money(9_900)
        #expect(CommissionEngine.afterRefund(original: original, sale: sale, refunded: money(0)) == original)
        #expect(CommissionEngine.afterRefund(original: original, sale: sale, refunded: money(4_950)) == money(990))
        #expect(CommissionEngine.afterRefund(original: original, sale: sale, refunded: money(3_300)) == money(1_320))
        #expect(CommissionEngine.afterRefund(original: money(1_001), sale: sale, refunded: money(4_950)) == money(501))  // 500.5 → 501
        #expect(CommissionEngine.afterRefund(original: original, sale: sale, refunded: money(9_900)) == money(0))
        #expect(CommissionEngine.afterRefund(original: original, sale: sale, refunded: money(12_000)) == money(0))
    }
}
