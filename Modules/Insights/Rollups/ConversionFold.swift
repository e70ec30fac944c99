import Kernel

/// One transaction's worth of pending conversion rows (`PendingConversions`) and the cells that fold them, worked out
/// in a read transaction so that the writer's thread only checks and applies them. The rows may change in between
/// (a review, a refund): the check finds that, and the fold is then worked out again inside the write.
struct ConversionFold: Sendable {
    /// Each pending row and the conversion's memo as read: what the plan is only valid for.
    private var rows: [(pending: StoreKey, counted: [UInt8], memo: StoreKey, current: [UInt8]?)] = []
    private var changes: [(key: StoreKey, increments: CounterSet)] = []

    var count: Int { rows.count }

    /// Up to `limit` pending rows under `prefix`, and the cells that move each from what the rollups count of it to
    /// what its memo says now.
    init(_ prefix: StoreKey, _ pending: PendingConversions, namespace: String, limit: Int, in store: borrowing some StoreReader & ~Copyable) throws {
        var keys: [TenantID: RollupKeys] = [:]
        var batches: [TenantID: RollupBatch] = [:]
        var found: [(key: StoreKey, value: [UInt8])] = []
        try store.scan(.rollups, prefix: prefix) { key, value in
            found.append((key, value))
            return found.count < limit
        }
        for (key, counted) in found {
            guard let (tenant, conversion) = pending.row(key) else { throw StoreError(.corrupted, message: "unreadable pending conversion \(key)") }
            let tenantKeys = keys[tenant] ?? RollupKeys(tenant, namespace: namespace)
            keys[tenant] = tenantKeys
            let memo = tenantKeys.memo(conversion)
            let current = try store.get(.rollups, memo)
            rows.append((key, counted, memo, current))
            // Changed in place: a batch copied out of the dictionary and back was copied whole for every row.
            batches[tenant, default: RollupBatch()].replace(
                counted.isEmpty ? nil : try MemoCoding.decode(counted), with: try current.map(MemoCoding.decode))
        }
        for (tenant, batch) in batches { batch.forEachCell(keys[tenant]!) { changes.append(($0, $1)) } }
        changes = changes.sorted(byKey: \.key)
    }

    /// Whether every row and memo is still as read.
    func isCurrent(in store: borrowing some StoreReader & ~Copyable) throws -> Bool {
        for row in rows {
            guard try store.get(.rollups, row.pending) == row.counted, try store.get(.rollups, row.memo) == row.current else { return false }
        }
        return true
    }

    func apply(in store: borrowing some StoreWriter & ~Copyable) throws {
        for row in rows { try store.delete(.rollups, row.pending) }
        try store.addNow(.rollups, changes)
    }
}
