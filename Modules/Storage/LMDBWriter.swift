import CLMDB
import Kernel

/// The write view lent to one write body, over the batch's transaction (or, when the batch reruns isolated, over the
/// body's own nested one).
///
/// Besides throwing, it records in `batch` when the whole batch must be rerun (map full) or split (too many dirty
/// pages): a body may catch the error and carry on, but the batch still has to react.
struct LMDBWriter: StoreWriter, ~Copyable {
    let transaction: Transaction
    let batch: BatchSignals
    /// This body's counter increments, which the writer adds to the batch's only if the body succeeds.
    let counters: CounterAccumulator

    var snapshot: UInt64? { nil }

    func get(_ table: Table, _ key: StoreKey) throws -> [UInt8]? {
        try transaction.get(table, key)
    }

    func scan(
        _ table: Table, prefix: StoreKey, after: StoreKey?, reverse: Bool,
        _ visit: (_ key: StoreKey, _ value: [UInt8]) throws -> Bool
    ) throws {
        try transaction.scan(table, prefix: prefix, after: after, reverse: reverse, visit)
    }

    func scanInPlace(
        _ table: Table, prefix: StoreKey, _ visit: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try transaction.scanInPlace(table, prefix: prefix, after: nil, reverse: false, visit)
    }

    func put(_ table: Table, _ key: StoreKey, _ value: [UInt8]) throws {
        batch.noteWrite(table, key)
        _ = try batch.watching { try transaction.put(table, key, value) }
    }

    func insert(_ table: Table, _ key: StoreKey, _ value: [UInt8]) throws -> Bool {
        batch.noteWrite(table, key)
        return try batch.watching { try transaction.put(table, key, value, flags: MDB_NOOVERWRITE) } != MDB_KEYEXIST
    }

    @discardableResult func delete(_ table: Table, _ key: StoreKey) throws -> Bool {
        batch.noteWrite(table, key)
        return try batch.watching { try transaction.delete(table, key) }
    }

    func add(_ table: Table, _ key: StoreKey, _ counters: CounterSet) throws {
        self.counters.add(table, key, counters)
    }

    func addNow(_ table: Table, _ cells: [(key: StoreKey, increments: CounterSet)]) throws {
        try batch.watching { try transaction.addCounters(table, cells) }
    }
}

/// What happened in a batch that concerns the batch rather than one body. Used only on the writer thread.
final class BatchSignals {
    private(set) var mapFull = false
    private(set) var transactionFull = false
    /// The store's watches, and those a write of the batch touched (`CollectionWatch`): marked before the commit.
    let watches: [CollectionWatch]
    private(set) var touched: [CollectionWatch] = []

    init(watches: [CollectionWatch]) { self.watches = watches }

    func noteWrite(_ table: Table, _ key: StoreKey) {
        for watch in watches where watch.covers(table, key) && !touched.contains(where: { $0 === watch }) { touched.append(watch) }
    }

    func note(_ rc: Int32) {
        if rc == MDB_MAP_FULL { mapFull = true }
        if rc == MDB_TXN_FULL { transactionFull = true }
    }

    var any: Bool { mapFull || transactionFull }

    func watching<R>(_ operation: () throws -> R) throws -> R {
        do {
            return try operation()
        } catch let error as StoreError {
            note(error.engineCode)
            throw error
        }
    }
}
