import Kernel

/// Rollups written before clicks were folded from Tracking's records (`ClickLog`) kept them in pending cells and have
/// no click cursors (`ClickCursors`): a fold would count every click again. A server repairs such a store once, every
/// tenant with `run`, before it serves; the mark then says the rollups are in this layout.
extension RollupAudit {
    private static let layoutMark = Keyspace.global(RollupKeys.live + "-layout").key("click-log")
    /// Where the earlier layouts kept pending clicks: per quarter second, per click, and per affiliate first.
    private static let earlierPendingClicks = ["-pending-click-instants", "-pending-clicks", "-pending"]

    /// Whether the store has rollups but not the mark of this layout.
    public func isEarlierLayout() throws -> Bool {
        try store.read { reader in
            guard try reader.get(.rollups, Self.layoutMark) == nil else { return false }
            var any = false
            try reader.scan(.rollups, prefix: StoreKey(bytes: [])) { _, _ in
                any = true
                return false
            }
            return any
        }
    }

    /// Drops what the earlier layouts left pending and marks the rollups as in this one.
    public func markCurrentLayout() async throws {
        guard try store.read({ try $0.get(.rollups, Self.layoutMark) }) == nil else { return }
        for name in Self.earlierPendingClicks { try await clear(.global(RollupKeys.live + name)) }
        try await store.write { try $0.put(.rollups, Self.layoutMark, [1]) }
    }
}
