public import Kernel

/// Moves pending clicks (`PendingClicks`) into the rollup cells. A fold reads, deletes and fans out its pending
/// cells in one write transaction, so folds may run at any time, from anywhere, even at once: the single writer
/// orders them and each finds only what the ones before it left.
///
/// The server folds in the background (`RollupFoldService`); every query first catches its tenant up, so the
/// dashboard always counts every click already answered.
public struct RollupFolder: Sendable {
    private let store: any KeyValueStore
    private let namespace: String
    /// Pending cells per transaction: enough to share the tenant- and program-wide cells among thousands of clicks,
    /// few enough to keep the writer's other work waiting only milliseconds.
    static let cellsPerTransaction = 10_000

    public init(store: any KeyValueStore) { self.init(store: store, namespace: RollupKeys.live) }

    init(store: any KeyValueStore, namespace: String) {
        self.store = store
        self.namespace = namespace
    }

    /// Folds everything pending, of one tenant or of all; returns how many pending cells it folded.
    @discardableResult
    public func fold(_ tenant: TenantID? = nil) async throws -> Int {
        let pending = PendingClicks(namespace: namespace)
        let prefix = tenant.map { pending.cells(of: $0).prefix } ?? pending.space.prefix
        var total = 0
        while true {
            let folded = try await store.write(durability: .deferredSync) { [namespace] writer in
                try Self.foldOnce(prefix, pending, namespace: namespace, in: writer)
            }
            total += folded
            if folded < Self.cellsPerTransaction { return total }
        }
    }

    /// Folds the tenant's pending clicks if it has any: one cursor seek when it has none.
    public func catchUp(_ tenant: TenantID) async throws {
        let prefix = PendingClicks(namespace: namespace).cells(of: tenant).prefix
        let hasPending = try store.read { reader in
            var found = false
            try reader.scan(.rollups, prefix: prefix) { _, _ in
                found = true
                return false
            }
            return found
        }
        if hasPending { try await fold(tenant) }
    }

    private static func foldOnce(
        _ prefix: StoreKey, _ pending: PendingClicks, namespace: String, in writer: borrowing some StoreWriter & ~Copyable
    ) throws -> Int {
        var batches: [TenantID: RollupBatch] = [:]
        var folded: [StoreKey] = []
        try writer.scan(.rollups, prefix: prefix) { key, value in
            guard let cell = PendingClicks.Cell(key.suffix(after: pending.space.prefix)) else {
                throw StoreError(.corrupted, message: "unreadable pending click cell \(key)")
            }
            let contribution = Contribution(clicks: cell.profile, try CounterSet(encoded: value))
            batches[cell.tenant, default: RollupBatch()].add(contribution, day: cell.day, program: cell.program, affiliate: cell.affiliate)
            folded.append(key)
            return folded.count < cellsPerTransaction
        }
        for key in folded { try writer.delete(.rollups, key) }
        for (tenant, batch) in batches { try batch.add(into: writer, RollupKeys(tenant, namespace: namespace)) }
        return folded.count
    }
}
