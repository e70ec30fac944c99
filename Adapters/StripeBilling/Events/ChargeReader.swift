import Contracts
import Kernel

/// `charge.refunded` (full and partial refunds): `data.object` is a Charge whose `amount_refunded` is cumulative.
enum ChargeReader {
    static func refund(_ charge: StripeObject) throws(StripeIgnore) -> BillingRefund {
        let chargeID = try charge.id()
        // `invoice` is gone from charges since basil; the payment intent still links them.
        let keys = [chargeID, charge.reference("payment_intent"), charge.reference("invoice")].compactMap { $0 }
        return BillingRefund(paymentKeys: keys, totalRefunded: try charge.money("amount_refunded"))
    }
}
