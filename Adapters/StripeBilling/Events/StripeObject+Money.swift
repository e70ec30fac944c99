import Kernel

extension StripeObject {
    /// The integer amount at `key` in the object's `currency` (Stripe sends lowercase ISO codes and amounts in the
    /// currency's smallest unit, as `Money` counts them).
    func money(_ key: String) throws(StripeIgnore) -> Money {
        guard let amount = integer(key), amount >= 0, let code = string("currency") else { throw .amountMissing }
        guard let currency = Currency(rawValue: code.uppercased()) else { throw .unsupportedCurrency }
        return Money(minorUnits: amount, currency: currency)
    }

    /// The object's own `id`, which every event's object has.
    func id() throws(StripeIgnore) -> String {
        guard let id = string("id") else { throw .idMissing }
        return id
    }
}
