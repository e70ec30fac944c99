import Contracts
import Kernel
@testable import StripeBilling
import Testing

@discardableResult
func parse(_ json: String) throws -> ParsedStripeEvent {
    try StripeEventParser.parse(Array(json.utf8))
}

/// The payment an event reads to; records an issue and throws when it reads to anything else.
func payment(_ json: String) throws -> BillingPayment {
    let parsed = try parse(json)
    guard case .payment(let payment) = parsed.event.fact else {
        Issue.record("expected a payment, got \(parsed.event.fact) (\(parsed.ignoredReason ?? "-"))")
        throw ParsingTestFailure()
    }
    return payment
}

struct ParsingTestFailure: Error {}

func money(_ minorUnits: Int64, _ code: String) -> Money {
    Money(minorUnits: minorUnits, currency: Currency(rawValue: code)!)
}
