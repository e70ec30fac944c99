import Contracts
import Kernel

/// `invoice.paid` and `invoice.payment_succeeded`: `data.object` is an Invoice, in the endpoint's API version. Stripe
/// sends both events for one payment; both read to the same `paymentKey` (the invoice id), so the ledger keeps one.
enum InvoiceReader {
    static func payment(_ invoice: StripeObject) throws(StripeIgnore) -> BillingPayment {
        // From basil on an invoice may be paid in parts; only the fully paid invoice is a payment.
        if let status = invoice.string("status"), status != "paid" { throw .paymentNotCompleted }
        let amount = try invoice.money("amount_paid")
        // A trial's first invoice is paid with nothing.
        guard amount.minorUnits > 0 else { throw .nothingPaid }
        let invoiceID = try invoice.id()
        // Basil moved `subscription` and `subscription_details` under `parent` (INTEGRATIONS.md §1.3).
        let parentDetails = invoice.object("parent")?.object("subscription_details")
        let legacyDetails = invoice.object("subscription_details")
        let discounts = [invoice.json["discount"]].compactMap { $0 } + invoice.items("discounts")
        return BillingPayment(
            paymentKey: invoiceID,
            refundKeys: refundKeys(invoice),
            amount: amount,
            customerID: invoice.reference("customer"),
            customerEmail: invoice.string("customer_email"),
            subscriptionID: invoice.reference("subscription") ?? parentDetails?.reference("subscription"),
            isRenewal: invoice.string("billing_reason") == "subscription_cycle",
            couponCodes: DiscountCodes.codes(in: discounts),
            clickToken: ClickTokenSource.token(
                metadata: [parentDetails?.metadata, legacyDetails?.metadata, invoice.metadata, invoice.object("subscription")?.metadata]))
    }

    /// What a refund's charge can name this invoice's payment by. Before basil the invoice names its payment intent
    /// and charge; basil removed both and lists `payments` instead, present when the endpoint expands it.
    private static func refundKeys(_ invoice: StripeObject) -> [String] {
        let payments = invoice.object("payments")?.items("data").compactMap { StripeObject($0)?.object("payment") } ?? []
        let keys = [invoice.reference("payment_intent"), invoice.reference("charge")]
            + payments.flatMap { [$0.reference("payment_intent"), $0.reference("charge")] }
        return keys.compactMap { $0 }.uniqued()
    }
}
