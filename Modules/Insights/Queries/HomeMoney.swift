import Kernel

/// Money of many currencies as one home-currency amount, with the operator's rates of the moment. Each currency's
/// total is converted once (rounded half away from zero); a currency without a rate is left out and remembered, so
/// the response can say which amounts it could not include.
final class HomeMoney {
    let home: Currency
    private let rates: ExchangeRates
    private(set) var unconverted: Set<Currency> = []

    init(home: Currency, rates: ExchangeRates) {
        self.home = home
        self.rates = rates
    }

    func cents(_ counters: CounterSet, _ metric: Metric) -> Int64 {
        counters.amounts(metric).reduce(0) { total, amount in
            guard let converted = rates.convert(amount, to: home) else {
                unconverted.insert(amount.currency)
                return total
            }
            return total + converted.minorUnits
        }
    }

    /// `homeCurrency`, and `unconvertedCurrencies` when some amount had no rate: members every money response ends with.
    var members: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("homeCurrency", .string(home.rawValue))]
        if !unconverted.isEmpty { members.append(("unconvertedCurrencies", .array(unconverted.sorted().map { .string($0.rawValue) }))) }
        return members
    }
}
