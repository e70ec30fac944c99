/// Why a Stripe event records nothing. Thrown while reading an object and turned into `BillingFact.ignored`: Stripe
/// gets a 200 either way, since retrying would not change the event.
struct StripeIgnore: Error {
    /// A short snake_case code, answered to Stripe and shown in the dashboard's delivery log.
    let reason: String

    private init(_ reason: String) { self.reason = reason }

    static let eventTypeNotHandled = StripeIgnore("event_type_not_handled")
    static let paymentNotCompleted = StripeIgnore("payment_not_completed")
    static let nothingPaid = StripeIgnore("nothing_paid")
    static let unsupportedCurrency = StripeIgnore("unsupported_currency")
    static let amountMissing = StripeIgnore("amount_missing")
    static let idMissing = StripeIgnore("object_id_missing")
}
