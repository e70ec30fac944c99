import Contracts
import Kernel

/// The stored memo of every conversion row, and the one way a row's contribution changes: take the old one back,
/// add the new one, in one `RollupBatch` so that what did not change cancels before any cell is touched.
struct ConversionMemos {
    let keys: RollupKeys

    func record(_ event: ConversionRecorded, in store: borrowing some StoreWriter & ~Copyable) throws {
        var returning: Bool?
        if let customer = event.customerID, event.parentConversionID == nil, event.type == .oneTime || event.type == .recurring {
            returning = try !store.insert(.rollups, keys.customer(customer), event.conversionID.bytes)
        }
        try replace(event.conversionID, in: store) { _ in ConversionMemo(event, returningCustomer: returning) }
    }

    /// Stores what `change` makes of the row's memo and moves the counters from the old contribution to the new one.
    func replace(_ id: ConversionID, in store: borrowing some StoreWriter & ~Copyable, _ change: (ConversionMemo?) -> ConversionMemo?) throws {
        let key = keys.memo(id)
        let old = try store.get(.rollups, key).map { try RecordCoding.decode(ConversionMemo.self, from: $0) }
        guard let new = change(old), new != old else { return }
        try store.put(.rollups, key, RecordCoding.encode(new))
        var batch = RollupBatch()
        if let old { batch.add(-Contribution(old), day: old.day, program: old.programID, affiliate: old.affiliateID) }
        batch.add(Contribution(new), day: new.day, program: new.programID, affiliate: new.affiliateID)
        try batch.add(into: store, keys)
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
}
