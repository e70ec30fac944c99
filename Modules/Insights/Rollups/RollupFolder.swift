public import Contracts
public import Kernel

/// Moves Tracking's clicks (`ClickLog`, past each tenant's `ClickCursors`) and pending conversion rows
/// (`PendingConversions`) into the rollup cells. For clicks, a fold reads the log in read transactions,
/// works out their cells off the writer's thread, then in one write transaction adds the cells and moves the cursor
/// past the batch: the rollups, with the log past the cursor, always count each click once. Folds are chained one
/// after another so that two never fold the same clicks. Conversion rows fold as `ConversionFold` says.
///
/// The server folds in the background (`RollupFoldService`); every query first catches its tenant up, so the
/// dashboard always counts every click and sale already answered.
public actor RollupFolder {
    private let store: any KeyValueStore
    private let clicks: any ClickLog
    private let namespace: String
    private let limits: Limits
    private var last: Task<(clicks: Int, conversions: Int), any Error>?
    /// How much a fold takes at a time.
    struct Limits: Sendable {
        /// A fold's write adds a cell or so for each of its click groups (`ClickGroups`), not for each click: it takes
        /// clicks in reads of `clicksPerRead` until one more read could pass `groupsPerTransaction` groups, so that
        /// busy affiliates' clicks of a whole second share their cells while the writer's other work waits only
        /// milliseconds. `clicksPerTransaction` keeps a long backlog's folds to steps.
        var clicksPerRead = 5_000
        var groupsPerTransaction = 10_000
        var clicksPerTransaction = 100_000
        /// Pending conversion rows read at a time, to be folded in transactions of about `conversionsPerTransaction`
        /// rows: the writer's thread reads two keys of each to check the plan, while sales wait. A read takes a busy
        /// second's rows, so that each affiliate's cells are written once for all of them.
        var conversionsPerRead = 20_000
        var conversionsPerTransaction = 1_000
    }

    /// How often the server folds in the background. A fold's cost grows with the affiliates and profiles it meets
    /// more than with its clicks, so a busy affiliate's clicks and sales of a whole second share each of its cells.
    /// Folding every 2 or 4 s instead gained under 2% of S2S sales/s, and would leave a query more to fold: queries
    /// do not wait for the background fold, they fold what their tenant has pending themselves.
    public static let backgroundInterval = Duration.seconds(1)

    public init(store: any KeyValueStore, clicks: any ClickLog) { self.init(store: store, clicks: clicks, namespace: RollupKeys.live) }

    init(store: any KeyValueStore, clicks: any ClickLog, namespace: String, limits: Limits = Limits()) {
        self.store = store
        self.clicks = clicks
        self.namespace = namespace
        self.limits = limits
    }

    /// Folds everything pending, of one tenant or of all; returns how many clicks and conversion rows it folded.
    @discardableResult
    public func fold(_ tenant: TenantID? = nil) async throws -> Int {
        let folded = try await foldCounting(tenant)
        return folded.clicks + folded.conversions
    }

    /// As `fold`, counting clicks and conversion rows apart.
    func foldCounting(_ tenant: TenantID?) async throws -> (clicks: Int, conversions: Int) {
        let previous = last
        let next = Task { [store, clicks, namespace, limits] in
            _ = await previous?.result
            return try await Self.foldAll(tenant, store: store, clicks: clicks, namespace: namespace, limits: limits)
        }
        last = next
        return try await next.value
    }

    /// Folds the tenant's clicks and conversions if it has any pending: a seek or two when it has none.
    public func catchUp(_ tenant: TenantID) async throws {
        let watermark = clicks.watermark()
        let cursors = ClickCursors(namespace: namespace)
        let conversions = PendingConversions(namespace: namespace).rows(of: tenant).prefix
        let hasPending = try store.read { reader in
            let cursor = try cursors.cursor(tenant, in: reader).flatMap(ClickID.init(bytes:))
            if try !clicks.clicks(of: tenant, after: cursor, below: watermark, limit: 1, in: reader).isEmpty { return true }
            var found = false
            try reader.scan(.rollups, prefix: conversions) { _, _ in
                found = true
                return false
            }
            return found
        }
        if hasPending { try await fold(tenant) }
    }

    private static func foldAll(
        _ tenant: TenantID?, store: any KeyValueStore, clicks: any ClickLog, namespace: String, limits: Limits
    ) async throws -> (clicks: Int, conversions: Int) {
        let cursors = ClickCursors(namespace: namespace)
        var tenants = tenant.map { [$0] } ?? clicks.recentTenants()
        if tenant == nil {
            // Tenants folded before this process started may have clicks it has not folded yet.
            try store.read { reader in
                try reader.scan(.rollups, prefix: cursors.space.prefix) { key, _ in
                    if let folded = cursors.tenant(key), !tenants.contains(folded) { tenants.append(folded) }
                    return true
                }
            }
        }
        var folded = 0
        for tenant in tenants {
            folded += try await foldClicks(tenant, store: store, log: clicks, cursors: cursors, namespace: namespace, limits: limits)
        }
        return (folded, try await foldConversions(tenant, store: store, namespace: namespace, limits: limits))
    }

    private static func foldClicks(
        _ tenant: TenantID, store: any KeyValueStore, log: any ClickLog, cursors: ClickCursors, namespace: String, limits: Limits
    ) async throws -> Int {
        var total = 0
        while true {
            let watermark = log.watermark()
            let cursor = try store.read { reader in try cursors.cursor(tenant, in: reader) }
            var groups = ClickGroups()
            var end = cursor.flatMap(ClickID.init(bytes:))
            var taken = 0
            var exhausted: Bool
            repeat {
                let clicks = try store.read { reader in
                    try log.clicks(of: tenant, after: end, below: watermark, limit: limits.clicksPerRead, in: reader)
                }
                for click in clicks { groups.add(click) }
                end = clicks.last?.clickID ?? end
                taken += clicks.count
                exhausted = clicks.count < limits.clicksPerRead
            } while !exhausted && taken < limits.clicksPerTransaction && groups.count + limits.clicksPerRead <= limits.groupsPerTransaction
            guard taken > 0, let end else { return total }
            let changes = try cells(of: groups, tenant, namespace: namespace)
            let moved = try await store.write(durability: .deferredSync) { writer in
                // Folds of one folder never overlap; another process's may have moved the cursor meanwhile.
                guard try cursors.cursor(tenant, in: writer) == cursor else { return false }
                try writer.addNow(.rollups, changes)
                try writer.put(.rollups, cursors.key(tenant), end.bytes)
                return true
            }
            if !moved { continue }
            total += taken
            if exhausted { return total }
        }
    }

    /// The rollup cells of a fold's click groups, sorted by key here rather than on the writer's thread.
    private static func cells(of groups: ClickGroups, _ tenant: TenantID, namespace: String) throws -> [(key: StoreKey, increments: CounterSet)] {
        var changes: [(key: StoreKey, increments: CounterSet)] = []
        try groups.batch().forEachCell(RollupKeys(tenant, namespace: namespace)) { changes.append(($0, $1)) }
        return changes.sorted(byKey: \.key)
    }

    /// A conversion's fold is planned after a read transaction and checked in the write: unlike a click's counts, a
    /// memo may change in between, and the plan is then worked out again inside the write.
    private static func foldConversions(_ tenant: TenantID?, store: any KeyValueStore, namespace: String, limits: Limits) async throws -> Int {
        let pending = PendingConversions(namespace: namespace)
        let prefix = tenant.map { pending.rows(of: $0).prefix } ?? pending.space.prefix
        let limit = limits.conversionsPerRead
        var total = 0
        while true {
            let rows = try store.read { reader in try ConversionFold.rows(prefix, pending, namespace: namespace, limit: limit, in: reader) }
            for plan in try ConversionFold.plans(rows, namespace: namespace, size: limits.conversionsPerTransaction) {
                try await store.write(durability: .deferredSync) { writer in
                    try (plan.isCurrent(in: writer) ? plan : plan.refreshed(in: writer, namespace: namespace)).apply(in: writer)
                }
            }
            total += rows.count
            if rows.count < limit { return total }
        }
    }
}
