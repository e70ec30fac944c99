public import Contracts
import Foundation
public import Kernel

/// A Stripe event read into our words, with the reason when it records nothing.
public struct ParsedStripeEvent: Sendable, Equatable {
    public let event: BillingEvent
    /// Why `event.fact` is `.ignored` (`event_type_not_handled`, `payment_not_completed`, `unsupported_currency`…).
    public let ignoredReason: String?
}

/// Reads the body of a verified Stripe webhook into a `BillingEvent` (INTEGRATIONS.md §1.2–1.7), accepting the
/// shapes of API versions before and after 2025-03-31.basil, since an endpoint keeps the version it was made with.
public enum StripeEventParser {
    /// Throws 400 `invalid_json` for a body that is not JSON and `validation_failed` for JSON that is not an event;
    /// an event that carries nothing to record is `.ignored` with its reason.
    public static func parse(_ body: [UInt8]) throws(DomainError) -> ParsedStripeEvent {
        let json: JSONValue
        do throws(DomainError) {
            json = try JSONValue.parse(body)
        } catch {
            throw DomainError(.badRequest, "invalid_json", error.message)
        }
        guard let envelope = StripeObject(json) else { throw DomainError.validation("event", "A Stripe event must be a JSON object") }
        guard let id = envelope.string("id") else { throw DomainError.validation("id", "The event has no id") }
        guard let type = envelope.string("type") else { throw DomainError.validation("type", "The event has no type") }
        guard let created = envelope.integer("created") else { throw DomainError.validation("created", "The event has no created time") }
        guard let object = envelope.object("data")?.object("object") else {
            throw DomainError.validation("data.object", "The event has no data.object")
        }
        let occurredAt = Date(timeIntervalSince1970: TimeInterval(created))
        do throws(StripeIgnore) {
            return ParsedStripeEvent(event: BillingEvent(id: id, type: type, occurredAt: occurredAt, fact: try fact(type, object)), ignoredReason: nil)
        } catch {
            return ParsedStripeEvent(event: BillingEvent(id: id, type: type, occurredAt: occurredAt, fact: .ignored), ignoredReason: error.reason)
        }
    }

    private static func fact(_ type: String, _ object: StripeObject) throws(StripeIgnore) -> BillingFact {
        switch type {
        case "checkout.session.completed", "checkout.session.async_payment_succeeded":
            try CheckoutSessionReader.fact(object)
        case "invoice.paid", "invoice.payment_succeeded":
            .payment(try InvoiceReader.payment(object))
        case "invoice_payment.paid":
            try InvoicePaymentReader.link(object)
        case "charge.refunded":
            .refund(try ChargeReader.refund(object))
        case "customer.subscription.deleted":
            .subscriptionEnded(subscriptionID: try object.id())
        default:
            throw .eventTypeNotHandled
        }
    }
}
