public import Foundation

/// Rates between currencies: how many units of each currency one unit of a common base buys. Used to normalize
/// amounts in many currencies to a tenant's home currency for reporting; stored amounts keep their own currency.
public struct ExchangeRates: Sendable, Equatable {
    public let rates: [Currency: Decimal]

    public init(rates: [Currency: Decimal]) { self.rates = rates }

    public static let none = ExchangeRates(rates: [:])

    /// `amount` in `currency`, rounded half away from zero to its minor unit; `nil` when a rate is missing.
    public func convert(_ amount: Money, to currency: Currency) -> Money? {
        converter(from: amount.currency, to: currency).map { Money(minorUnits: $0.convert(amount.minorUnits), currency: currency) }
    }

    /// Converts amounts of `source` into `target`, as `convert` does, prepared once for many amounts; `nil` when a
    /// rate is missing.
    public func converter(from source: Currency, to target: Currency) -> CurrencyConverter? {
        if source == target { return CurrencyConverter(identity: source) }
        guard let from = rates[source], let to = rates[target], from > 0 else { return nil }
        return CurrencyConverter(from: (source, from), to: (target, to))
    }
}

/// Where the current rates come from; the operator may change them while the server runs.
public protocol ExchangeRateSource: Sendable {
    func current() -> ExchangeRates
}

extension ExchangeRates: ExchangeRateSource {
    public func current() -> ExchangeRates { self }
}
