public import Synchronization

/// Values derived from a few watched collections (`CollectionWatch`), kept until a write changes any of them: a hit
/// costs a dictionary lookup instead of the reads and decoding behind it, on paths like the click's, which looks up
/// its program and referral code on every request. An entry counts only while nothing changed after the snapshot it
/// was read in; values read inside a write, which sees its own uncommitted changes, are never kept. Absent values are
/// kept too, so a flood of unknown codes costs no more than known ones.
///
/// Inlinable, like `DecodedRecordCache`: behind the module boundary the dictionary ran as unspecialized generic code.
public final class SnapshotCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline let snapshot: UInt64
        @usableFromInline let value: Value?

        @inlinable
        init(snapshot: UInt64, value: Value?) {
            self.snapshot = snapshot
            self.value = value
        }
    }

    @usableFromInline let watch: CollectionWatch
    @usableFromInline let entries = Mutex<[Key: Entry]>([:])
    @usableFromInline let capacity: Int

    /// A cache of values read from `collections` of `store`, which marks them when a write changes them. `capacity`
    /// bounds memory: when full, the cache starts over rather than tracking recency on every hit.
    public init(watching collections: [(table: Table, name: String)], in store: any KeyValueStore, capacity: Int = 10_000) {
        watch = CollectionWatch(collections)
        store.register(watch)
        self.capacity = capacity
    }

    /// The value for `key`, cached or else loaded in the reader whose `snapshot` is given.
    @inlinable
    public func value(_ key: Key, in snapshot: UInt64?, load: () throws -> Value?) rethrows -> Value? {
        guard let snapshot else { return try load() }
        if let entry = entries.withLock({ $0[key] }), watch.isUnchanged(since: entry.snapshot) { return entry.value }
        let value = try load()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            // A reader older than the entry's must not replace it; one older than the last change leaves an entry
            // that is never used.
            if entries[key].map({ $0.snapshot < snapshot }) ?? true { entries[key] = Entry(snapshot: snapshot, value: value) }
        }
        return value
    }
}
