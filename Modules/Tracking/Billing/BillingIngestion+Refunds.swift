import Contracts
import Foundation
import Kernel

extension BillingIngestion {
    /// A refund brings its sale to the refunded total it reports (cumulative, so order does not matter). A refund of
    /// a payment not seen yet is remembered and applied when the payment arrives.
    func record(_ refund: BillingRefund, of event: BillingEvent, eventKey: StoreKey, tenant: TenantID) async throws -> BillingOutcome {
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        return try await database.write { store, events in
            guard try store.insert(.indexes, eventKey, []) else { return .duplicate }
            for paymentKey in refund.paymentKeys {
                guard let bytes = try store.get(.indexes, ConversionKeys.payments(tenant).key(paymentKey)) else { continue }
                guard let id = ConversionID(bytes: bytes) else { return .ignored(reason: "payment_not_commissioned") }
                try writes.refund(id, toTotal: refund.totalRefunded, at: event.occurredAt, in: store, events: &events)
                return .recorded
            }
            for paymentKey in refund.paymentKeys {
                let key = ConversionKeys.earlyRefunds(tenant).key(paymentKey)
                let known = try store.get(.records, key).map { try RecordCoding.decode(Money.self, from: $0) }
                if known.map({ $0.minorUnits < refund.totalRefunded.minorUnits }) ?? true {
                    try store.put(.records, key, RecordCoding.encode(refund.totalRefunded))
                }
            }
            return .ignored(reason: "payment_not_recorded")
        }
    }
}
