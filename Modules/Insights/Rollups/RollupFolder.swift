public import Kernel

/// Moves pending clicks (`PendingClicks`) and conversion rows (`PendingConversions`) into the rollup cells. For clicks,
/// a fold reads a batch of pending cells, works out their rollup cells off the writer's thread, then in one write
/// transaction adds those cells and subtracts exactly what it read from the pending ones (clicks that arrived meanwhile
/// stay pending). Since every step only adds, the rollups plus what is still pending always count each click once;
/// folds are chained one after another so that two never fold the same cells. Conversion rows fold as
/// `ConversionFold` says.
///
/// The server folds in the background (`RollupFoldService`); every query first catches its tenant up, so the
/// dashboard always counts every click and sale already answered.
public actor RollupFolder {
    private let store: any KeyValueStore
    private let namespace: String
    private var last: Task<Int, any Error>?
    /// Pending cells per transaction: enough to share the tenant- and program-wide cells among thousands of clicks,
    /// few enough to keep the writer's other work waiting only milliseconds.
    static let cellsPerTransaction = 10_000
    /// Pending conversion rows read at a time, to be folded in transactions of about `conversionsPerTransaction`
    /// rows: the writer's thread reads two keys of each to check the plan, while sales wait.
    static let conversionsPerRead = 5_000
    static let conversionsPerTransaction = 1_000
    /// How often the server folds in the background. A fold's cost grows with the affiliates and profiles it meets
    /// more than with its clicks, so a busy affiliate's clicks of a whole second share each of its cells: in a click
    /// run `perf` put the fold at 0.82 µs a click folding every second against 2.27 every quarter second. Queries do
    /// not wait for it; they fold what their tenant has pending themselves.
    public static let backgroundInterval = Duration.seconds(1)

    public init(store: any KeyValueStore) { self.init(store: store, namespace: RollupKeys.live) }

    init(store: any KeyValueStore, namespace: String) {
        self.store = store
        self.namespace = namespace
    }

    /// Folds everything pending, of one tenant or of all; returns how many pending cells and rows it folded.
    @discardableResult
    public func fold(_ tenant: TenantID? = nil) async throws -> Int {
        let previous = last
        let next = Task { [store, namespace] in
            _ = await previous?.result
            return try await Self.foldAll(tenant, store: store, namespace: namespace)
        }
        last = next
        return try await next.value
    }

    /// Folds the tenant's pending clicks and conversions if it has any: a cursor seek each when it has none.
    public func catchUp(_ tenant: TenantID) async throws {
        let prefixes = [PendingClicks(namespace: namespace).cells(of: tenant).prefix, PendingConversions(namespace: namespace).rows(of: tenant).prefix]
        let hasPending = try store.read { reader in
            var found = false
            for prefix in prefixes where !found {
                try reader.scan(.rollups, prefix: prefix) { _, _ in
                    found = true
                    return false
                }
            }
            return found
        }
        if hasPending { try await fold(tenant) }
    }

    private static func foldAll(_ tenant: TenantID?, store: any KeyValueStore, namespace: String) async throws -> Int {
        try await foldClicks(tenant, store: store, namespace: namespace) + foldConversions(tenant, store: store, namespace: namespace)
    }

    private static func foldClicks(_ tenant: TenantID?, store: any KeyValueStore, namespace: String) async throws -> Int {
        let pending = PendingClicks(namespace: namespace)
        let prefix = tenant.map { pending.cells(of: $0).prefix } ?? pending.space.prefix
        var total = 0
        while true {
            let (folded, changes) = try store.read { reader in try Self.read(prefix, pending, namespace: namespace, in: reader) }
            guard folded > 0 else { return total }
            try await store.write(durability: .deferredSync) { writer in try writer.addNow(.rollups, changes) }
            total += folded
            if folded < cellsPerTransaction { return total }
        }
    }

    /// A conversion's fold is planned after a read transaction and checked in the write: unlike a click's counts, a
    /// memo may change in between, and the plan is then worked out again inside the write.
    private static func foldConversions(_ tenant: TenantID?, store: any KeyValueStore, namespace: String) async throws -> Int {
        let pending = PendingConversions(namespace: namespace)
        let prefix = tenant.map { pending.rows(of: $0).prefix } ?? pending.space.prefix
        let limit = conversionsPerRead
        var total = 0
        while true {
            let rows = try store.read { reader in try ConversionFold.rows(prefix, pending, namespace: namespace, limit: limit, in: reader) }
            for plan in try ConversionFold.plans(rows, namespace: namespace, size: conversionsPerTransaction) {
                try await store.write(durability: .deferredSync) { writer in
                    try (plan.isCurrent(in: writer) ? plan : plan.refreshed(in: writer, namespace: namespace)).apply(in: writer)
                }
            }
            total += rows.count
            if rows.count < limit { return total }
        }
    }

    /// How many pending cells a batch read, and the changes that fold them: the pending cells less what was read and
    /// the rollup cells their clicks add up to, sorted by key here rather than on the writer's thread (the pending
    /// ones come sorted from the scan, a run the sort takes as it is).
    private static func read(
        _ prefix: StoreKey, _ pending: PendingClicks, namespace: String, in reader: borrowing some StoreReader & ~Copyable
    ) throws -> (Int, [(key: StoreKey, increments: CounterSet)]) {
        var clicks: [StoreKey: CounterSet] = [:]
        var changes: [(key: StoreKey, increments: CounterSet)] = []
        try reader.scan(.rollups, prefix: prefix) { key, value in
            guard let shared = pending.sharedCells(of: key) else {
                throw StoreError(.corrupted, message: "unreadable pending click cell \(key)")
            }
            let counts = try CounterSet(encoded: value)
            clicks[shared, default: CounterSet()].add(counts)
            changes.append((key, -counts))
            return changes.count < cellsPerTransaction
        }
        let folded = changes.count
        var batches: [TenantID: RollupBatch] = [:]
        for (shared, counts) in clicks {
            guard let cell = PendingClicks.Cell(shared) else { throw StoreError(.corrupted, message: "unreadable pending click cell \(shared)") }
            batches[cell.tenant, default: RollupBatch()].add(Contribution(clicks: cell.profile, counts), day: cell.day, program: cell.program, affiliate: cell.affiliate)
        }
        for (tenant, batch) in batches {
            batch.forEachCell(RollupKeys(tenant, namespace: namespace)) { changes.append(($0, $1)) }
        }
        return (folded, changes.sorted(byKey: \.key))
    }
}
