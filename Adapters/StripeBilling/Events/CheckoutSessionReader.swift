import Contracts
import Kernel

/// `checkout.session.completed` and `checkout.session.async_payment_succeeded`: `data.object` is a Checkout Session.
enum CheckoutSessionReader {
    /// A paid session is a payment. A subscription begun with nothing to pay (a free trial, a 100% coupon) earns
    /// nothing yet, but its referral must reach its first paid invoice, which rarely carries the click token itself.
    static func fact(_ session: StripeObject) throws(StripeIgnore) -> BillingFact {
        // `unpaid` means a delayed payment method: `async_payment_succeeded` follows once the money arrives.
        switch session.string("payment_status") {
        case "paid", "no_payment_required": break
        default: throw .paymentNotCompleted
        }
        let payment = try payment(session)
        if payment.amount.minorUnits > 0 { return .payment(payment) }
        guard payment.subscriptionID != nil else { throw .nothingPaid }
        return .subscriptionStarted(payment)
    }

    private static func payment(_ session: StripeObject) throws(StripeIgnore) -> BillingPayment {
        let amount = try session.money("amount_total")
        let sessionID = try session.id()
        // In subscription mode the session names the invoice that `invoice.paid` reports too: keying on it makes the
        // two events one payment.
        let invoice = session.reference("invoice")
        let paymentIntent = session.reference("payment_intent")
        let paymentKey = invoice ?? paymentIntent ?? sessionID
        let paymentIntentObject = session.object("payment_intent")
        let subscriptionObject = session.object("subscription")
        let breakdown = session.object("total_details")?.object("breakdown")?.items("discounts") ?? []
        return BillingPayment(
            paymentKey: paymentKey,
            refundKeys: [paymentIntent].compactMap { $0 }.filter { $0 != paymentKey },
            amount: amount,
            customerID: session.reference("customer"),
            customerEmail: session.object("customer_details")?.string("email") ?? session.string("customer_email"),
            subscriptionID: session.reference("subscription"),
            isRenewal: false,
            couponCodes: DiscountCodes.codes(in: session.items("discounts") + breakdown.compactMap { $0["discount"] }),
            clickToken: ClickTokenSource.token(
                metadata: [session.metadata, paymentIntentObject?.metadata, subscriptionObject?.metadata],
                clientReferenceID: session.string("client_reference_id")))
    }
}
