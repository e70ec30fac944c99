import Contracts
import Kernel

/// A few affiliates' pending conversion rows (`PendingConversions`) and the cells that fold them, worked out outside
/// the writer's thread so that it only checks and applies them. The rows may change in between (a review, a refund):
/// the check finds that, and the plan is then worked out again from the rows as they are.
struct ConversionFold: Sendable {
    /// A pending row and its conversion's memo as read: what a plan is only valid for.
    struct Row: Sendable {
        let tenant: TenantID
        let pending: StoreKey
        /// The memo the rollups count, empty when they count nothing of the row yet.
        let counted: [UInt8]
        let memo: StoreKey
        let current: [UInt8]?
    }

    let rows: [Row]
    private var changes: [(key: StoreKey, increments: CounterSet)] = []

    /// Up to `limit` pending rows under `prefix` with their memos: all that plans read, in one read transaction that
    /// ends before they are worked out.
    static func rows(
        _ prefix: StoreKey, _ pending: PendingConversions, namespace: String, limit: Int, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [Row] {
        var found: [(key: StoreKey, value: [UInt8])] = []
        try store.scan(.rollups, prefix: prefix) { key, value in
            found.append((key, value))
            return found.count < limit
        }
        var keys: [TenantID: RollupKeys] = [:]
        return try found.map { key, counted in
            guard let (tenant, conversion) = pending.row(key) else { throw StoreError(.corrupted, message: "unreadable pending conversion \(key)") }
            let tenantKeys = keys[tenant] ?? RollupKeys(tenant, namespace: namespace)
            keys[tenant] = tenantKeys
            let memo = tenantKeys.memo(conversion)
            return Row(tenant: tenant, pending: key, counted: counted, memo: memo, current: try store.get(.rollups, memo))
        }
    }

    /// `rows` in plans of about `size` rows, each affiliate's rows in one plan so that they share its cells. One
    /// transaction for all of them would hold sales waiting behind it for milliseconds; plans cut in the order the
    /// rows are pending would write most affiliates' cells in each of them.
    static func plans(_ rows: [Row], namespace: String, size: Int) throws -> [ConversionFold] {
        let memos = try rows.map(Memos.init)
        // Grouped and planned by index: the memos are never copied.
        var affiliates: [AffiliateKey: [Int]] = [:]
        var order: [AffiliateKey] = []
        for (index, memo) in memos.enumerated() {
            let affiliate = AffiliateKey(tenant: memo.row.tenant, affiliate: (memo.current ?? memo.counted)?.affiliateID)
            if affiliates[affiliate] == nil { order.append(affiliate) }
            affiliates[affiliate, default: []].append(index)
        }
        var plans: [ConversionFold] = []
        var next: [Int] = []
        for affiliate in order {
            next += affiliates[affiliate]!
            if next.count >= size {
                plans.append(ConversionFold(memos, at: next, namespace: namespace))
                next = []
            }
        }
        if !next.isEmpty { plans.append(ConversionFold(memos, at: next, namespace: namespace)) }
        return plans
    }

    private init(_ memos: [Memos], at indices: [Int], namespace: String) {
        rows = indices.map { memos[$0].row }
        // What each row's cells count now is taken back and what its memo says added, summed first per program,
        // affiliate, day and profile: rows that share all their cells are fanned out to them once.
        var sums: [Cells: Contribution] = [:]
        func add(_ contribution: Contribution, of memo: ConversionMemo, _ tenant: TenantID) {
            let cells = Cells(tenant: tenant, program: memo.programID, affiliate: memo.affiliateID, day: memo.day, profile: contribution.profile)
            // Changed in place: a sum copied out of the dictionary and back was copied whole for every row.
            sums[cells, default: Contribution()].add(contribution)
        }
        for index in indices {
            if let old = memos[index].counted { add(-Contribution(old), of: old, memos[index].row.tenant) }
            if let new = memos[index].current { add(Contribution(new), of: new, memos[index].row.tenant) }
        }
        var batches: [TenantID: RollupBatch] = [:]
        for (cells, sum) in sums {
            batches[cells.tenant, default: RollupBatch()].add(sum, day: cells.day, program: cells.program, affiliate: cells.affiliate)
        }
        for (tenant, batch) in batches { batch.forEachCell(RollupKeys(tenant, namespace: namespace)) { changes.append(($0, $1)) } }
        changes = changes.sorted(byKey: \.key)
    }

    /// Whether every row and memo is still as read.
    func isCurrent(in store: borrowing some StoreReader & ~Copyable) throws -> Bool {
        for row in rows {
            guard try store.get(.rollups, row.pending) == row.counted, try store.get(.rollups, row.memo) == row.current else { return false }
        }
        return true
    }

    /// The plan worked out again from its rows as they are now, leaving out any no longer pending.
    func refreshed(in store: borrowing some StoreReader & ~Copyable, namespace: String) throws -> ConversionFold {
        let memos = try rows.compactMap { row -> Memos? in
            guard let counted = try store.get(.rollups, row.pending) else { return nil }
            return try Memos(Row(tenant: row.tenant, pending: row.pending, counted: counted, memo: row.memo, current: store.get(.rollups, row.memo)))
        }
        return ConversionFold(memos, at: Array(memos.indices), namespace: namespace)
    }

    func apply(in store: borrowing some StoreWriter & ~Copyable) throws {
        for row in rows { try store.delete(.rollups, row.pending) }
        try store.addNow(.rollups, changes)
    }

    /// A row with its memos decoded.
    private struct Memos {
        let row: Row
        let counted: ConversionMemo?
        let current: ConversionMemo?

        init(_ row: Row) throws {
            self.row = row
            counted = row.counted.isEmpty ? nil : try MemoCoding.decode(row.counted)
            current = try row.current.map(MemoCoding.decode)
        }
    }

    /// What decides a contribution's cells.
    private struct Cells: Hashable {
        let tenant: TenantID
        let program: ProgramID
        let affiliate: AffiliateID
        let day: CalendarDay
        let profile: ClickProfile?
    }

    private struct AffiliateKey: Hashable {
        let tenant: TenantID
        /// `nil` for a row without a memo, which only has its pending mark to clear.
        let affiliate: AffiliateID?
    }
}
