public import Kernel

/// Rollups written before clicks were folded from Tracking's records (`ClickLog`) kept them in pending cells and have
/// no click cursors (`ClickCursors`): a fold would count every click again. A server repairs such a store once, every
/// tenant with `RollupAudit.run`, before it serves; whatever creates a store marks it as in this layout first.
public enum RollupLayout {
    private static let mark = Keyspace.global(RollupKeys.live + "-layout").key("click-log")
    /// Where the earlier layouts kept pending clicks: per quarter second, per click, and per affiliate first.
    private static let earlierPendingClicks = ["-pending-click-instants", "-pending-clicks", "-pending"]

    /// Whether the store has rollups but not the mark of this layout. An interrupted repair leaves the mark unset, so
    /// the next start repairs again.
    public static func isEarlier(in store: any KeyValueStore) throws -> Bool {
        try store.read { reader in
            guard try reader.get(.rollups, mark) == nil else { return false }
            var any = false
            try reader.scan(.rollups, prefix: StoreKey(bytes: [])) { _, _ in
                any = true
                return false
            }
            return any
        }
    }

    /// Drops what the earlier layouts left pending and marks the rollups as in this one.
    public static func markCurrent(in store: any KeyValueStore) async throws {
        guard try store.read({ try $0.get(.rollups, mark) }) == nil else { return }
        for name in earlierPendingClicks { try await RollupAudit.clear(.global(RollupKeys.live + name), in: store) }
        try await store.write { try $0.put(.rollups, mark, [1]) }
    }
}
