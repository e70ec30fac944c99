import Foundation
public import Synchronization

/// The collections a cache derives its values from (`SnapshotCache`), and the last transaction that wrote into any of
/// them. The store marks a watch before committing a transaction that puts, inserts or deletes a key of a watched
/// collection, so a value read in a snapshot at or after that transaction is current and one read before it is not.
///
/// Only writes of this process are seen at once. Another process's commit (today only `vouch rollups`, which writes
/// the `rollups` table alone) is noticed at this process's next commit, which then marks every watch.
public final class CollectionWatch: Sendable {
    /// Each watched collection: its table and its name as a `Keyspace` is built from it (`.tenant(_, name)` or
    /// `.global(name)`), whatever the tenant.
    private let collections: [(table: Table, name: [UInt8])]
    @usableFromInline let lastChange = Atomic<UInt64>(0)

    public init(_ collections: [(table: Table, name: String)]) {
        self.collections = collections.map { ($0.table, Array($0.name.utf8)) }
    }

    /// Whether `key` of `table` belongs to a watched collection: the name between the key's tenant number and the
    /// 0 byte that ends it.
    public func covers(_ table: Table, _ key: StoreKey) -> Bool {
        collections.contains { collection in
            let name = collection.name
            guard collection.table == table, key.bytes.count > 4 + name.count, key.bytes[4 + name.count] == 0 else { return false }
            return key.bytes.withUnsafeBufferPointer { bytes in name.withUnsafeBufferPointer { name in memcmp(bytes.baseAddress! + 4, name.baseAddress!, name.count) == 0 } }
        }
    }

    /// Marks the collections as written by transaction `id`, which is about to commit. Only the store's single
    /// writer calls this, with growing ids.
    public func changed(in id: UInt64) {
        lastChange.store(id, ordering: .releasing)
    }

    /// Whether no commit wrote into the collections after the snapshot `id` (`StoreReader.snapshot`).
    @inlinable
    public func isUnchanged(since id: UInt64) -> Bool {
        lastChange.load(ordering: .acquiring) <= id
    }
}
