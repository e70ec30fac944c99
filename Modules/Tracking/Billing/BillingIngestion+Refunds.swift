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

    /// Another id of a payment (a basil invoice's payment intent or charge): refunds naming it find the sale, and
    /// a refund that already named it is applied now. Before the payment arrives the alias is remembered.
    func link(_ paymentKey: String, _ aliases: [String], eventKey: StoreKey, tenant: TenantID) async throws -> BillingOutcome {
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        let at = clock.now()
        return try await database.write { store, events in
            guard try store.insert(.indexes, eventKey, []) else { return .duplicate }
            guard let sale = try store.get(.indexes, ConversionKeys.payments(tenant).key(paymentKey)) else {
                let key = ConversionKeys.earlyAliases(tenant).key(paymentKey)
                let known = try store.get(.records, key).map { try RecordCoding.decode([String].self, from: $0) } ?? []
                try store.put(.records, key, RecordCoding.encode(Array(Set(known + aliases)).sorted()))
                return .ignored(reason: "payment_not_recorded")
            }
            for alias in aliases { try store.put(.indexes, ConversionKeys.payments(tenant).key(alias), sale) }
            if let id = ConversionID(bytes: sale) {
                try applyEarlyRefunds(to: id, keys: aliases, at: at, writes: writes, in: store, events: &events)
            }
            return .recorded
        }
    }

    /// Refunds that arrived before their payment was known under `keys`, applied to its sale.
    func applyEarlyRefunds(
        to sale: ConversionID, keys: [String], at: Date, writes: LedgerWrites, in store: borrowing some StoreWriter & ~Copyable,
        events: inout EventLog
    ) throws {
        for paymentKey in keys {
            let key = ConversionKeys.earlyRefunds(writes.tenant).key(paymentKey)
            guard let bytes = try store.get(.records, key) else { continue }
            try writes.refund(sale, toTotal: RecordCoding.decode(Money.self, from: bytes), at: at, in: store, events: &events)
            try store.delete(.records, key)
        }
    }
}
