import Kernel

/// Money of many currencies as one home-currency amount, with the operator's rates of the moment. Each currency's
/// total is converted once (rounded half away from zero); a currency without a rate is left out and remembered, so
/// the response can say which amounts it could not include.
final class HomeMoney {
    let home: Currency
    private let rates: ExchangeRates
    private(set) var unconverted: Set<Currency> = []
    /// By the currency bits of a money slot, made on first use; `nil` for a currency without a rate. A leaderboard
    /// converts thousands of affiliates' totals, each of which would otherwise look its rates up again.
    private var converters: [UInt32: CurrencyConverter?] = [:]

    init(home: Currency, rates: ExchangeRates) {
        self.home = home
        self.rates = rates
    }

    func cents(_ counters: CounterSet, _ metric: Metric) -> Int64 {
        var total: Int64 = 0
        for (slot, value) in counters.entries where slot >> 16 == UInt32(metric.rawValue) {
            if let converter = converter(forSlot: slot) { total += converter.convert(value) }
        }
        return total
    }

    private func converter(forSlot slot: UInt32) -> CurrencyConverter? {
        let currencyBits = slot & 0xFFFF
        if let known = converters[currencyBits] { return known }
        var converter: CurrencyConverter?
        if let currency = Metric.currency(ofSlot: slot) {
            converter = rates.converter(from: currency, to: home)
            if converter == nil { unconverted.insert(currency) }
        }
        converters[currencyBits] = converter
        return converter
    }

    /// `homeCurrency`, and `unconvertedCurrencies` when some amount had no rate: members every money response ends with.
    var members: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("homeCurrency", .string(home.rawValue))]
        if !unconverted.isEmpty { members.append(("unconvertedCurrencies", .array(unconverted.sorted().map { .string($0.rawValue) }))) }
        return members
    }
}
