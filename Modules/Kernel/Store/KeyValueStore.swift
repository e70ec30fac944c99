/// A read view of the store inside one transaction. It is `~Copyable` and lent to a closure, so it cannot be kept,
/// copied or used after the closure returns: the compiler refuses it.
public protocol StoreReader: ~Copyable {
    /// The committed transaction this view reads (`CollectionWatch`); nil inside a write, which also sees its own
    /// uncommitted changes.
    var snapshot: UInt64? { get }

    func get(_ table: Table, _ key: StoreKey) throws -> [UInt8]?

    /// Visits keys that start with `prefix` in order (or in reverse), starting strictly after `after` when given,
    /// until `visit` returns `false`.
    func scan(
        _ table: Table, prefix: StoreKey, after: StoreKey?, reverse: Bool,
        _ visit: (_ key: StoreKey, _ value: [UInt8]) throws -> Bool
    ) throws

    /// As a forward `scan` of `prefix`, but lends the stored bytes in place instead of copying them: for hot loops
    /// over thousands of cells. The buffers are valid only inside `visit`.
    func scanInPlace(
        _ table: Table, prefix: StoreKey, _ visit: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws
}

/// A write view inside the writer's transaction.
public protocol StoreWriter: StoreReader, ~Copyable {
    func put(_ table: Table, _ key: StoreKey, _ value: [UInt8]) throws
    /// Stores the value only when the key is absent; `false` when it was already there.
    func insert(_ table: Table, _ key: StoreKey, _ value: [UInt8]) throws -> Bool
    /// Removes the key; `false` when it was not there.
    @discardableResult func delete(_ table: Table, _ key: StoreKey) throws -> Bool
    /// Adds `counters` to the cell at `key` when the batch commits. Increments of the batch's writes to one cell are
    /// summed first and the cell is read and written once, which keeps high-volume projections (rollups) off the
    /// per-request cost. Reads inside the batch do not see them yet; a write that fails contributes nothing.
    func add(_ table: Table, _ key: StoreKey, _ counters: CounterSet) throws
    /// Adds increments to many cells now, in the order given, through one cursor: for a write that has already
    /// summed its cells and sorted them by key (`sorted(byKey:)`) off the writer's thread, which `add` would hash
    /// and sort again on it. Later reads in the transaction see them.
    func addNow(_ table: Table, _ cells: [(key: StoreKey, increments: CounterSet)]) throws
}

/// A write applied by the store's single writer. It may run more than once (when the map grows, the batch it was in
/// is retried), so it must depend only on what it reads and what it captured.
public typealias WriteBody<T> = @Sendable (borrowing any StoreWriter & ~Copyable) throws -> T

/// How soon a write reaches the disk itself. Either way the caller hears back only after its commit is in the
/// operating system, so an answered write survives `kill -9` of the server.
public enum WriteDurability: Sendable {
    /// Fsynced before the answer: survives power loss too. Money and everything low-volume.
    case synced
    /// Fsynced by the store within its sync interval: a power cut may lose that much. For high-volume records
    /// (clicks) whose every fsync would otherwise cap the ingest rate.
    case deferredSync
}

/// The storage engine as the contexts see it. Reads are short and synchronous; writes are queued to one writer that
/// commits many at once and answers each after its commit.
public protocol KeyValueStore: Sendable {
    func read<T>(_ body: (borrowing any StoreReader & ~Copyable) throws -> T) throws -> T
    func write<T: Sendable>(durability: WriteDurability, _ body: @escaping WriteBody<T>) async throws -> T
    /// Marks `watch` in every later transaction that writes into its collections, before that transaction commits.
    func register(_ watch: CollectionWatch)
}

extension KeyValueStore {
    /// A write fsynced before the answer.
    public func write<T: Sendable>(_ body: @escaping WriteBody<T>) async throws -> T {
        try await write(durability: .synced, body)
    }
}

extension StoreReader where Self: ~Copyable {
    public func scan(_ table: Table, prefix: StoreKey, _ visit: (_ key: StoreKey, _ value: [UInt8]) throws -> Bool) throws {
        try scan(table, prefix: prefix, after: nil, reverse: false, visit)
    }

    /// Every record under a prefix, in key order, decoded with `RecordCoding`.
    public func records<T: Decodable>(_ table: Table, prefix: StoreKey, as _: T.Type = T.self) throws -> [T] {
        try records(table, prefix: prefix) { try RecordCoding.decode(T.self, from: $0) }
    }

    /// Every record under a prefix, in key order, read by `decode` (a binary form's coding).
    public func records<T>(_ table: Table, prefix: StoreKey, decode: ([UInt8]) throws -> T) throws -> [T] {
        var records: [T] = []
        try scan(table, prefix: prefix) { _, value in
            records.append(try decode(value))
            return true
        }
        return records
    }

    /// Counts the keys under a prefix.
    public func count(_ table: Table, prefix: StoreKey) throws -> Int {
        var count = 0
        try scan(table, prefix: prefix) { _, _ in
            count += 1
            return true
        }
        return count
    }
}
