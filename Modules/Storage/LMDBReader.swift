import CLMDB
import Kernel

/// The read view lent to `LMDBStore.read` closures. `~Copyable`, so it cannot escape the transaction it wraps.
struct LMDBReader: StoreReader, ~Copyable {
    let transaction: Transaction

    var snapshot: UInt64? { UInt64(mdb_txn_id(transaction.txn)) }

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
}
