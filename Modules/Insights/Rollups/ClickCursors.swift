import Kernel

/// How far each tenant's clicks are folded into the rollups: the id of the last click of Tracking's log (`ClickLog`)
/// they count. A fold moves it in the transaction that adds its clicks, so the rollups count every click up to it
/// and none after, and the log past it is all that is pending: recording a click writes nothing for Insights.
struct ClickCursors {
    let space: Keyspace

    /// Global and then keyed by tenant, so that one scan finds every tenant folded before.
    init(namespace: String = RollupKeys.live) { space = .global(namespace + "-click-cursors") }

    func key(_ tenant: TenantID) -> StoreKey { space.key(tenant.number) }

    /// The tenant a cursor's key names.
    func tenant(_ key: StoreKey) -> TenantID? { TenantID(leadingBytes: key.suffix(after: space.prefix)) }

    /// The tenant's cursor as stored: nil before its first fold.
    func cursor(_ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> [UInt8]? {
        try store.get(.rollups, key(tenant))
    }
}
