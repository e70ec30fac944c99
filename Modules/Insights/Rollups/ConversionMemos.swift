import Contracts
import Kernel

/// The stored memo of every conversion row, and the one way a row's contribution changes: the new memo is stored and
/// the row marked pending with the memo the rollups still count (`PendingConversions`); a fold then takes the old
/// contribution back and adds the new one, in one `RollupBatch` so that what did not change cancels before any cell
/// is touched.
struct ConversionMemos {
    let tenant: TenantID
    let keys: RollupKeys
    let pending: PendingConversions

    func record(_ event: ConversionRecorded, in store: borrowing some StoreWriter & ~Copyable) throws {
        var returning: Bool?
        if let customer = event.customerID, event.parentConversionID == nil, event.type == .oneTime || event.type == .recurring {
            returning = try !claimsFirstPurchase(of: customer, event, in: store)
        }
        let memo = ConversionMemo(event, returningCustomer: returning)
        // A row is recorded once, so its memo is stored without looking for an earlier one first; only when there is
        // one (an event delivered again) does the change go through `replace`.
        if try store.insert(.rollups, keys.memo(event.conversionID), MemoCoding.encode(memo)) {
            return try markPending(event.conversionID, counting: nil, in: store)
        }
        try replace(event.conversionID, in: store) { _ in memo }
    }

    /// Whether the sale is its customer's earliest (by time, then id), whatever order sales arrive in: Stripe sends
    /// events out of order and imports backfill history. An earlier sale takes the place of the one stored, which
    /// from then on counts as a returning customer's.
    private func claimsFirstPurchase(of customer: String, _ event: ConversionRecorded, in store: borrowing some StoreWriter & ~Copyable) throws -> Bool {
        let key = keys.customer(customer)
        if let stored = try store.get(.rollups, key) {
            let first = try FirstPurchase(stored: stored)
            if first.conversion != event.conversionID, let at = try first.at ?? memo(first.conversion, in: store)?.at {
                guard (event.at, event.conversionID) < (at, first.conversion) else { return false }
                try replace(first.conversion, in: store) { $0?.returning() }
            }
        }
        try store.put(.rollups, key, FirstPurchase(event.conversionID, at: event.at).bytes)
        return true
    }

    private func memo(_ id: ConversionID, in store: borrowing some StoreWriter & ~Copyable) throws -> ConversionMemo? {
        try store.get(.rollups, keys.memo(id)).map(MemoCoding.decode)
    }

    /// Stores what `change` makes of the row's memo. The first change since the last fold keeps the memo the rollups
    /// count, as stored, until the fold moves them to the current one.
    func replace(_ id: ConversionID, in store: borrowing some StoreWriter & ~Copyable, _ change: (ConversionMemo?) -> ConversionMemo?) throws {
        let stored = try store.get(.rollups, keys.memo(id))
        let old = try stored.map(MemoCoding.decode)
        guard let new = change(old), new != old else { return }
        try store.put(.rollups, keys.memo(id), MemoCoding.encode(new))
        try markPending(id, counting: stored, in: store)
    }

    /// Marks the row pending with the memo the rollups count (`nil`: nothing yet), unless it is pending already: then
    /// the rollups still count the memo its mark holds.
    private func markPending(_ id: ConversionID, counting counted: [UInt8]?, in store: borrowing some StoreWriter & ~Copyable) throws {
        _ = try store.insert(.rollups, pending.key(tenant, id), counted ?? [])
    }
}

extension ConversionMemo {
    func reviewed(_ status: ConversionStatus, commission: Money) -> ConversionMemo {
        var memo = self
        memo.status = status
        memo.commission = commission
        return memo
    }

    func refunded(commission: Money, isFull: Bool) -> ConversionMemo {
        reviewed(isFull ? .refunded : status, commission: commission)
    }

    /// The sale of a customer who had bought before.
    func returning() -> ConversionMemo {
        var memo = self
        memo.returningCustomer = true
        return memo
    }
}
