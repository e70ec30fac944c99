public import Foundation
public import Kernel

/// A fact from a brand's billing provider, in words of our own: a payment, a refund, or a subscription's end. A
/// provider adapter (Stripe) turns its webhook events into these; the conversions ledger applies them. The provider's
/// event id is what makes a redelivered event a no-op.
public struct BillingEvent: Sendable, Equatable {
    /// The provider's own event id (`evt_…`), unique per tenant and provider.
    public let id: String
    /// The provider's wire type (`invoice.paid`), kept for the timeline and for unknown events.
    public let type: String
    public let occurredAt: Date
    public let fact: BillingFact

    public init(id: String, type: String, occurredAt: Date, fact: BillingFact) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.fact = fact
    }
}

public enum BillingFact: Sendable, Equatable {
    case payment(BillingPayment)
    /// A subscription began with nothing paid (a free trial, a 100% coupon): who referred it is decided now and
    /// kept for its first paid invoice. The amount is zero.
    case subscriptionStarted(BillingPayment)
    case refund(BillingRefund)
    /// A payment is also known by other ids (basil's `invoice_payment.paid`: an invoice's payment intent and
    /// charge, which its invoice no longer names), so a refund naming those finds the sale.
    case paymentLinked(paymentKey: String, aliases: [String])
    /// The subscription ended: no renewal after this one earns.
    case subscriptionEnded(subscriptionID: String)
    /// An event type that carries nothing to record; acknowledged so the provider stops retrying.
    case ignored
}

/// Money received from a customer.
public struct BillingPayment: Sendable, Equatable {
    /// Identifies the payment across every event that reports it: the invoice id when there is one (a checkout in
    /// subscription mode and the first `invoice.paid` report the same invoice), else the payment intent, else the
    /// session.
    public let paymentKey: String
    /// Further ids a later refund may name this payment by (payment intent, charge).
    public let refundKeys: [String]
    public let amount: Money
    public let customerID: String?
    public let customerEmail: String?
    public let subscriptionID: String?
    /// A renewal of a subscription (`subscription_cycle`), not its first payment.
    public let isRenewal: Bool
    /// Every code the payment's discounts name (coupon ids, promotion-code ids and codes).
    public let couponCodes: [String]
    /// The click token carried by `client_reference_id` or metadata.
    public let clickToken: String?

    public init(
        paymentKey: String, refundKeys: [String], amount: Money, customerID: String?, customerEmail: String?, subscriptionID: String?,
        isRenewal: Bool, couponCodes: [String], clickToken: String?
    ) {
        self.paymentKey = paymentKey
        self.refundKeys = refundKeys
        self.amount = amount
        self.customerID = customerID
        self.customerEmail = customerEmail
        self.subscriptionID = subscriptionID
        self.isRenewal = isRenewal
        self.couponCodes = couponCodes
        self.clickToken = clickToken
    }
}

/// Money given back. `totalRefunded` is cumulative (Stripe's `amount_refunded`), so replays and reordering converge.
public struct BillingRefund: Sendable, Equatable {
    /// Ids the refunded payment is known by (charge, payment intent, invoice).
    public let paymentKeys: [String]
    public let totalRefunded: Money

    public init(paymentKeys: [String], totalRefunded: Money) {
        self.paymentKeys = paymentKeys
        self.totalRefunded = totalRefunded
    }
}

/// What the ledger did with a billing event.
public enum BillingOutcome: Sendable, Equatable {
    case recorded
    /// The same event id was applied before.
    case duplicate
    /// Nothing to record: no affiliate could be attributed, or the event type carries nothing.
    case ignored(reason: String)
}

/// Applies billing events to the conversions ledger; implemented by Tracking, fed by billing-provider adapters.
public protocol BillingEventSink: Sendable {
    func apply(_ event: BillingEvent, provider: String, tenant: TenantID) async throws -> BillingOutcome
}
