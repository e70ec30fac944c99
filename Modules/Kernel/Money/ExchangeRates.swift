public import Foundation

/// Rates between currencies: how many units of each currency one unit of a common base buys. Used to normalize
/// amounts in many currencies to a tenant's home currency for reporting; stored amounts keep their own currency.
public struct ExchangeRates: Sendable, Equatable {
    public let rates: [Currency: Decimal]

    public init(rates: [Currency: Decimal]) { self.rates = rates }

    public static let none = ExchangeRates(rates: [:])

    /// `amount` in `currency`, rounded half away from zero to its minor unit; `nil` when a rate is missing.
    public func convert(_ amount: Money, to currency: Currency) -> Money? {
        if amount.currency == currency { return amount }
        guard let from = rates[amount.currency], let to = rates[currency], from > 0 else { return nil }
        var exact = Decimal(amount.minorUnits) / Self.scale(amount.currency) / from * to * Self.scale(currency)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: currency)
    }

    private static func scale(_ currency: Currency) -> Decimal { currency.minorUnitDigits == 0 ? 1 : 100 }
}

/// Where the current rates come from; the operator may change them while the server runs.
public protocol ExchangeRateSource: Sendable {
    func current() -> ExchangeRates
}

extension ExchangeRates: ExchangeRateSource {
    public func current() -> ExchangeRates { self }
}
