import Contracts

/// `invoice_payment.paid` (API 2025-03-31.basil on): `data.object` is an `invoice_payment`, the one place a basil
/// invoice's payment intent and charge are named. A later `charge.refunded` names only those.
enum InvoicePaymentReader {
    static func link(_ payment: StripeObject) throws(StripeIgnore) -> BillingFact {
        guard let invoice = payment.reference("invoice") else { throw .idMissing }
        let paidBy = payment.object("payment")
        let aliases = [paidBy?.reference("payment_intent"), paidBy?.reference("charge")].compactMap { $0 }
        guard !aliases.isEmpty else { throw .idMissing }
        return .paymentLinked(paymentKey: invoice, aliases: aliases)
    }
}
